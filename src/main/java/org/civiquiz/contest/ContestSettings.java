package org.civiquiz.contest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contest as the exam enforces it.
 *
 * @param id the id
 * @param slug the URL name, e.g. {@code luat-htx-2023}
 * @param questionBank the bank questions are drawn from
 * @param opensAt start of the contest window
 * @param closesAt end of the contest window
 * @param timeLimit how long one attempt may take
 * @param questionsPerAttempt how many questions are drawn (20)
 * @param maxAttemptsPerRound attempts allowed per participant per round;
 * {@link Integer#MAX_VALUE} for an unranked contest that sets no limit
 * @param chapterQuotas minimum number of questions drawn from each chapter; the rest of
 * the draw comes from the whole bank
 * @param predictionQuestion the tie-break question asked at the end of the exam;
 * {@code null} for an unranked contest, which has no winners to separate
 * @param districts the districts a participant may choose (any text if empty)
 * @param status the lifecycle state
 * @param rounds the rounds, in order
 * @param units the units participants choose from
 * @param phoneVerification whether a start needs a phone verified by a one-time code
 * @param reviewPolicy when an attempt may be reviewed and the answer key read
 * @param overdueHandling what happens to an attempt whose time ran out unsubmitted
 * @param certificate whether and to whom the contest issues certificates
 * @param ranked whether the contest ranks its participants; an unranked contest
 * (practice) has no leaderboards, no prizes and no public figures
 */
public record ContestSettings(long id, String slug, String questionBank, Instant opensAt, Instant closesAt,
		Duration timeLimit, int questionsPerAttempt, int maxAttemptsPerRound, Map<Integer, Integer> chapterQuotas,
		String predictionQuestion, List<String> districts, ContestStatus status, List<Round> rounds, List<Unit> units,
		PhoneVerification phoneVerification, ReviewPolicy reviewPolicy, OverdueHandling overdueHandling,
		CertificateSetting certificate, boolean ranked) {

	public Optional<Unit> unit(String code) {
		return this.units.stream().filter((unit) -> unit.code().equals(code)).findFirst();
	}

	public Optional<Unit> unit(long id) {
		return this.units.stream().filter((unit) -> unit.id() == id).findFirst();
	}

	public Optional<Round> round(long id) {
		return this.rounds.stream().filter((round) -> round.id() == id).findFirst();
	}

	public Optional<Round> roundNumbered(int number) {
		return this.rounds.stream().filter((round) -> round.number() == number).findFirst();
	}

	/**
	 * The round in which a new attempt may start at the given instant.
	 * @param now the instant
	 * @return the open round
	 * @throws ContestException if the contest is not open or no round is; a draft is not
	 * found, as if it did not exist (the public must not learn of it)
	 */
	public Round requireOpenRound(Instant now) {
		if (this.status == ContestStatus.DRAFT) {
			throw ContestException.notFound(this.slug);
		}
		if (this.status != ContestStatus.OPEN || now.isBefore(this.opensAt) || !now.isBefore(this.closesAt)) {
			throw ContestException.notOpen(this.slug);
		}
		return this.rounds.stream()
			.filter((round) -> round.isOpenAt(now))
			.findFirst()
			.orElseThrow(() -> ContestException.noOpenRound(this.slug));
	}

	/**
	 * @return whether a start needs a phone verified by a one-time code
	 */
	public boolean verifiesPhones() {
		return this.phoneVerification == PhoneVerification.REQUIRED;
	}

	/**
	 * @return whether an attempt whose time ran out unsubmitted is submitted from its
	 * last save
	 */
	public boolean autoSubmitsOverdue() {
		return this.overdueHandling == OverdueHandling.AUTO_SUBMIT;
	}

	public boolean acceptsSubmissions() {
		return this.status == ContestStatus.OPEN;
	}

	/**
	 * When the contest is over: the end of its window or of its last round (whichever is
	 * later), plus the grace a submission may take; at once when organizers closed it.
	 * @param now the instant
	 * @param grace the submission grace
	 * @return when the contest is over, never after {@code now} if it is closed
	 */
	public Instant endsAt(Instant now, Duration grace) {
		Instant last = this.rounds.stream()
			.map(Round::closesAt)
			.reduce(this.closesAt, (a, b) -> a.isAfter(b) ? a : b)
			.plus(grace);
		boolean closed = this.status == ContestStatus.CLOSED || this.status == ContestStatus.FINALIZED;
		return (closed && now.isBefore(last)) ? now : last;
	}

}
