package org.civiquiz.security;

import java.time.Duration;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule the bucket script can count exactly, or a start-up that says why not.
 */
class RateLimitPropertiesTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aRuleCountsInUnitsBelowTwoToTheFiftyThree() {
		assertThat(this.validator.validate(new RateLimitProperties.Rule(1_000_000, Duration.ofDays(1)))).isEmpty();
		assertThat(this.validator.validate(new RateLimitProperties.Rule(3, Duration.ofMillis(1)))).isEmpty();
		assertThat(this.validator.validate(new RateLimitProperties.Rule(1L << 30, Duration.ofDays(365))))
			.singleElement()
			.satisfies((violation) -> assertThat(violation.getMessage()).contains("2^53"));
	}

	@Test
	void aPeriodShorterThanAMillisecondIsRefused() {
		assertThat(this.validator.validate(new RateLimitProperties.Rule(3, Duration.ofNanos(500)))).isNotEmpty();
		assertThat(this.validator.validate(new RateLimitProperties.Rule(3, Duration.ZERO))).isNotEmpty();
	}

}
