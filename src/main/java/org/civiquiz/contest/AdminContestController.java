package org.civiquiz.contest;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers create and edit contests, drafts included, with their rounds and units; each
 * answer says whether the contest's question bank is public, and warns of it.
 */
@RestController
@RequestMapping("/api/admin/contests")
class AdminContestController {

	private final ContestService contests;

	private final PublicQuestionBanks banks;

	AdminContestController(ContestService contests, PublicQuestionBanks banks) {
		this.contests = contests;
		this.banks = banks;
	}

	@GetMapping
	Flux<AdminContestSummary> list() {
		return this.banks.publicBankNames()
			.flatMapMany((publicBanks) -> this.contests.listAll()
				.map((contest) -> AdminContestSummary.of(contest, publicBanks)));
	}

	@GetMapping("/{slug}")
	Mono<AdminContest> form(@PathVariable String slug) {
		return withBank(this.contests.form(slug));
	}

	@PostMapping
	Mono<ResponseEntity<AdminContest>> create(@RequestBody ContestForm form) {
		return withBank(this.contests.create(form))
			.map((created) -> ResponseEntity.created(URI.create("/api/admin/contests/" + created.form().slug()))
				.body(created));
	}

	@PutMapping("/{slug}")
	Mono<AdminContest> update(@PathVariable String slug, @RequestBody ContestForm form) {
		return withBank(this.contests.update(slug, form));
	}

	private Mono<AdminContest> withBank(Mono<ContestForm> form) {
		return form.zipWith(this.banks.publicBankNames(), AdminContest::of);
	}

}
