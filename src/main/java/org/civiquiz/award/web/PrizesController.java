package org.civiquiz.award.web;

import java.util.List;

import org.civiquiz.award.PrizePlan;
import org.civiquiz.award.PrizePlanService;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a contest awards, as participants read it on the contest page.
 */
@RestController
class PrizesController {

	private final PrizePlanService plans;

	PrizesController(PrizePlanService plans) {
		this.plans = plans;
	}

	@GetMapping("/api/contests/{slug}/prizes")
	Mono<Prizes> prizes(@PathVariable String slug) {
		return this.plans.publicPlan(slug)
			.map((plan) -> new Prizes(plan.round(), plan.contest(), plan.unitsByParticipants(),
					plan.unitsByParticipationRate(), plan.unitPrizesPer(), plan.prizesPerPerson()));
	}

	/**
	 * The prizes: each round's, the whole contest's, and the collective ones.
	 *
	 * @param round each round's prizes, highest first
	 * @param contest the whole contest's prizes, highest first
	 * @param unitsByParticipants collective prizes for the units with the most
	 * participants
	 * @param unitsByParticipationRate collective prizes for the highest participation
	 * rate
	 * @param unitPrizesPer whether collective prizes are per round or for the contest
	 * @param prizesPerPerson whether a person keeps only their highest prize
	 */
	record Prizes(List<PrizePlan.Tier> round, List<PrizePlan.Tier> contest, List<PrizePlan.Tier> unitsByParticipants,
			List<PrizePlan.Tier> unitsByParticipationRate, PrizePlan.UnitPrizesPer unitPrizesPer,
			PrizePlan.PrizesPerPerson prizesPerPerson) {
	}

}
