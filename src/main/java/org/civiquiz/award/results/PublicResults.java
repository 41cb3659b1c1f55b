package org.civiquiz.award.results;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.civiquiz.award.UnitCriterion;

/**
 * A contest's finalized winners lists as the public reads them: no phone, e-mail, birth
 * year, attempt id, device or address, and names masked as on the public boards.
 *
 * @param contest the contest's slug
 * @param lists the standing lists, the most recently finalized first
 */
public record PublicResults(String contest, List<PublicList> lists) {

	/**
	 * A standing list.
	 *
	 * @param round the round's number; {@code null} for the whole contest
	 * @param name the round's name, or "Toàn cuộc thi"
	 * @param finalizedAt when the committee finalized it
	 * @param sha256 SHA-256 of the list's canonical CSV as frozen: what a committee's
	 * file can be checked against
	 * @param actualValue the value the prediction question asked for (attempts with every
	 * answer right)
	 * @param participants people with a submitted attempt in the list's scope
	 * @param attempts submitted attempts in the list's scope
	 * @param winners the winners, best first
	 * @param unitPrizes the collective prizes
	 */
	record PublicList(@JsonInclude(Include.ALWAYS) Integer round, String name, Instant finalizedAt, String sha256,
			long actualValue, long participants, long attempts, List<PublicWinner> winners,
			List<PublicUnitPrize> unitPrizes) {
	}

	/**
	 * A winner.
	 *
	 * @param rank place in the ranking
	 * @param name the name masked ("Nguyễn V. A.")
	 * @param unitName the unit
	 * @param district the district
	 * @param prize the prize
	 */
	record PublicWinner(int rank, String name, String unitName, String district, String prize) {
	}

	/**
	 * A collective prize.
	 *
	 * @param rank the unit's place by the criterion
	 * @param prize the prize
	 * @param criterion what it rewards
	 * @param unitName the unit
	 * @param participants its people who took part
	 * @param participationRate participants per 100 of its headcount, when known
	 */
	record PublicUnitPrize(int rank, String prize, UnitCriterion criterion, String unitName, long participants,
			@JsonInclude(Include.ALWAYS) java.math.BigDecimal participationRate) {
	}

}
