package org.civiquiz.exam;

import reactor.core.publisher.Mono;

/**
 * Learns of accepted submissions after they are committed (the read side: leaderboards,
 * statistics). A listener's failure or slowness never fails the submission; a resent
 * identical submission is announced again, so listeners must be idempotent.
 */
public interface AttemptSubmittedListener {

	Mono<Void> onSubmitted(AttemptSubmitted event);

}
