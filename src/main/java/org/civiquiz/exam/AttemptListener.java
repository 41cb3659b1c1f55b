package org.civiquiz.exam;

import reactor.core.publisher.Mono;

/**
 * Learns of attempts after they are committed (the read side: leaderboards, statistics).
 * A listener's failure or slowness never fails the request; an event may be announced
 * again (a resent submission, which says so: {@link AttemptSubmitted#repeated()}), so
 * listeners must be idempotent.
 */
public interface AttemptListener {

	default Mono<Void> onOpened(AttemptOpened event) {
		return Mono.empty();
	}

	default Mono<Void> onSubmitted(AttemptSubmitted event) {
		return Mono.empty();
	}

}
