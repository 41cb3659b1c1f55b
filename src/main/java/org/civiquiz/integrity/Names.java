package org.civiquiz.integrity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When two names typed with one phone are the same name. Many phones type Vietnamese
 * without its diacritics, and people type their name in any case: "NGUYEN VAN AN",
 * "Nguyễn Văn An" and "nguyễn văn an." are one name; "Nguyễn Văn Ân" is one too (a
 * missing or wrong tone mark is a typing slip, not another person).
 */
final class Names {

	private Names() {
	}

	/**
	 * The name without case, diacritics (đ is d), punctuation or extra spaces.
	 * @param name a name
	 * @return its comparison key
	 */
	static String key(String name) {
		String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
		StringBuilder key = new StringBuilder(decomposed.length());
		boolean space = false;
		for (int i = 0; i < decomposed.length();) {
			int c = decomposed.codePointAt(i);
			i += Character.charCount(c);
			int type = Character.getType(c);
			if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
					|| type == Character.ENCLOSING_MARK) {
				continue;
			}
			// Đ, đ, and the look-alike Ð some keyboards give, have no decomposition
			if (c == 'Đ' || c == 'đ' || c == 'Ð' || c == 'ð') {
				c = 'd';
			}
			if (Character.isLetterOrDigit(c)) {
				if (space && !key.isEmpty()) {
					key.append(' ');
				}
				key.appendCodePoint(Character.toLowerCase(c));
				space = false;
			}
			else {
				space = true;
			}
		}
		return key.toString();
	}

	/**
	 * The different names among those used, each as first typed, with its uses added up.
	 * @param uses names in order of first use, with how many attempts each started
	 * @return the different names, in order of first use
	 */
	static List<Evidence.NameUse> distinct(List<Evidence.NameUse> uses) {
		Map<String, Evidence.NameUse> byKey = new LinkedHashMap<>();
		for (Evidence.NameUse use : uses) {
			byKey.merge(key(use.name()), use,
					(first, more) -> new Evidence.NameUse(first.name(), first.attempts() + more.attempts()));
		}
		return new ArrayList<>(byKey.values());
	}

}
