package org.civiquiz.exam.attempt;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Finds an attempt for a request about it, which must carry the attempt's token.
 */
@Component
public class AttemptLookup {

	private final AttemptRepository attempts;

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
		if (token == null || token.isBlank()) {
			return Mono.error(ExamException.tokenMissing());
		}
		return this.attempts.findById(attemptId)
			.switchIfEmpty(Mono.error(ExamException::attemptNotFound))
			.flatMap((attempt) -> AttemptCredentials.matches(attempt.tokenHash(), token) ? Mono.just(attempt)
					: Mono.error(ExamException.tokenInvalid()));
	}

}
