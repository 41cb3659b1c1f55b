package org.civiquiz.question;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civiquiz.question.QuestionCsv.Parsed;
import org.civiquiz.question.QuestionCsv.QuestionRow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The question banks: a per-replica cache of each bank's active questions (small and read
 * on every start and submission) and the CSV import that organizers and the embedded
 * default's seed both use.
 */
@Service
public class QuestionBankService {

	private final QuestionRepository questions;

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final Duration cacheTtl;

	private final Map<String, Mono<QuestionBank>> banks = new ConcurrentHashMap<>();

	QuestionBankService(QuestionRepository questions, DatabaseClient database, TransactionalOperator transaction,
			QuestionProperties properties) {
		this.questions = questions;
		this.database = database;
		this.transaction = transaction;
		this.cacheTtl = properties.cacheTtl();
	}

	/**
	 * The bank's active questions, from this replica's cache.
	 * @param bank the bank's name
	 * @return the bank (possibly empty)
	 */
	public Mono<QuestionBank> bank(String bank) {
		return this.banks.computeIfAbsent(bank,
				(name) -> this.questions.findByBankAndActiveTrueOrderByCode(name)
					.map(QuestionBankService::toBankQuestion)
					.collectList()
					.map((list) -> new QuestionBank(name, list))
					// a failed read is not kept: the next request tries again
					.cache((loaded) -> this.cacheTtl, (error) -> Duration.ZERO, () -> this.cacheTtl));
	}

	/**
	 * Imports a CSV file into a bank, all or nothing: questions are added or, by code,
	 * replaced; a file with any bad row changes nothing and is rejected with every
	 * problem.
	 * @param bank the bank's name
	 * @param csv the file's bytes
	 * @return how many questions were imported, or an error
	 * {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ImportResult> importCsv(String bank, byte[] csv) {
		return importParsed(bank, QuestionCsv.parse(csv));
	}

	/**
	 * Imports a question bank from a spreadsheet (XLSX): the first sheet, with the CSV's
	 * columns as its header row; otherwise as {@link #importCsv}.
	 * @param bank the bank's name
	 * @param xlsx the file's bytes
	 * @return how many questions were imported, or an error
	 * {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ImportResult> importXlsx(String bank, byte[] xlsx) {
		// unzipping and parsing the workbook is CPU work: off the event loop
		return Mono.fromCallable(() -> QuestionXlsx.parse(xlsx))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((parsed) -> importParsed(bank, parsed));
	}

	private Mono<ImportResult> importParsed(String bank, Parsed parsed) {
		if (!parsed.problems().isEmpty()) {
			return Mono.error(QuestionBankException.importRejected(parsed.problems()));
		}
		return Flux.fromIterable(parsed.rows())
			.concatMap((row) -> upsert(bank, row))
			.then(Mono.fromSupplier(() -> new ImportResult(bank, parsed.rows().size())))
			.as(this.transaction::transactional)
			.doOnSuccess((result) -> this.banks.remove(bank));
	}

	private Mono<Long> upsert(String bank, QuestionRow row) {
		return this.database.sql("""
				insert into question (bank, code, chapter, article, text, options, correct_option, explanation)
				values (:bank, :code, :chapter, :article, :text, :options, :correct, :explanation)
				on conflict (bank, code) do update set chapter = excluded.chapter, article = excluded.article,
				    text = excluded.text, options = excluded.options, correct_option = excluded.correct_option,
				    explanation = excluded.explanation, active = true, updated_at = now()
				""")
			.bind("bank", bank)
			.bind("code", row.code())
			.bind("chapter", (short) row.chapter())
			.bind("article", (short) row.article())
			.bind("text", row.text())
			.bind("options", row.options().toArray(String[]::new))
			.bind("correct", (short) row.correctOption())
			.bind("explanation", row.explanation())
			.fetch()
			.rowsUpdated();
	}

	private static BankQuestion toBankQuestion(Question question) {
		return new BankQuestion(question.id(), question.code(), question.chapter(), question.article(), question.text(),
				Arrays.asList(question.options()), question.correctOption(), question.explanation());
	}

	/**
	 * The outcome of an import.
	 *
	 * @param bank the bank
	 * @param imported how many questions were added or replaced
	 */
	public record ImportResult(String bank, int imported) {
	}

}
