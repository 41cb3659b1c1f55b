package org.civiquiz.participant;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Unit;
import org.civiquiz.participant.verification.PhoneTokens;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.platform.KeyedHasher;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Registers participants: checks every field, and the proof of a verified phone where the
 * contest asks for one, then finds or creates the person by normalized phone number,
 * recording the consent text they agreed to and when. A returning person keeps the
 * details of their first registration (what each start entered is recorded with its
 * attempt, for the committee to compare); their latest consent replaces the earlier one.
 * Anonymizes participants when their data are no longer kept.
 */
@Service
public class ParticipantService {

	/**
	 * The name of an anonymized participant ("anonymous"), shown as it is on public
	 * boards.
	 */
	public static final String ANONYMIZED_NAME = "Ẩn danh";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern NATIONAL_ID = Pattern.compile("\\d{12}|\\d{9}");

	/** Control characters, and halves of a character that lost its other half. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}]");

	/**
	 * Every Unicode space (no-break, thin, ideographic, …), so that masking finds the
	 * parts.
	 */
	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

	private final DatabaseClient database;

	private final KeyedHasher hasher;

	private final PhoneTokens phoneTokens;

	ParticipantService(DatabaseClient database, KeyedHasher hasher, PhoneTokens phoneTokens) {
		this.database = database;
		this.hasher = hasher;
		this.phoneTokens = phoneTokens;
	}

