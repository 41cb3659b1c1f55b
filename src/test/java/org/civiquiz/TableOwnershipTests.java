package org.civiquiz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table is written and read by the feature that owns it; the others read what the
 * owner publishes (the views {@code attempt_record} and {@code participant_record}, which
 * the owners' migrations define). The modularity test sees Java types, not SQL: this one
 * reads the SQL in the code.
 */
class TableOwnershipTests {

	/** Table → the feature package that owns it. */
	private static final Map<String, String> OWNERS = Map.of("attempt", "exam", "participant", "participant");

	private static final Path MAIN = Path.of("src/main/java/org/civiquiz");

	@Test
	void onlyTheOwningFeatureTouchesAttemptsAndParticipantsInSql() throws IOException {
		List<String> strays = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String feature = MAIN.relativize(file).getName(0).toString();
				String code = Files.readString(file, StandardCharsets.UTF_8);
				OWNERS.forEach((table, owner) -> {
					if (!feature.equals(owner)) {
						Matcher use = sqlUse(table).matcher(code);
						while (use.find()) {
							strays.add(MAIN.relativize(file) + ": \"" + use.group().strip() + "\"");
						}
					}
				});
			}
		}
		assertThat(strays).as("SQL on another feature's table (read its *_record view instead)").isEmpty();
	}

	@Test
	void theCheckSeesAStrayQuery() {
		assertThat(sqlUse("attempt").matcher("select a.score from attempt a join participant p").find()).isTrue();
		assertThat(sqlUse("participant").matcher("join participant p on p.id = a.participant_id").find()).isTrue();
		assertThat(sqlUse("attempt").matcher("update attempt set x = 1").find()).isTrue();
		assertThat(sqlUse("attempt").matcher("from attempt_record a where a.participant_id = :p").find()).isFalse();
	}

	private static Pattern sqlUse(String table) {
		return Pattern.compile("\\b(from|join|update|into)\\s+" + table + "\\b(?!_)", Pattern.CASE_INSENSITIVE);
	}

}
