package org.civiquiz.integrity;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The award committee's cheating signals: a round's ({@code ?round=N}) or the whole
 * contest's.
 */
@RestController
class IntegrityController {

	private final IntegrityService integrity;

	IntegrityController(IntegrityService integrity) {
		this.integrity = integrity;
	}

	@GetMapping("/api/admin/contests/{slug}/integrity-flags")
	Mono<IntegrityReport> flags(@PathVariable String slug, @RequestParam(required = false) Integer round) {
		return this.integrity.flags(slug, round);
	}

}
