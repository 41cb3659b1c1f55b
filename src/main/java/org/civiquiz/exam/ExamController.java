package org.civiquiz.exam;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

import org.civiquiz.participant.Registration;
import org.civiquiz.platform.KeyedHasher;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

@RestController
class ExamController {

	static final String TOKEN_HEADER = "X-Attempt-Token";

	/**
	 * A random id the browser keeps for itself and sends when it starts an attempt: how
	 * the award committee sees one device used by many participants.
	 */
	static final String DEVICE_HEADER = "X-Device-Id";

	/** A UUID or anything like it; any other value is ignored, never refused. */
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final ExamService exams;

	private final KeyedHasher hasher;

	ExamController(ExamService exams, KeyedHasher hasher) {
		this.exams = exams;
		this.hasher = hasher;
	}

	@PostMapping("/api/contests/{slug}/attempts")
	Mono<ResponseEntity<AttemptStarted>> start(@PathVariable String slug, @RequestBody Registration registration,
			ServerWebExchange exchange) {
		return this.exams.start(slug, registration, client(exchange))
			.map((started) -> ResponseEntity.created(URI.create("/api/attempts/" + started.attemptId())).body(started));
	}

	@PostMapping("/api/attempts/{attemptId}/submission")
	Mono<SubmissionResult> submit(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody SubmissionRequest request) {
		return this.exams.submit(attemptId, token, request);
	}

	@GetMapping("/api/attempts/{attemptId}")
	Mono<AttemptView> view(@PathVariable UUID attemptId,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		return this.exams.view(attemptId, token);
	}

	private ExamService.ClientInfo client(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		byte[] ipHash = (remote != null && remote.getAddress() != null)
				? this.hasher.hash("client-ip", remote.getAddress().getHostAddress()) : null;
		String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
		if (agent != null && agent.length() > 512) {
			agent = agent.substring(0, 512);
		}
		return new ExamService.ClientInfo(ipHash, agent,
				deviceHash(exchange.getRequest().getHeaders().getFirst(DEVICE_HEADER)));
	}

	private byte[] deviceHash(String deviceId) {
		return (deviceId != null && DEVICE_ID.matcher(deviceId).matches()) ? this.hasher.hash("device-id", deviceId)
				: null;
	}

}
