package org.civiquiz.question;

/**
 * An article of the law a bank's questions cite, in the law's own words.
 *
 * @param article its number (Điều N)
 * @param chapter the chapter it belongs to
 * @param title its title, e.g. "Phạm vi điều chỉnh"
 * @param text its text, clause by clause, one line each
 */
public record LawArticle(int article, int chapter, String title, String text) {

}
