package org.civiquiz.certificate;

import java.net.URI;
import java.util.UUID;

import org.civiquiz.security.RateLimiter;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A participant's certificate (with the token of one of their attempts), and the public
 * verification of a certificate's code. Both are limited per client address: a download
 * draws a PDF, and codes must not be tried in bulk.
 */
@RestController
class CertificateController {

	private static final String TOKEN_HEADER = "X-Attempt-Token";

	private final CertificateService certificates;

	private final RateLimiter limiter;

	CertificateController(CertificateService certificates, RateLimiter limiter) {
		this.certificates = certificates;
		this.limiter = limiter;
	}

	@GetMapping("/api/attempts/{attemptId}/certificate/status")
	Mono<CertificateStatus> status(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		return this.certificates.status(attemptId, token);
	}

	@GetMapping("/api/attempts/{attemptId}/certificate")
	Mono<ResponseEntity<byte[]>> download(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, ServerWebExchange exchange) {
		return this.limiter.check(RateLimiter.Limit.CERTIFICATE_PER_IP, this.limiter.clientAddress(exchange))
			.then(Mono
				.defer(() -> this.certificates.download(attemptId, token, origin(exchange.getRequest().getURI()))))
			.map((download) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				// it names the person: no shared cache keeps it
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("giay-chung-nhan-" + download.code() + ".pdf")
							.build()
							.toString())
				.body(download.pdf()));
	}

	@GetMapping("/api/certificates/{code}")
	Mono<CertificateVerification> verify(@PathVariable String code, ServerWebExchange exchange) {
		return this.limiter.check(RateLimiter.Limit.VERIFY_PER_IP, this.limiter.clientAddress(exchange))
			.then(Mono.defer(() -> this.certificates.verify(code)));
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

}
