package org.civiquiz.review;

import java.time.Instant;
import java.util.Map;

import org.civiquiz.platform.CiviquizException;
import tools.jackson.databind.node.NullNode;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the review feature.
 */
public final class ReviewException extends CiviquizException {

	private final transient Instant availableAt;

	private ReviewException(HttpStatus status, String code, Instant availableAt) {
		super(status, code);
		this.availableAt = availableAt;
	}

	/**
	 * The contest's review policy does not allow it yet, or ever.
	 * @param availableAt when it will, {@code null} for never
	 * @return the refusal, {@code REVIEW_NOT_AVAILABLE}
	 */
	static ReviewException notAvailable(Instant availableAt) {
		return new ReviewException(HttpStatus.FORBIDDEN, "REVIEW_NOT_AVAILABLE", availableAt);
	}

	/**
	 * {@code availableAt}, present and {@code null} for never (a JSON null: the app
	 * leaves Java nulls out of its answers).
	 */
	@Override
	public Map<String, Object> getProperties() {
		return Map.of("availableAt", (this.availableAt != null) ? this.availableAt : NullNode.getInstance());
	}

}
