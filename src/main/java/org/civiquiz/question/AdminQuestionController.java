package org.civiquiz.question;

import java.util.List;

import org.civiquiz.contest.ContestService;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizer's view of a contest's question bank, correct options included.
 */
@RestController
@RequestMapping("/api/admin/contests/{slug}/questions")
class AdminQuestionController {

	private final ContestService contests;

	private final QuestionBankService banks;

	AdminQuestionController(ContestService contests, QuestionBankService banks) {
		this.contests = contests;
		this.banks = banks;
	}

	@GetMapping
	Mono<List<BankQuestion>> list(@PathVariable String slug) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.banks.bank(contest.questionBank()))
			.map(QuestionBank::questions);
	}

	@PostMapping(consumes = { "text/csv", "text/plain", "application/octet-stream" })
	Mono<QuestionBankService.ImportResult> importCsv(@PathVariable String slug, @RequestBody byte[] csv) {
		return this.contests.settings(slug).flatMap((contest) -> this.banks.importCsv(contest.questionBank(), csv));
	}

}
