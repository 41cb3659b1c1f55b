package org.civiquiz.waitingroom;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civiquiz.platform.CiviquizException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The room's answers that are not a start: {@code 503 WAITING_ROOM} (a place in the line,
 * with {@code Retry-After}) and a ticket that cannot be one.
 */
public final class WaitingRoomException extends CiviquizException {

	private final transient Map<String, Object> properties;

	private final long retryAfterMs;

	private WaitingRoomException(HttpStatus status, String code, Map<String, Object> properties, long retryAfterMs,
			Object... args) {
		super(status, code, args);
		this.properties = properties;
		this.retryAfterMs = retryAfterMs;
	}

	static WaitingRoomException waiting(WaitingRoom.Place place) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("ticket", place.ticket());
		properties.put("position", place.position());
		properties.put("estimatedWaitSeconds", place.estimatedWaitSeconds());
		properties.put("retryAfterMs", place.retryAfterMs());
		return new WaitingRoomException(HttpStatus.SERVICE_UNAVAILABLE, "WAITING_ROOM", properties,
				place.retryAfterMs(), place.position(), place.estimatedWaitSeconds());
	}

	static WaitingRoomException ticketInvalid() {
		return new WaitingRoomException(HttpStatus.BAD_REQUEST, "WAITING_ROOM_TICKET_INVALID", Map.of(), 0);
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		if (this.retryAfterMs > 0) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString((this.retryAfterMs + 999) / 1000));
			headers.setCacheControl("no-store");
		}
		return headers;
	}

	@Override
	public Map<String, Object> getProperties() {
		return this.properties;
	}

}
