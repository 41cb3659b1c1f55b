package org.civiquiz.contest;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A window of a contest (e.g. one week) with its own ranking and prizes.
 *
 * @param id the id
 * @param contestId the contest
 * @param number 1, 2, ... within the contest
 * @param name what participants see, e.g. "Tuần 1"
 * @param opensAt start of the window, inclusive
 * @param closesAt end of the window, exclusive
 */
@Table("contest_round")
public record Round(@Id Long id, long contestId, int number, String name, Instant opensAt, Instant closesAt) {

	public boolean isOpenAt(Instant instant) {
		return !instant.isBefore(this.opensAt) && instant.isBefore(this.closesAt);
	}

}
