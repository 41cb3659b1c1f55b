package org.civiquiz.certificate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civiquiz.award.AwardQueryService;
import org.civiquiz.award.HeldPrize;
import org.civiquiz.certificate.CertificateRepository.Issued;
import org.civiquiz.certificate.CertificateRepository.Taken;
import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.Unit;
import org.civiquiz.exam.AttemptSubmitted;
import org.civiquiz.exam.ExamProperties;
import org.civiquiz.exam.ExamService;
import org.civiquiz.leaderboard.DisplayNames;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Issues, draws and verifies certificates.
 * <p>
 * Who asks: the token of any submitted attempt of the participant in the contest (the
 * browser keeps the one it took last). What it rests on: the participant's best attempt
 * in the whole contest (highest score, then shorter time, then earlier submission) among
 * those the committee did not exclude. One certificate per person and contest stands; it
 * states its attempt, score and prizes as they were when issued, so it downloads
 * identically. When these change (a better attempt in a later round, a prize finalized or
 * withdrawn), the next download issues a new certificate and the old one verifies as
 * superseded.
 */
@Service
public class CertificateService {

	private final ExamService exams;

	private final ContestService contests;

	private final AwardQueryService awards;

	private final CertificateRepository repository;

	private final TransactionalOperator transaction;

	private final Settings settings;

	private final Clock clock;

	private final CertificatePdf pdf = CertificatePdf.withBundledFonts();

	CertificateService(ExamService exams, ContestService contests, AwardQueryService awards,
			CertificateRepository repository, TransactionalOperator transaction, ExamProperties exam,
			CertificateProperties properties, Clock clock) {
		this.exams = exams;
		this.contests = contests;
		this.awards = awards;
		this.repository = repository;
		this.transaction = transaction;
		this.settings = new Settings(exam, properties);
		this.clock = clock;
		// seeds the codes' generator now, not on a request thread
		VerificationCodes.generate();
	}

	/**
	 * Whether the attempt's participant gets a certificate, and when.
	 * @param attemptId any submitted attempt of theirs
	 * @param token its token
	 * @return the status
	 */
	Mono<CertificateStatus> status(UUID attemptId, String token) {
		return standing(attemptId, token).map((standing) -> standing.status(this.clock.instant()))
			.defaultIfEmpty(CertificateStatus.notOffered());
	}

	/**
	 * The participant's certificate as a PDF, issued on the first download.
	 * @param attemptId any submitted attempt of theirs
	 * @param token its token
	 * @param origin the site's address as the request saw it (used when
	 * {@code civiquiz.certificate.public-url} is blank)
	 * @return the certificate
	 */
	Mono<Download> download(UUID attemptId, String token, String origin) {
		Instant now = this.clock.instant();
		return standing(attemptId, token).switchIfEmpty(Mono.error(CertificateException::notOffered))
			.flatMap((standing) -> {
				CertificateStatus status = standing.status(now);
				if (!status.qualifies()) {
					return Mono.error(standing.best() == null && standing.anyExcluded() ? CertificateException.revoked()
							: CertificateException.notQualified(standing.setting().minScore()));
				}
				if (!status.available()) {
					return Mono.error(CertificateException.notAvailable(status.availableAt()));
				}
				return issue(standing, now).flatMap((issued) -> draw(standing.contest(), issued, origin));
			});
	}

	/**
	 * What a certificate's code tells anyone.
	 * @param typed the code as typed or scanned
	 * @return the verification, or {@code CERTIFICATE_NOT_FOUND}
	 */
	Mono<CertificateVerification> verify(String typed) {
		return Mono.justOrEmpty(VerificationCodes.canonical(typed))
			.flatMap(this.repository::byCode)
			.switchIfEmpty(Mono.error(CertificateException::notFound))
			.flatMap((issued) -> Mono.zip(this.contests.title(issued.contestId()),
					this.repository.person(issued.participantId()), this.awards.excluded(List.of(issued.attemptId())),
					this.awards.prizes(issued.contestId(), issued.participantId()).map(HeldPrize::label).collectList())
				.map((found) -> {
					String reason = !found.getT3().isEmpty() ? "revoked" : (issued.supersededAt() != null)
							? "superseded" : withdrawn(issued.prize(), found.getT4()) ? "prize-withdrawn" : null;
					return new CertificateVerification(VerificationCodes.grouped(issued.code()), reason == null, reason,
							found.getT1(), DisplayNames.mask(found.getT2().fullName()), issued.score(), issued.total(),
							issued.prize(), issued.issuedAt());
				}));
	}

