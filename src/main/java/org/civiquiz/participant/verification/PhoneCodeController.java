package org.civiquiz.participant.verification;

import org.civiquiz.participant.verification.PhoneTokens.PhoneVerified;
import org.civiquiz.participant.verification.PhoneVerificationService.CodeSent;
import org.civiquiz.security.RateLimiter;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A citizen proves their phone before starting, in the contests that ask for it: a code
 * is sent to the phone, and the right code is traded for a proof the start carries.
 */
@RestController
class PhoneCodeController {

	private final PhoneVerificationService verification;

	private final RateLimiter limiter;

	PhoneCodeController(PhoneVerificationService verification, RateLimiter limiter) {
		this.verification = verification;
		this.limiter = limiter;
	}

	@PostMapping("/api/contests/{slug}/phone-codes")
	Mono<ResponseEntity<CodeSent>> send(@PathVariable String slug, @RequestBody CodeRequest request,
			ServerWebExchange exchange) {
		return this.verification.send(slug, request.phone(), this.limiter.clientAddress(exchange))
			.map((sent) -> ResponseEntity.accepted().body(sent));
	}

	@PostMapping("/api/contests/{slug}/phone-codes/verify")
	Mono<PhoneVerified> verify(@PathVariable String slug, @RequestBody CodeEntry entry) {
		return this.verification.verify(slug, entry.phone(), entry.code());
	}

	/**
	 * A code asked for.
	 *
	 * @param phone the phone, in any usual notation
	 */
	record CodeRequest(String phone) {
	}

	/**
	 * A code entered.
	 *
	 * @param phone the phone, as the code was asked for it (any notation)
	 * @param code the six digits received
	 */
	record CodeEntry(String phone, String code) {
	}

}
