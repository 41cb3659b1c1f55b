package org.civiquiz.question;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An immutable snapshot of a bank's active questions, which draws take from, of its
 * retired ones, which only the attempts that drew them still find by id, and of the law
 * texts it brings (chapter titles, the articles' own words) for reviews.
 */
public final class QuestionBank {

	private final String name;

	private final List<BankQuestion> questions;

	private final Map<Long, BankQuestion> byId;

	private final Map<Integer, List<BankQuestion>> byChapter;

	private final LawTexts texts;

	QuestionBank(String name, List<BankQuestion> questions) {
		this(name, questions, List.of());
	}

	QuestionBank(String name, List<BankQuestion> questions, List<BankQuestion> retired) {
		this(name, questions, retired, LawTexts.NONE);
	}

	QuestionBank(String name, List<BankQuestion> questions, List<BankQuestion> retired, LawTexts texts) {
		this.name = name;
		this.texts = texts;
		this.questions = List.copyOf(questions);
		this.byId = Stream.concat(questions.stream(), retired.stream())
			.collect(Collectors.toUnmodifiableMap(BankQuestion::id, Function.identity()));
		this.byChapter = questions.stream().collect(Collectors.groupingBy(BankQuestion::chapter));
	}

	public String name() {
		return this.name;
	}

	/**
	 * The active questions, by code: what draws take from.
	 * @return the questions
	 */
	public List<BankQuestion> questions() {
		return this.questions;
	}

	/**
	 * The active questions and the retired ones, which attempts that drew them still
	 * hold.
	 * @return every question the bank knows, in no particular order
	 */
	public Collection<BankQuestion> withRetired() {
		return this.byId.values();
	}

	/**
	 * A question of the bank by id, retired ones included.
	 * @param id the question id
	 * @return the question, or {@code null} if the bank has no such question (an
	 * attempt's question that is missing scores 0)
	 */
	public BankQuestion question(long id) {
		return this.byId.get(id);
	}

	/**
	 * The law texts the bank brings: chapter titles and the articles' own words (none for
	 * a bank imported without them).
	 * @return the texts
	 */
	public LawTexts texts() {
		return this.texts;
	}

	/**
	 * The articles of a chapter, in order, for a reader to go back to: those the bank's
	 * law texts place in it, or, without them, those its questions of the chapter cite.
	 * @param chapter the chapter
	 * @return the article numbers, ascending (empty for a chapter the bank knows nothing
	 * of)
	 */
	public List<Integer> chapterArticles(int chapter) {
		Stream<Integer> numbers = this.texts.articles()
			.values()
			.stream()
			.filter((article) -> article.chapter() == chapter)
			.map(LawArticle::article);
		List<Integer> known = numbers.sorted().toList();
		if (!known.isEmpty()) {
			return known;
		}
		return this.byChapter.getOrDefault(chapter, List.of())
			.stream()
			.map(BankQuestion::article)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Draws the questions of one attempt: at least {@code quota} questions from each
	 * chapter named in the quotas, the rest from the whole remaining bank, all in random
	 * order, each with its options in random order.
	 * @param count how many questions
	 * @param chapterQuotas minimum per chapter
	 * @param random the source of randomness
	 * @return the drawn questions
	 * @throws QuestionBankException if the bank cannot satisfy the quotas
	 */
	public List<DrawnQuestion> draw(int count, Map<Integer, Integer> chapterQuotas, RandomGenerator random) {
		int quotaTotal = chapterQuotas.values().stream().mapToInt(Integer::intValue).sum();
		if (quotaTotal > count || this.questions.size() < count) {
			throw QuestionBankException.insufficient(this.name);
		}
		List<BankQuestion> drawn = new ArrayList<>(count);
		Set<Long> taken = new HashSet<>();
		chapterQuotas.forEach((chapter, quota) -> {
			List<BankQuestion> pool = this.byChapter.getOrDefault(chapter, List.of());
			if (pool.size() < quota) {
				throw QuestionBankException.insufficient(this.name);
			}
			for (BankQuestion question : sample(pool, quota, random)) {
				drawn.add(question);
				taken.add(question.id());
			}
		});
		List<BankQuestion> rest = this.questions.stream().filter((question) -> !taken.contains(question.id())).toList();
		drawn.addAll(sample(rest, count - drawn.size(), random));
		shuffle(drawn, random);
		return drawn.stream()
			.map((question) -> new DrawnQuestion(question, shuffledOptions(question, random)))
			.toList();
	}

	private static List<BankQuestion> sample(List<BankQuestion> pool, int size, RandomGenerator random) {
		List<BankQuestion> copy = new ArrayList<>(pool);
		shuffle(copy, size, random);
		return copy.subList(0, size);
	}

	private static <T> void shuffle(List<T> list, RandomGenerator random) {
		shuffle(list, list.size(), random);
	}

	/**
	 * Fisher-Yates on the first {@code size} positions: they become a uniform random
	 * sample in random order.
	 */
	private static <T> void shuffle(List<T> list, int size, RandomGenerator random) {
		for (int i = 0; i < size; i++) {
			Collections.swap(list, i, i + random.nextInt(list.size() - i));
		}
	}

	private static List<Integer> shuffledOptions(BankQuestion question, RandomGenerator random) {
		List<Integer> order = IntStream.rangeClosed(1, question.options().size()).boxed().collect(Collectors.toList());
		shuffle(order, random);
		return List.copyOf(order);
	}

}
