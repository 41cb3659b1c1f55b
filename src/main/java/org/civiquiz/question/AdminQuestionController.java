package org.civiquiz.question;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizer's view of a contest's question bank, correct options included.
 */
@RestController
@RequestMapping("/api/admin/contests/{slug}/questions")
class AdminQuestionController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

	/**
	 * The contest's bank: whether it is public (loaded from a file shipped with the
	 * platform) and how many questions it draws from.
	 */
	@GetMapping("/bank")
	Mono<QuestionBankService.BankStatus> bank(@PathVariable String slug) {
		return this.contests.settings(slug).flatMap((contest) -> this.banks.status(contest.questionBank()));
	}

	@PostMapping(consumes = { "text/csv", "text/plain", "application/octet-stream" })
	Mono<QuestionBankService.ImportResult> importCsv(@PathVariable String slug, @RequestBody byte[] csv) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.banks.importCsv(contest.questionBank(), csv, needs(contest)));
	}

	@PostMapping(consumes = XLSX)
	Mono<QuestionBankService.ImportResult> importXlsx(@PathVariable String slug, @RequestBody byte[] xlsx) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.banks.importXlsx(contest.questionBank(), xlsx, needs(contest)));
	}

	@PutMapping("/{code}")
	Mono<BankQuestion> update(@PathVariable String slug, @PathVariable String code,
			@RequestBody QuestionBankService.QuestionUpdate update) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.banks.update(contest.questionBank(), code, update));
	}

	/**
	 * The law texts the contest's bank brings (chapter titles, the articles' own words),
	 * which reviews show beside each question: the file replaces the bank's texts.
	 */
	@PostMapping(path = "/articles", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	Mono<QuestionBankService.ArticleImportResult> importArticles(@PathVariable String slug, @RequestBody byte[] csv) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.banks.importArticles(contest.questionBank(), csv));
	}

	/**
	 * What an attempt would get now: a draw under the contest's count and chapter quotas,
	 * with the correct options, stored nowhere.
	 */
	@GetMapping("/draw-preview")
	Mono<List<BankQuestion>> drawPreview(@PathVariable String slug) {
		return this.contests.settings(slug)
			.flatMap((contest) -> this.banks.bank(contest.questionBank())
				.map((bank) -> bank
					.draw(contest.questionsPerAttempt(), contest.chapterQuotas(), ThreadLocalRandom.current())
					.stream()
					.map(DrawnQuestion::question)
					.toList()));
	}

	private static QuestionBankService.DrawNeeds needs(ContestSettings contest) {
		return new QuestionBankService.DrawNeeds(contest.questionsPerAttempt(), contest.chapterQuotas());
	}

}
