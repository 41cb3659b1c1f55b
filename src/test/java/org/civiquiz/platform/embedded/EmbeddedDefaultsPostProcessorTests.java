package org.civiquiz.platform.embedded;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDefaultsPostProcessorTests {

	@ParameterizedTest
	@CsvSource({ "r2dbc:postgresql://db:5432/civiquiz, jdbc:postgresql://db:5432/civiquiz",
			"r2dbc:postgresql://user:pw@db:5432/civiquiz?sslMode=require, jdbc:postgresql://db:5432/civiquiz",
			"r2dbc:pool:postgresql://db/civiquiz, jdbc:postgresql://db/civiquiz" })
	void flywayUsesTheR2dbcAddress(String r2dbc, String jdbc) {
		assertThat(EmbeddedDefaultsPostProcessor.jdbcUrl(r2dbc)).isEqualTo(jdbc);
	}

}
