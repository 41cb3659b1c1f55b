package org.civiquiz.review;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewController {

	/** The exam's header: the token the start returned. */
	static final String TOKEN_HEADER = "X-Attempt-Token";

	private final ReviewService reviews;

	ReviewController(ReviewService reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/api/attempts/{attemptId}/review")
	Mono<ResponseEntity<AttemptReview>> review(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		return this.reviews.review(attemptId, token)
			.map((review) -> ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(review));
	}

	/**
	 * The same for everyone once published, and it does not change afterwards but by an
	 * organizer's import: shared caches may keep it a few minutes.
	 */
	@GetMapping("/api/contests/{slug}/answer-key")
	Mono<ResponseEntity<AnswerKey>> answerKey(@PathVariable String slug) {
		return this.reviews.answerKey(slug)
			.map((key) -> ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
				.body(key));
	}

}
