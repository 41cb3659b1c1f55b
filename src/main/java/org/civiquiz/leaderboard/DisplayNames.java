package org.civiquiz.leaderboard;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.civiquiz.participant.ParticipantService;

/**
 * Public boards show a person by family name and initials: "Nguyễn Văn An" is "Nguyễn V.
 * A.". Vietnamese names start with the family name. An anonymized participant is shown as
 * such ("Ẩn danh").
 */
public final class DisplayNames {

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
		String[] words = fullName.strip().split("\\s+");
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
