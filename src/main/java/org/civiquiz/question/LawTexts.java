package org.civiquiz.question;

import java.util.Map;
import java.util.Optional;

/**
 * The law a bank's questions rest on, as far as the bank brings it: chapter titles and
 * the articles' own text. A bank may bring none of it; a review then shows each
 * question's explanation only.
 *
 * @param chapterTitles chapter number → title
 * @param articles article number → article
 */
public record LawTexts(Map<Integer, String> chapterTitles, Map<Integer, LawArticle> articles) {

	static final LawTexts NONE = new LawTexts(Map.of(), Map.of());

	public LawTexts {
		chapterTitles = Map.copyOf(chapterTitles);
		articles = Map.copyOf(articles);
	}

	public Optional<LawArticle> article(int number) {
		return Optional.ofNullable(this.articles.get(number));
	}

	public Optional<String> chapterTitle(int chapter) {
		return Optional.ofNullable(this.chapterTitles.get(chapter));
	}

}
