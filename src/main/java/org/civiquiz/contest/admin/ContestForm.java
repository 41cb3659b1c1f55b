package org.civiquiz.contest.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.contest.Round;
import org.civiquiz.contest.Unit;
import org.civiquiz.contest.internal.ConsentTexts;
import org.civiquiz.contest.internal.Contest;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;

/**
 * A contest as an organizer creates and edits it, with its rounds and units.
 *
 * @param slug the URL name (lowercase letters, digits and dashes); fixed once created
 * @param title the title
 * @param law the law the contest is about
 * @param description what the contest is about
 * @param rules the rules and prizes, as participants read them
 * @param consentText what a person agrees to when registering: which personal data are
 * used, what for and how long they are kept. Blank: the default text
 * ({@code consent.default} in the messages bundle); left out of an edit: unchanged
 * @param questionBank the question bank drawn from
 * @param opensAt start of the contest window
 * @param closesAt end of the contest window
 * @param timeLimitMinutes time for one attempt
 * @param questionsPerAttempt questions drawn per attempt
 * @param maxAttemptsPerRound attempts per participant per round; for an unranked contest,
 * 0 (or left out) means unlimited
 * @param chapterQuotas minimum number of questions per chapter
 * @param predictionQuestion the tie-break question; an unranked contest asks none, so it
 * may be left blank there
 * @param districts the districts participants choose from (any text if empty)
 * @param status {@code DRAFT} (hidden), {@code OPEN} or {@code CLOSED}
 * @param rounds the rounds; on an edit, matched by number
 * @param units the units; on an edit, matched by code; a parent comes before its children
 * @param phoneVerification whether a start needs a phone verified by a one-time code;
 * left out of a new contest: {@code OFF}; left out of an edit: unchanged
 * @param reviewPolicy when an attempt may be reviewed and the answer key read; left out
 * of a new contest: {@code AFTER_CONTEST_CLOSES}; left out of an edit: unchanged
 * @param overdueHandling what happens to an attempt whose time ran out unsubmitted:
 * {@code AUTO_SUBMIT} (from its last save) or {@code DISCARD}; left out of a new contest:
 * {@code AUTO_SUBMIT}; left out of an edit: unchanged
 * @param certificate whether and to whom the contest issues certificates; left out of a
 * new contest: off; left out of an edit: unchanged
 * @param ranked whether the contest ranks its participants; {@code false} for practice
 * ("thi thử"): no leaderboards, no prizes, no public figures. Left out of a new contest:
 * {@code true}; left out of an edit: unchanged
 */
