package org.civiquiz.platform;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Log4jApiLogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.core.log.LogMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log message at a disabled level is never rendered: Spring and Spring Security pass
 * lazily formatted messages ({@link LogMessage}) on every request.
 */
class DisabledLogMessagesTests {

	@Test
	void commonsLoggingGoesThroughTheAdapterThatChecksTheLevelFirst() {
		assertThat(LogFactory.getFactory()).isInstanceOf(Log4jApiLogFactory.class);
	}

	@Test
	void aDisabledDebugMessageIsNotRendered() {
		Log log = LogFactory.getLog(DisabledLogMessagesTests.class);
		AtomicInteger rendered = new AtomicInteger();
		log.debug(LogMessage.of(() -> {
			rendered.incrementAndGet();
			return "rendered";
		}));
		log.trace(LogMessage.format("rendered %s", new Object() {

			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "too";
			}

		}));

		assertThat(log.isDebugEnabled()).isFalse();
		assertThat(rendered).hasValue(0);
	}

	@Test
	void anEnabledMessageStillReachesTheLog() {
		Log log = LogFactory.getLog(DisabledLogMessagesTests.class);
		AtomicInteger rendered = new AtomicInteger();
		log.warn(LogMessage.of(() -> {
			rendered.incrementAndGet();
			return "a warning from DisabledLogMessagesTests";
		}));

		assertThat(rendered).hasValue(1);
	}

}
