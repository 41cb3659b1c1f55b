package org.civiquiz.question;

import org.civiquiz.question.file.AnswerCues;
import org.civiquiz.question.file.ArticleCsv;
import org.civiquiz.question.file.ImportWarning;
import org.civiquiz.question.file.QuestionCsv;
import org.civiquiz.question.file.QuestionXlsx;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.civiquiz.contest.PublicQuestionBanks;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.question.file.QuestionCsv.Parsed;
import org.civiquiz.question.file.QuestionCsv.QuestionRow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The question banks: a per-replica cache of each bank's active questions (small and read
 * on every start and submission), the CSV import that organizers and the embedded
 * default's seed both use, and whether a bank is public: loaded from a file shipped with
 * the platform (its correct options are in the public repository), which organizers are
 * warned of.
 */
@Service
public class QuestionBankService implements PublicQuestionBanks {

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
	 * The bank's active questions (and its retired ones, for the attempts that drew
	 * them), from this replica's cache.
	 * @param bank the bank's name
	 * @return the bank (possibly empty)
	 */
	public Mono<QuestionBank> bank(String bank) {
		return this.banks.computeIfAbsent(bank,
				(name) -> this.questions.findByBankOrderByCode(name)
					.collect(Collectors.partitioningBy(Question::active,
							Collectors.mapping(QuestionBankService::toBankQuestion, Collectors.toList())))
					.zipWith(texts(name),
							(byActive, texts) -> new QuestionBank(name, byActive.get(true), byActive.get(false), texts))
					// a failed read is not kept: the next request tries again
					.cache((loaded) -> this.cacheTtl, (error) -> Duration.ZERO, () -> this.cacheTtl));
	}

	/**
	 * Imports an organizer's CSV file into a bank, all or nothing: questions are added
	 * or, by code, replaced; a file with any bad row changes nothing and is rejected with
	 * every problem. The bank is private afterwards: imported into a public (bundled)
	 * bank, the file replaces it as a whole, its questions that the file does not have
	 * being retired (see {@link #importBundled}). Options that give answers away are
	 * warned of ({@link AnswerCues}), not refused.
	 * @param bank the bank's name
	 * @param csv the file's bytes
	 * @return what was imported, or an error {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ImportResult> importCsv(String bank, byte[] csv, DrawNeeds needs) {
		return importParsed(bank, QuestionCsv.parse(csv), false, needs);
	}

	/**
	 * Imports an organizer's question bank from a spreadsheet (XLSX): the first sheet,
	 * with the CSV's columns as its header row; otherwise as {@link #importCsv}.
	 * @param bank the bank's name
	 * @param xlsx the file's bytes
	 * @return what was imported, or an error {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ImportResult> importXlsx(String bank, byte[] xlsx, DrawNeeds needs) {
		// unzipping and parsing the workbook is CPU work: off the event loop
		return Mono.fromCallable(() -> QuestionXlsx.parse(xlsx))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((parsed) -> importParsed(bank, parsed, false, needs));
	}

	/**
	 * Imports a CSV file shipped with the platform (the embedded default's seed, the
	 * campaign replay) as {@link #importCsv} does, but marks the bank public: the file is
	 * in the public repository and the jar, correct options included, so anyone can
	 * answer from it. Nothing is retired: the bank stays public as long as any of it may
	 * be the shipped file's.
	 * @param bank the bank's name
	 * @param csv the file's bytes
	 * @return what was imported, or an error {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ImportResult> importBundled(String bank, byte[] csv) {
		return importParsed(bank, QuestionCsv.parse(csv), true, DrawNeeds.NONE);
	}

	/**
	 * Imports a question file shipped with the platform as
	 * {@link #importBundled(String, byte[])} does, with the law texts shipped beside it
	 * (see {@link #importArticles}), all in one transaction.
	 * @param bank the bank's name
	 * @param csv the question file's bytes
	 * @param articles the law-text file's bytes
	 * @return what was imported, or an error {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ImportResult> importBundled(String bank, byte[] csv, byte[] articles) {
		ArticleCsv.Parsed texts = ArticleCsv.parse(articles);
		if (!texts.problems().isEmpty()) {
			return Mono.error(QuestionBankException.importRejected(texts.problems()));
		}
		return importParsed(bank, QuestionCsv.parse(csv), true, DrawNeeds.NONE)
			.flatMap((result) -> storeTexts(bank, texts).thenReturn(result))
			.as(this.transaction::transactional)
			.doOnSuccess((result) -> this.banks.remove(bank));
	}

	/**
	 * Imports the law texts a bank brings (see {@link ArticleCsv}), all or nothing: the
	 * file replaces the bank's chapter titles and article texts as a whole. A review
	 * shows, beside each question, the text of the article it cites. The bank's questions
	 * and whether it is public do not change (the law's text is public anyway).
	 * @param bank the bank's name
	 * @param csv the file's bytes
	 * @return what was imported, or an error {@code QUESTION_IMPORT_REJECTED}
	 */
	public Mono<ArticleImportResult> importArticles(String bank, byte[] csv) {
		ArticleCsv.Parsed parsed = ArticleCsv.parse(csv);
		if (!parsed.problems().isEmpty()) {
			return Mono.error(QuestionBankException.importRejected(parsed.problems()));
		}
		return storeTexts(bank, parsed).as(this.transaction::transactional)
			.doOnSuccess((result) -> this.banks.remove(bank));
	}

	/**
	 * Imports law texts shipped with the platform into a bank that has none yet (a bank
	 * seeded before law texts were shipped): an organizer's own texts are kept.
	 * @param bank the bank's name
	 * @param csv the file's bytes
	 * @return whether they were imported
	 */
	public Mono<Boolean> importArticlesIfNone(String bank, byte[] csv) {
		return this.database.sql("select exists (select 1 from law_article where bank = :bank)")
			.bind("bank", bank)
			.map((row, metadata) -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
			.one()
			.flatMap((present) -> present ? Mono.just(false) : importArticles(bank, csv).thenReturn(true));
	}

	private Mono<ArticleImportResult> storeTexts(String bank, ArticleCsv.Parsed parsed) {
		return this.database.sql("insert into question_bank (name) values (:bank) on conflict (name) do nothing")
			.bind("bank", bank)
			.fetch()
			.rowsUpdated()
			.then(this.database.sql("delete from law_chapter where bank = :bank")
				.bind("bank", bank)
				.fetch()
				.rowsUpdated())
			.then(this.database.sql("delete from law_article where bank = :bank")
				.bind("bank", bank)
				.fetch()
				.rowsUpdated())
			.thenMany(Flux.fromIterable(parsed.chapters().entrySet())
				.concatMap((chapter) -> this.database
					.sql("insert into law_chapter (bank, chapter, title) values (:bank, :chapter, :title)")
					.bind("bank", bank)
					.bind("chapter", chapter.getKey().shortValue())
					.bind("title", chapter.getValue())
					.fetch()
					.rowsUpdated()))
			.thenMany(Flux.fromIterable(parsed.articles())
				.concatMap((article) -> this.database.sql("""
						insert into law_article (bank, article, chapter, title, text)
						values (:bank, :article, :chapter, :title, :text)
						""")
					.bind("bank", bank)
					.bind("article", (short) article.article())
					.bind("chapter", (short) article.chapter())
					.bind("title", article.title())
					.bind("text", article.text())
					.fetch()
					.rowsUpdated()))
			.then(Mono.just(new ArticleImportResult(bank, parsed.chapters().size(), parsed.articles().size())));
	}

	private Mono<LawTexts> texts(String bank) {
		Mono<Map<Integer, String>> chapters = this.database
			.sql("select chapter, title from law_chapter where bank = :bank")
			.bind("bank", bank)
			.map((row, metadata) -> Map.entry(row.get("chapter", Short.class).intValue(),
					row.get("title", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<Integer, LawArticle>> articles = this.database
			.sql("select article, chapter, title, text from law_article where bank = :bank")
			.bind("bank", bank)
			.map((row, metadata) -> new LawArticle(row.get("article", Short.class), row.get("chapter", Short.class),
					row.get("title", String.class), row.get("text", String.class)))
			.all()
			.collectMap(LawArticle::article);
		return Mono.zip(chapters, articles).map((both) -> new LawTexts(both.getT1(), both.getT2()));
	}

	/**
	 * Changes one active question of a bank in place (its code stays), with the checks a
	 * question file's row gets; the bank's public flag stays as it is. Attempts are not
	 * rescored: a changed key counts from the next submission on (and in the item
	 * analysis at once).
	 * @param bank the bank's name
	 * @param code the question's code
	 * @param update the question's new content
	 * @return the question as changed; {@code QUESTION_INVALID} with every problem, or
	 * {@code QUESTION_NOT_FOUND}
	 */
	public Mono<BankQuestion> update(String bank, String code, QuestionUpdate update) {
		List<String> options = (update.options() != null) ? update.options() : List.of();
		List<String> cells = new ArrayList<>(List.of(code, String.valueOf(update.chapter()),
				String.valueOf(update.article()), String.valueOf(update.text())));
		for (int i = 0; i < 4; i++) {
			cells.add((i < options.size() && options.get(i) != null) ? options.get(i) : "");
		}
		int correct = update.correctOption();
		cells.add((correct >= 1 && correct <= 4) ? String.valueOf((char) ('A' + correct - 1)) : "");
		cells.add((update.explanation() != null) ? update.explanation() : "");
		Parsed parsed = QuestionCsv.parse(QuestionCsv.COLUMNS, List.of(new QuestionCsv.SourceRow(1, cells, true)));
		if (!parsed.problems().isEmpty() || options.size() != 4) {
			List<FieldProblem> problems = new ArrayList<>();
			if (options.size() != 4) {
				problems.add(new FieldProblem("options", "QUESTION_OPTION_LENGTH", 500));
			}
			parsed.problems()
				.forEach((problem) -> problems
					.add(new FieldProblem(formField(problem.field()), problem.code(), problem.args())));
			return Mono.error(QuestionBankException.questionInvalid(problems));
		}
		QuestionRow row = parsed.rows().get(0);
		return this.database.sql("""
				update question set chapter = :chapter, article = :article, text = :text, options = :options,
				    correct_option = :correct, explanation = :explanation, updated_at = now()
				where bank = :bank and code = :code and active
				""")
			.bind("bank", bank)
			.bind("code", code)
			.bind("chapter", (short) row.chapter())
			.bind("article", (short) row.article())
			.bind("text", row.text())
			.bind("options", row.options().toArray(String[]::new))
			.bind("correct", (short) row.correctOption())
			.bind("explanation", row.explanation())
			.fetch()
			.rowsUpdated()
			.flatMap((updated) -> (updated == 0) ? Mono.error(QuestionBankException.questionNotFound(code))
					: Mono.fromRunnable(() -> this.banks.remove(bank)).then(Mono.defer(() -> bank(bank))))
			.map((questions) -> questions.questions()
				.stream()
				.filter((question) -> question.code().equals(code))
				.findFirst()
				.orElseThrow());
	}

	/**
	 * A file row's column as the form's field: {@code line 1: option_b} →
	 * {@code options[1]}.
	 */
	private static String formField(String field) {
		String column = field.replaceFirst("^line \\d+: ", "");
		return column.startsWith("option_") ? "options[" + (column.charAt(7) - 'a') + "]"
				: column.equals("correct") ? "correctOption" : column;
	}

	/**
	 * A bank as organizers see it: whether it is public (loaded from a file shipped with
	 * the platform) and how many questions it draws from.
	 * @param bank the bank's name
	 * @return the bank's status; a bank nothing was imported into is private and empty
	 */
	public Mono<BankStatus> status(String bank) {
		return this.database.sql("select public from question_bank where name = :bank")
			.bind("bank", bank)
			.map((row, metadata) -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
			.one()
			.defaultIfEmpty(false)
			.zipWith(bank(bank),
					(publicBank, questions) -> new BankStatus(bank, publicBank, questions.questions().size()));
	}

	@Override
	public Mono<Set<String>> publicBankNames() {
		return this.database.sql("select name from question_bank where public")
			.map((row, metadata) -> row.get(0, String.class))
			.all()
			.collect(Collectors.toUnmodifiableSet());
	}

	private Mono<ImportResult> importParsed(String bank, Parsed parsed, boolean bundled, DrawNeeds needs) {
		if (!parsed.problems().isEmpty()) {
			return Mono.error(QuestionBankException.importRejected(parsed.problems()));
		}
		String[] codes = parsed.rows().stream().map(QuestionRow::code).toArray(String[]::new);
		return this.database.sql("select public from question_bank where name = :bank for update")
			.bind("bank", bank)
			.map((row, metadata) -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
			.one()
			.defaultIfEmpty(false)
			// a file replacing a public bank is the whole bank afterwards: it must be
			// enough to draw from, or every start would fail
			.flatMap((wasPublic) -> (wasPublic && !bundled) ? needs.check(parsed.rows()).thenReturn(wasPublic)
					: Mono.just(wasPublic))
			.flatMap((wasPublic) -> markBank(bank, bundled)
				.thenMany(Flux.fromIterable(parsed.rows()).concatMap((row) -> upsert(bank, row)))
				.then((wasPublic && !bundled) ? retireOthers(bank, codes) : Mono.just(0L))
				.map((retired) -> new ImportResult(bank, parsed.rows().size(), retired.intValue(), bundled,
						AnswerCues.warnings(parsed.rows()))))
			.as(this.transaction::transactional)
			.doOnSuccess((result) -> this.banks.remove(bank));
	}

	private Mono<Long> markBank(String bank, boolean bundled) {
		return this.database.sql("""
				insert into question_bank (name, public) values (:bank, :public)
				on conflict (name) do update set public = excluded.public, updated_at = now()
				""").bind("bank", bank).bind("public", bundled).fetch().rowsUpdated();
	}

	/**
	 * The questions of a bank that an organizer's file replacing a public bank does not
	 * have: no longer drawn, but kept, so that the attempts that drew them still show and
	 * score them.
	 */
	private Mono<Long> retireOthers(String bank, String[] codes) {
		return this.database.sql("""
				update question set active = false, updated_at = now()
				where bank = :bank and active and not (code = any(:codes))
				""").bind("bank", bank).bind("codes", codes).fetch().rowsUpdated();
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

	/**
	 * What the contest an organizer imports for draws: a file that replaces a public bank
	 * as a whole must hold at least that.
	 *
	 * @param questionsPerAttempt questions per attempt
	 * @param chapterQuotas at least this many questions of each chapter
	 */
	public record DrawNeeds(int questionsPerAttempt, Map<Integer, Integer> chapterQuotas) {

		static final DrawNeeds NONE = new DrawNeeds(0, Map.of());

		Mono<Void> check(List<QuestionRow> rows) {
			List<FieldProblem> problems = new ArrayList<>();
			if (rows.size() < this.questionsPerAttempt) {
				problems.add(new FieldProblem("file", "BANK_FILE_TOO_SMALL", rows.size(), this.questionsPerAttempt));
			}
			Map<Integer, Long> perChapter = rows.stream()
				.collect(Collectors.groupingBy(QuestionRow::chapter, Collectors.counting()));
			this.chapterQuotas.forEach((chapter, quota) -> {
				long have = perChapter.getOrDefault(chapter, 0L);
				if (have < quota) {
					problems.add(new FieldProblem("file", "BANK_FILE_CHAPTER_TOO_SMALL", chapter, have, quota));
				}
			});
			return problems.isEmpty() ? Mono.empty() : Mono.error(QuestionBankException.importRejected(problems));
		}

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
	 * @param retired how many questions of a public bank the organizer's file replaced as
	 * a whole were retired
	 * @param publicBank whether the bank is public now (a bundled file's), as JSON
	 * {@code public}
	 * @param warnings cues in the file that give answers away, imported all the same
	 */
	public record ImportResult(String bank, int imported, int retired, @JsonProperty("public") boolean publicBank,
			List<ImportWarning> warnings) {
	}

	/**
	 * The outcome of a law-text import.
	 *
	 * @param bank the bank
	 * @param chapters how many chapter titles it has now
	 * @param articles how many article texts it has now
	 */
	public record ArticleImportResult(String bank, int chapters, int articles) {
	}

	/**
	 * A bank as organizers see it.
	 *
	 * @param name the bank
	 * @param publicBank loaded from a file shipped with the platform, so anyone can read
	 * its correct options: for demos and practice, not for a contest with prizes; as JSON
	 * {@code public}
	 * @param questions how many questions it draws from
	 */
	public record BankStatus(String name, @JsonProperty("public") boolean publicBank, int questions) {
	}

	/**
	 * An organizer's change to one question.
	 *
	 * @param chapter its chapter (1–99)
	 * @param article its article (1–999)
	 * @param text its stem
	 * @param options the four options, in order
	 * @param correctOption the right one (1..4)
	 * @param explanation why (may be empty)
	 */
	public record QuestionUpdate(int chapter, int article, String text, List<String> options, int correctOption,
			String explanation) {
	}

}
