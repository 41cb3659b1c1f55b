package org.civiquiz.leaderboard;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.civiquiz.participant.ParticipantService;

/**
 * Public boards show a person by family name and initials: "Nguyễn Văn An" is "Nguyễn V.
 * A.". Vietnamese names start with the family name. An anonymized participant is shown as
 * such ("Ẩn danh").
 */
public final class DisplayNames {

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private DisplayNames() {
	}

	/**
	 * The name as public boards show it.
	 * @param fullName a full name
	 * @return its family name and initials
	 */
	public static String mask(String fullName) {
		if (ParticipantService.ANONYMIZED_NAME.equals(fullName)) {
			return fullName;
		}
		// any kind of space (a no-break space in a name stored before names were
		// normalized) separates words: masking must never leave a name whole
		String[] words = SPACES.matcher(fullName).replaceAll(" ").strip().split(" ");
		if (words.length <= 1) {
			return initial(words[0]);
		}
		return words[0] + " "
				+ Arrays.stream(words, 1, words.length).map(DisplayNames::initial).collect(Collectors.joining(" "));
	}

	private static String initial(String word) {
		return word.isEmpty() ? ""
				: word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT) + ".";
	}

}
