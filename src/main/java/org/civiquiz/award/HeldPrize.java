package org.civiquiz.award;

import java.time.Instant;
import java.util.UUID;

/**
 * A prize a participant holds in a standing winners list.
 *
 * @param round the list's round number; {@code null} for the whole contest's list
 * @param list the list's name: the round's, or "Toàn cuộc thi"
 * @param prize the prize, e.g. "Giải Nhất"
 * @param attemptId the attempt that won it
 * @param finalizedAt when the list was finalized
 */
public record HeldPrize(Integer round, String list, String prize, UUID attemptId, Instant finalizedAt) {

	/**
	 * @return the prize with its list, e.g. "Giải Nhất (Tuần 1)"
	 */
	public String label() {
		return this.prize + " (" + this.list + ")";
	}

}
