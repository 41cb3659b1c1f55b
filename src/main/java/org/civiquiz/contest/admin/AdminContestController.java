package org.civiquiz.contest.admin;

import java.net.URI;

import org.civiquiz.contest.PublicQuestionBanks;
import org.civiquiz.security.StaffScopes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers create and edit contests, drafts included, with their rounds and units; each
 * answer says whether the contest's question bank is public, and warns of it. A scoped
 * account lists the contests of its scope, and a contest it creates enters its scope.
 */
@RestController
@RequestMapping("/api/admin/contests")
class AdminContestController {

	private final AdminContestService contests;

	private final PublicQuestionBanks banks;

	private final StaffScopes scopes;

	private final TransactionalOperator transaction;

	AdminContestController(AdminContestService contests, PublicQuestionBanks banks, StaffScopes scopes,
			TransactionalOperator transaction) {
		this.contests = contests;
		this.banks = banks;
		this.scopes = scopes;
		this.transaction = transaction;
	}

	@GetMapping
	Flux<AdminContestSummary> list() {
		return Mono.zip(this.banks.publicBankNames(), this.scopes.contestFilter())
			.flatMapMany((both) -> this.contests.listAll()
				.filter((contest) -> both.getT2().test(contest.slug()))
				.map((contest) -> AdminContestSummary.of(contest, both.getT1())));
	}

	@GetMapping("/{slug}")
	Mono<AdminContest> form(@PathVariable String slug) {
		return withBank(this.contests.form(slug));
	}

	@PostMapping
	Mono<ResponseEntity<AdminContest>> create(@RequestBody ContestForm form) {
		// in the creation's transaction: never a contest its creator cannot reach
		Mono<ContestForm> created = this.contests.create(form)
			.flatMap((stored) -> this.scopes.enterCreated(stored.slug()).thenReturn(stored))
			.as(this.transaction::transactional);
		return withBank(created)
			.map((body) -> ResponseEntity.created(URI.create("/api/admin/contests/" + body.form().slug())).body(body));
	}

	@PutMapping("/{slug}")
	Mono<AdminContest> update(@PathVariable String slug, @RequestBody ContestForm form) {
		return withBank(this.contests.update(slug, form));
	}

	private Mono<AdminContest> withBank(Mono<ContestForm> form) {
		return form.zipWith(this.banks.publicBankNames(), AdminContest::of);
	}

}