// what organizers read back (AdminContest) may be sent back as it is: its read-only
// fields are taken and ignored
@JsonIgnoreProperties({ "bankPublic", "warnings" })
public record ContestForm(String slug, String title, String law, String description, String rules, String consentText,
		String questionBank, Instant opensAt, Instant closesAt, Integer timeLimitMinutes, Integer questionsPerAttempt,
		Integer maxAttemptsPerRound, Map<Integer, Integer> chapterQuotas, String predictionQuestion,
		List<String> districts, ContestStatus status, List<RoundForm> rounds, List<UnitForm> units,
		PhoneVerification phoneVerification, ReviewPolicy reviewPolicy, OverdueHandling overdueHandling,
		CertificateSetting certificate, Boolean ranked) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	/** Control characters but line breaks and tabs: PostgreSQL refuses NUL in text. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	public ContestForm {
		description = (description != null) ? description : "";
		rules = (rules != null) ? rules : "";
		consentText = (consentText != null) ? ConsentTexts.normalize(consentText) : null;
		chapterQuotas = (chapterQuotas != null) ? chapterQuotas : Map.of();
		districts = (districts != null) ? districts.stream().map((d) -> (d != null) ? d.strip() : null).toList()
				: List.of();
		rounds = (rounds != null) ? rounds : List.of();
		units = (units != null) ? units : List.of();
		if (Boolean.FALSE.equals(ranked)) {
			predictionQuestion = (predictionQuestion != null) ? predictionQuestion : "";
			maxAttemptsPerRound = (maxAttemptsPerRound != null) ? maxAttemptsPerRound : 0;
		}
	}

	/**
	 * A form without the settings added since phone verification (each left as it is).
	 */
	public ContestForm(String slug, String title, String law, String description, String rules, String consentText,
			String questionBank, Instant opensAt, Instant closesAt, Integer timeLimitMinutes,
			Integer questionsPerAttempt, Integer maxAttemptsPerRound, Map<Integer, Integer> chapterQuotas,
			String predictionQuestion, List<String> districts, ContestStatus status, List<RoundForm> rounds,
			List<UnitForm> units, PhoneVerification phoneVerification) {
		this(slug, title, law, description, rules, consentText, questionBank, opensAt, closesAt, timeLimitMinutes,
				questionsPerAttempt, maxAttemptsPerRound, chapterQuotas, predictionQuestion, districts, status, rounds,
				units, phoneVerification, null, null, null, null);
	}

	/**
	 * Checks every field.
	 * @return this form
	 * @throws CiviquizException {@code VALIDATION_FAILED} naming every field at fault
	 */
	ContestForm validated() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.slug == null || this.slug.length() > 64 || !SLUG.matcher(this.slug).matches()) {
			problems.add(new FieldProblem("slug", "SLUG_INVALID"));
		}
		text("title", this.title, 200, true, problems);
		text("law", this.law, 200, true, problems);
		text("description", this.description, 5000, false, problems);
		text("rules", this.rules, 10000, false, problems);
		if (this.consentText != null) {
			text("consentText", this.consentText, ConsentTexts.MAX_LENGTH, false, problems);
		}
		text("predictionQuestion", this.predictionQuestion, 500, ranks(), problems);
		if (this.questionBank == null || this.questionBank.length() > 64
				|| !SLUG.matcher(this.questionBank).matches()) {
			problems.add(new FieldProblem("questionBank", "SLUG_INVALID"));
		}
		window("", this.opensAt, this.closesAt, problems);
		number("timeLimitMinutes", this.timeLimitMinutes, 1, 120, problems);
		number("questionsPerAttempt", this.questionsPerAttempt, 1, 31, problems);
		number("maxAttemptsPerRound", this.maxAttemptsPerRound, ranks() ? 1 : 0, 100, problems);
		int quotas = 0;
		for (Map.Entry<Integer, Integer> quota : this.chapterQuotas.entrySet()) {
			if (quota.getKey() == null || quota.getKey() < 1 || quota.getValue() == null || quota.getValue() < 0) {
				problems.add(new FieldProblem("chapterQuotas", "CHAPTER_QUOTAS_INVALID"));
				break;
			}
			quotas += quota.getValue();
		}
		if (this.questionsPerAttempt != null && quotas > this.questionsPerAttempt) {
			problems.add(new FieldProblem("chapterQuotas", "CHAPTER_QUOTAS_INVALID"));
		}
		Set<String> districtNames = new HashSet<>();
		for (int i = 0; i < this.districts.size(); i++) {
			String district = this.districts.get(i);
			if (district == null || district.isEmpty() || district.length() > 100 || !districtNames.add(district)
					|| district.chars().anyMatch(Character::isISOControl)) {
				problems.add(new FieldProblem("districts[" + i + "]", "LIST_ITEM_INVALID", 100));
			}
		}
		if (this.status == null || this.status == ContestStatus.FINALIZED) {
			problems.add(new FieldProblem("status", "STATUS_INVALID"));
		}
		rounds(problems);
		units(problems);
		if (this.certificate != null) {
			this.certificate.check(this.questionsPerAttempt, problems);
		}
		if (!problems.isEmpty()) {
			throw CiviquizException.invalidFields(problems);
		}
		return this;
	}

	/** Whether the contest ranks its participants: unless the form says it does not. */
	boolean ranks() {
		return !Boolean.FALSE.equals(this.ranked);
	}

	private void rounds(List<FieldProblem> problems) {
		if (this.rounds.isEmpty()) {
			problems.add(new FieldProblem("rounds", "FIELD_REQUIRED"));
			return;
		}
		Set<Integer> numbers = new HashSet<>();
		for (int i = 0; i < this.rounds.size(); i++) {
			RoundForm round = this.rounds.get(i);
			String at = "rounds[" + i + "]";
			if (round == null) {
				problems.add(new FieldProblem(at, "FIELD_REQUIRED"));
				continue;
			}
			if (round.number() == null || round.number() < 1 || round.number() > 1000 || !numbers.add(round.number())) {
				problems.add(new FieldProblem(at + ".number", "ROUND_NUMBER_INVALID"));
			}
			text(at + ".name", round.name(), 100, true, problems);
			window(at + ".", round.opensAt(), round.closesAt(), problems);
			if (this.opensAt != null && this.closesAt != null && this.closesAt.isAfter(this.opensAt)
					&& round.opensAt() != null && round.closesAt() != null
					&& (round.opensAt().isBefore(this.opensAt) || round.closesAt().isAfter(this.closesAt))) {
				problems.add(new FieldProblem(at + ".closesAt", "ROUND_OUTSIDE_CONTEST"));
			}
		}
		List<RoundForm> ordered = this.rounds.stream()
			.filter((round) -> round != null && round.opensAt() != null && round.closesAt() != null)
			.sorted(Comparator.comparing(RoundForm::opensAt))
			.toList();
		for (int i = 1; i < ordered.size(); i++) {
			if (ordered.get(i).opensAt().isBefore(ordered.get(i - 1).closesAt())) {
				problems.add(new FieldProblem("rounds", "ROUNDS_OVERLAP"));
				break;
			}
		}
	}

	private void units(List<FieldProblem> problems) {
		if (this.units.isEmpty()) {
			problems.add(new FieldProblem("units", "FIELD_REQUIRED"));
			return;
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < this.units.size(); i++) {
			UnitForm unit = this.units.get(i);
			String at = "units[" + i + "]";
			if (unit == null) {
				problems.add(new FieldProblem(at, "FIELD_REQUIRED"));
				continue;
			}
			if (unit.code() == null || !CODE.matcher(unit.code()).matches() || codes.contains(unit.code())) {
				problems.add(new FieldProblem(at + ".code", "UNIT_CODE_INVALID"));
			}
			text(at + ".name", unit.name(), 200, true, problems);
			if (unit.parentCode() != null && !codes.contains(unit.parentCode())) {
				problems.add(new FieldProblem(at + ".parentCode", "UNIT_PARENT_UNKNOWN"));
			}
			if (unit.headcount() != null && unit.headcount() < 0) {
				problems.add(new FieldProblem(at + ".headcount", "NUMBER_RANGE", 0, Integer.MAX_VALUE));
			}
			if (unit.code() != null) {
				codes.add(unit.code());
			}
		}
	}

	private static void text(String field, String value, int max, boolean required, List<FieldProblem> problems) {
		if (value == null || (required && value.isBlank())) {
			problems.add(new FieldProblem(field, "FIELD_REQUIRED"));
		}
		else if (value.length() > max) {
			problems.add(new FieldProblem(field, "TEXT_TOO_LONG", max));
		}
		else if (CONTROL.matcher(value).find()) {
			problems.add(new FieldProblem(field, "TEXT_INVALID"));
		}
	}

	private static void number(String field, Integer value, int min, int max, List<FieldProblem> problems) {
		if (value == null || value < min || value > max) {
			problems.add(new FieldProblem(field, "NUMBER_RANGE", min, max));
		}
	}

	private static void window(String prefix, Instant opens, Instant closes, List<FieldProblem> problems) {
		if (opens == null) {
			problems.add(new FieldProblem(prefix + "opensAt", "FIELD_REQUIRED"));
		}
		if (closes == null) {
			problems.add(new FieldProblem(prefix + "closesAt", "FIELD_REQUIRED"));
		}
		else if (opens != null && !closes.isAfter(opens)) {
			problems.add(new FieldProblem(prefix + "closesAt", "WINDOW_INVALID"));
		}
	}

	static ContestForm of(Contest contest, Map<Integer, Integer> quotas, List<Round> rounds, List<Unit> units,
			ConsentTexts.ConsentText consent, CertificateSetting certificate) {
		Map<Long, String> codes = new java.util.HashMap<>();
		units.forEach((unit) -> codes.put(unit.id(), unit.code()));
		return new ContestForm(contest.slug(), contest.title(), contest.law(), contest.description(), contest.rules(),
				consent.body(), contest.questionBank(), contest.opensAt(), contest.closesAt(),
				contest.timeLimitSeconds() / 60, contest.questionsPerAttempt(), contest.maxAttemptsPerRound(), quotas,
				contest.predictionQuestion(), List.of(contest.districts()), contest.status(),
				rounds.stream()
					.map((round) -> new RoundForm(round.number(), round.name(), round.opensAt(), round.closesAt()))
					.toList(),
				units.stream()
					.map((unit) -> new UnitForm(unit.code(), unit.name(),
							(unit.parentId() != null) ? codes.get(unit.parentId()) : null, unit.headcount()))
					.toList(),
				contest.phoneVerification(), contest.reviewPolicy(), contest.overdueHandling(), certificate,
				contest.ranked());
	}

	/**
	 * A round.
	 *
	 * @param number 1, 2, …
	 * @param name e.g. "Tuần 1"
	 * @param opensAt start, inclusive
	 * @param closesAt end, exclusive
	 */
	public record RoundForm(Integer number, String name, Instant opensAt, Instant closesAt) {
	}

	/**
	 * A unit.
	 *
	 * @param code a short stable code
	 * @param name its name
	 * @param parentCode the enclosing unit's code, if any
	 * @param headcount how many people it has, when known
	 */
	public record UnitForm(String code, String name, String parentCode, Integer headcount) {
	}

}
