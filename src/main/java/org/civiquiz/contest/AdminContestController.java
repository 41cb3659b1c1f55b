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
 * Organizers create and edit contests, drafts included, with their rounds and units.
 */
@RestController
@RequestMapping("/api/admin/contests")
class AdminContestController {

	private final ContestService contests;

	AdminContestController(ContestService contests) {
		this.contests = contests;
	}

	@GetMapping
	Flux<ContestSummary> list() {
		return this.contests.listAll();
	}

	@GetMapping("/{slug}")
	Mono<ContestForm> form(@PathVariable String slug) {
		return this.contests.form(slug);
	}

	@PostMapping
	Mono<ResponseEntity<ContestForm>> create(@RequestBody ContestForm form) {
		return this.contests.create(form)
			.map((created) -> ResponseEntity.created(URI.create("/api/admin/contests/" + created.slug()))
				.body(created));
	}

	@PutMapping("/{slug}")
	Mono<ContestForm> update(@PathVariable String slug, @RequestBody ContestForm form) {
		return this.contests.update(slug, form);
	}

}
