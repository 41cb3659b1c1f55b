package org.civiquiz.exam.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Finds an attempt for a request about it, which must carry the attempt's token.
 * <p>
 * The attempts this replica started or submitted in the last {@link #REMEMBERED_FOR} are
 * remembered, so that the requests that follow them at once (the submission after a
 * start, the rank after a submission) do not read them again from PostgreSQL. Only what
 * cannot have changed meanwhile is answered from memory: a submitted attempt (its
 * submission is final), and, for a submission, an open attempt whose time has not run out
 * (the submission's {@code UPDATE} changes it only if it is still open, and reads it
 * again if not). Anything else, and everything another replica did, is read from
 * PostgreSQL.
 */
@Component
public class AttemptLookup {

	/** How long a started or submitted attempt is remembered. */
	static final Duration REMEMBERED_FOR = Duration.ofMinutes(2);

	/**
	 * At most this many attempts are remembered (about 3 KB each): two minutes of 80
	 * starts and submissions a second.
	 */
	static final int REMEMBERED_AT_MOST = 10_000;

	private final AttemptRepository attempts;

	private final Cache<UUID, Attempt> recent = Caffeine.newBuilder()
		.maximumSize(REMEMBERED_AT_MOST)
		.expireAfterWrite(REMEMBERED_FOR)
		.build();

	AttemptLookup(AttemptRepository attempts) {
		this.attempts = attempts;
	}

	/**
	 * The attempt, if the token is its own.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @return the attempt, or {@code ATTEMPT_TOKEN_MISSING}, {@code ATTEMPT_NOT_FOUND},
	 * {@code ATTEMPT_TOKEN_INVALID}
	 */
	public Mono<Attempt> load(UUID attemptId, String token) {
		return load(attemptId, token, null);
	}

	/**
	 * The attempt, if the token is its own, as a submission needs it: an open attempt may
	 * be as this replica last saw it, if its time has not run out.
	 * @param attemptId the attempt
	 * @param token the attempt token
	 * @param lateAfter an open attempt whose deadline is before this time is read again
	 * @return the attempt, or {@code ATTEMPT_TOKEN_MISSING}, {@code ATTEMPT_NOT_FOUND},
	 * {@code ATTEMPT_TOKEN_INVALID}
	 */
	public Mono<Attempt> loadToSubmit(UUID attemptId, String token, Instant lateAfter) {
		return load(attemptId, token, lateAfter);
	}

	/**
	 * Remembers an attempt this replica just started or submitted.
	 * @param attempt the attempt as stored
	 */
	public void remember(Attempt attempt) {
		this.recent.put(attempt.id(), attempt);
	}

	private Mono<Attempt> load(UUID attemptId, String token, Instant lateAfter) {
		if (token == null || token.isBlank()) {
			return Mono.error(ExamException.tokenMissing());
		}
		Attempt known = this.recent.getIfPresent(attemptId);
		Mono<Attempt> attempt = (known != null && current(known, lateAfter)) ? Mono.just(known)
				: this.attempts.findById(attemptId).doOnNext(this::rememberIfSubmitted);
		return attempt.switchIfEmpty(Mono.error(ExamException::attemptNotFound))
			.flatMap((found) -> AttemptCredentials.matches(found.tokenHash(), token) ? Mono.just(found)
					: Mono.error(ExamException.tokenInvalid()));
	}

	private static boolean current(Attempt known, Instant lateAfter) {
		return known.status() == AttemptStatus.SUBMITTED
				|| (lateAfter != null && known.status() == AttemptStatus.OPEN && !known.deadline().isBefore(lateAfter));
	}

	private void rememberIfSubmitted(Attempt attempt) {
		if (attempt.status() == AttemptStatus.SUBMITTED) {
			remember(attempt);
		}
	}

}