	/**
	 * Validates a registration and finds or creates its participant. Call within the
	 * transaction that uses the participant, so that a refused request leaves no row.
	 * @param contest the contest
	 * @param registration what the person entered
	 * @param now the time of consent
	 * @return the participant, or an error {@code VALIDATION_FAILED} listing every field
	 * at fault, {@code PHONE_NOT_VERIFIED} (a contest that verifies phones, without the
	 * proof for this one), {@code CONSENT_TEXT_CHANGED}
	 */
	public Mono<RegisteredParticipant> register(ContestSettings contest, Registration registration, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		String fullName = fullName(registration.fullName(), problems);
		Optional<String> phone = PhoneNumbers.normalize(registration.phone());
		if (isBlank(registration.phone())) {
			problems.add(new FieldProblem("phone", "FIELD_REQUIRED"));
		}
		else if (phone.isEmpty()) {
			problems.add(new FieldProblem("phone", "PHONE_INVALID"));
		}
		String district = clean(registration.district());
		if (district.isEmpty()) {
			problems.add(new FieldProblem("district", "FIELD_REQUIRED"));
		}
		else if (district.length() > 100
				|| (!contest.districts().isEmpty() && !contest.districts().contains(district))) {
			problems.add(new FieldProblem("district", "DISTRICT_UNKNOWN"));
		}
		int maxBirthYear = now.atZone(ZoneOffset.UTC).getYear() - 6;
		if (registration.birthYear() == null) {
			problems.add(new FieldProblem("birthYear", "FIELD_REQUIRED"));
		}
		else if (registration.birthYear() < 1900 || registration.birthYear() > maxBirthYear) {
			problems.add(new FieldProblem("birthYear", "BIRTH_YEAR_INVALID", 1900, maxBirthYear));
		}
		String email = clean(registration.email());
		if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("email", "EMAIL_INVALID"));
		}
		String nationalId = clean(registration.nationalId());
		if (!nationalId.isEmpty() && !NATIONAL_ID.matcher(nationalId).matches()) {
			problems.add(new FieldProblem("nationalId", "NATIONAL_ID_INVALID"));
		}
		if (!Boolean.TRUE.equals(registration.consent())) {
			problems.add(new FieldProblem("consent", "CONSENT_REQUIRED"));
		}
		String unitCode = clean(registration.unitCode());
		if (unitCode.isEmpty()) {
			problems.add(new FieldProblem("unitCode", "FIELD_REQUIRED"));
		}
		Optional<Unit> unit = contest.unit(unitCode);
		if (unit.isEmpty() && !unitCode.isEmpty()) {
			problems.add(new FieldProblem("unitCode", "UNIT_UNKNOWN"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(CiviquizException.invalidFields(problems));
		}
		boolean verified = this.phoneTokens.proves(registration.phoneToken(), contest.id(), phone.get(), now);
		if (contest.verifiesPhones() && !verified) {
			return Mono.error(ParticipantException.phoneNotVerified());
		}
		return upsert(contest.id(), fullName, phone.get(), email, nationalId, unit.get(), district,
				registration.birthYear(), clean(registration.consentVersion()).toLowerCase(Locale.ROOT), now)
			.map((stored) -> new RegisteredParticipant(stored.id(), contest.id(), stored.fullName(), stored.unitId(),
					stored.district(), fullName, unit.get().code(), district, verified))
			.switchIfEmpty(Mono.error(ParticipantException::consentTextChanged));
	}

	/**
	 * Anonymizes every participant of a contest not anonymized yet: the name becomes
	 * {@link #ANONYMIZED_NAME}, the phone {@code anon:<id>} (unique, and never a phone),
	 * email, national ID hash and birth year are cleared. Unit and district stay, and so
	 * do the participant ids that attempts refer to: every figure stays the same.
	 * @param contestId the contest
	 * @param now when
	 * @return how many participants were anonymized now
	 */
	public Mono<Long> anonymize(long contestId, Instant now) {
		return this.database.sql("""
				update participant set full_name = :name, phone = 'anon:' || id, email = null, national_id_hash = null,
				                       birth_year = null, anonymized_at = :now
				where contest_id = :contest and anonymized_at is null
				""").bind("name", ANONYMIZED_NAME).bind("now", now).bind("contest", contestId).fetch().rowsUpdated();
	}

	/**
	 * Inserts the participant, or finds them by phone, with the contest's current consent
	 * text; nothing (empty) if {@code consentVersion} is given and is not that text's.
	 */
	private Mono<Stored> upsert(long contestId, String fullName, String phone, String email, String nationalId,
			Unit unit, String district, int birthYear, String consentVersion, Instant now) {
		DatabaseClient.GenericExecuteSpec sql = this.database
			.sql("""
					insert into participant (contest_id, full_name, phone, email, national_id_hash, unit_id, district,
					                         birth_year, consent_text_id, consent_at)
					select :contest, :name, :phone, :email, :nationalId, :unit, :district, :birthYear, c.consent_text_id, :now
					from contest c join consent_text t on t.id = c.consent_text_id
					where c.id = :contest and (cast(:version as text) is null or t.sha256 = cast(:version as text))
					-- not "do nothing": the update returns the existing row and locks it, which makes
					-- concurrent starts of one person run one after the other
					on conflict (contest_id, phone) do update
					    set consent_text_id = excluded.consent_text_id, consent_at = excluded.consent_at
					returning id, full_name, unit_id, district
					""")
			.bind("contest", contestId)
			.bind("name", fullName)
			.bind("phone", phone)
			.bind("unit", unit.id())
			.bind("district", district)
			.bind("birthYear", (short) birthYear)
			.bind("now", now);
		sql = consentVersion.isEmpty() ? sql.bindNull("version", String.class) : sql.bind("version", consentVersion);
		sql = email.isEmpty() ? sql.bindNull("email", String.class) : sql.bind("email", email);
		sql = nationalId.isEmpty() ? sql.bindNull("nationalId", byte[].class)
				: sql.bind("nationalId", this.hasher.hash("national-id", nationalId));
		return sql
			.map((row, meta) -> new Stored(row.get("id", Long.class), row.get("full_name", String.class),
					row.get("unit_id", Long.class), row.get("district", String.class)))
			.one();
	}

	private static String fullName(String input, List<FieldProblem> problems) {
		String name = clean(input);
		if (hasInvisibleCharacters(name)) {
			problems.add(new FieldProblem("fullName", "TEXT_INVISIBLE_CHARACTERS"));
		}
		else if (name.isEmpty()) {
			problems.add(new FieldProblem("fullName", "FIELD_REQUIRED"));
		}
		else if (name.length() < 2 || name.length() > 100 || !name.codePoints().anyMatch(Character::isLetter)) {
			problems.add(new FieldProblem("fullName", "FULL_NAME_INVALID", 2, 100));
		}
		return name;
	}

	/**
	 * Whether the text holds an invisible format character: a right-to-left override or
	 * isolate, a zero-width space or non-joiner, a byte order mark. Nothing a Vietnamese
	 * name needs; they make a name read otherwise than it is stored. A zero-width joiner
	 * inside an emoji sequence (a family, a rainbow flag, a person with a skin tone and a
	 * laptop) is part of the emoji and stays.
	 */
	static boolean hasInvisibleCharacters(String text) {
		int[] points = text.codePoints().toArray();
		for (int i = 0; i < points.length; i++) {
			if (Character.getType(points[i]) != Character.FORMAT) {
				continue;
			}
			boolean joinsEmoji = points[i] == 0x200D && i > 0 && i < points.length - 1 && endsEmoji(points[i - 1])
					&& Character.getType(points[i + 1]) == Character.OTHER_SYMBOL;
			if (!joinsEmoji) {
				return true;
			}
		}
		return false;
	}

	/** An emoji, its skin tone, or the selector that asks for its emoji form. */
	private static boolean endsEmoji(int point) {
		int type = Character.getType(point);
		return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || point == 0xFE0F;
	}

	/**
	 * Unicode NFC, no control characters (nor unpaired surrogates, which no encoding can
	 * store), every kind of space as one ASCII space, trimmed: "Nguyễn Văn A" typed any
	 * way is one name.
	 */
	private static String clean(String input) {
		if (input == null) {
			return "";
		}
		String normalized = Normalizer.normalize(input, Normalizer.Form.NFC);
		return WHITESPACE.matcher(CONTROL.matcher(normalized).replaceAll(" ")).replaceAll(" ").strip();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** A participant's row as stored: the first registration's unit and district. */
	private record Stored(long id, String fullName, long unitId, String district) {
	}

}