	/** Whether a prize the certificate states is no longer held. */
	private static boolean withdrawn(String stated, List<String> held) {
		return stated != null && !held.containsAll(List.of(stated.split("; ")));
	}

	/** The participant's standing in the contest; empty if it issues no certificates. */
	private Mono<Standing> standing(UUID attemptId, String token) {
		return this.exams.submission(attemptId, token)
			.flatMap((submission) -> this.contests.settings(submission.contestId())
				.filter((contest) -> contest.certificate().enabled())
				.flatMap((contest) -> standing(contest, submission)));
	}

	private Mono<Standing> standing(ContestSettings contest, AttemptSubmitted submission) {
		return this.repository.submitted(contest.id(), submission.participantId())
			.collectList()
			.flatMap((taken) -> this.awards.excluded(taken.stream().map(Taken::id).toList())
				.flatMap((excluded) -> this.awards.prizes(contest.id(), submission.participantId())
					.collectList()
					.map((prizes) -> new Standing(contest, submission.participantId(),
							taken.stream()
								.filter((attempt) -> !excluded.contains(attempt.id()))
								.findFirst()
								.orElse(null),
							!excluded.isEmpty(), prizes, this.settings))));
	}

	/** The standing certificate if it states what it should, else a new one. */
	private Mono<Issued> issue(Standing standing, Instant now) {
		long contest = standing.contest().id();
		Taken best = standing.best();
		String prize = standing.prize();
		return this.repository.standing(contest, standing.participantId())
			.filter((issued) -> issued.states(best.id(), best.score(), best.total(), prize))
			.switchIfEmpty(Mono.defer(() -> {
				Issued fresh = new Issued(VerificationCodes.generate(), contest, standing.participantId(), best.id(),
						best.score(), best.total(), prize, now, null);
				return this.repository.standing(contest, standing.participantId())
					.flatMap((old) -> this.repository.supersede(old.code(), now))
					.then(this.repository.insert(fresh))
					.as(this.transaction::transactional)
					// two downloads at once: the other one's certificate stands
					.onErrorResume(DuplicateKeyException.class,
							(ex) -> this.repository.standing(contest, standing.participantId()));
			}));
	}

	private Mono<Download> draw(ContestSettings contest, Issued issued, String origin) {
		CertificateSetting setting = contest.certificate();
		String base = this.settings.properties().publicUrl().isBlank() ? origin
				: this.settings.properties().publicUrl();
		String url = base.replaceAll("/+$", "") + "/#/verify/" + VerificationCodes.grouped(issued.code());
		return Mono.zip(this.contests.title(contest.id()), this.repository.person(issued.participantId()))
			.map((found) -> new CertificateContent(issued.code(), setting.issuer(), setting.place(), found.getT1(),
					found.getT2().fullName(), contest.unit(found.getT2().unitId()).map(Unit::name).orElse(""),
					issued.score(), issued.total(), issued.prize(), issued.issuedAt(),
					this.settings.properties().zone(), url))
			// drawing a page is CPU work: off the event loop
			.publishOn(Schedulers.boundedElastic())
			.map((content) -> new Download(issued.code(), this.pdf.render(content)));
	}

	/**
	 * A certificate to download.
	 *
	 * @param code its verification code, canonical
	 * @param pdf the PDF
	 */
	record Download(String code, byte[] pdf) {
	}

	private record Settings(ExamProperties exam, CertificateProperties properties) {
	}

	/**
	 * A participant as certificates see them.
	 *
	 * @param contest the contest
	 * @param participantId who
	 * @param best their best attempt that counts, or {@code null}
	 * @param anyExcluded whether the committee excluded any of their attempts
	 * @param prizes the prizes they hold
	 * @param settings the settings
	 */
	private record Standing(ContestSettings contest, long participantId, Taken best, boolean anyExcluded,
			List<HeldPrize> prizes, Settings settings) {

		CertificateSetting setting() {
			return this.contest.certificate();
		}

		String prize() {
			return this.prizes.isEmpty() ? null
					: this.prizes.stream().map(HeldPrize::label).collect(Collectors.joining("; "));
		}

		CertificateStatus status(Instant now) {
			boolean winner = !this.prizes.isEmpty() && this.best != null;
			boolean qualifies = winner || (this.best != null && this.best.score() >= setting().minScore());
			Instant endsAt = this.contest.endsAt(now, this.settings.exam().submissionGrace());
			boolean available = qualifies && (winner || !now.isBefore(endsAt));
			return new CertificateStatus(true, setting().minScore(), (this.best != null) ? this.best.score() : null,
					(this.best != null) ? this.best.total() : null, prize(), qualifies, available,
					available ? null : endsAt);
		}

	}

}
