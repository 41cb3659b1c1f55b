package org.civiquiz.integrity;

import org.civiquiz.security.StaffScopes;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The award committee's cheating signals: a round's ({@code ?round=N}) or the whole
 * contest's; a unit-scoped account's, those of its units' participants.
 */
@RestController
class IntegrityController {

	private final IntegrityService integrity;

	private final StaffScopes scopes;

	IntegrityController(IntegrityService integrity, StaffScopes scopes) {
		this.integrity = integrity;
		this.scopes = scopes;
	}

	@GetMapping("/api/admin/contests/{slug}/integrity-flags")
	Mono<IntegrityReport> flags(@PathVariable String slug, @RequestParam(required = false) Integer round) {
		return this.scopes.units(slug).flatMap((units) -> this.integrity.flags(slug, round, units));
	}

}
