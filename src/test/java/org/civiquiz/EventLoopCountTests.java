package org.civiquiz;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app runs one Reactor Netty event loop per core unless the operator chose a number.
 */
class EventLoopCountTests {

	private String before;

	@BeforeEach
	void forget() {
		this.before = System.clearProperty(CiviquizApplication.EVENT_LOOPS);
	}

	@AfterEach
	void restore() {
		if (this.before != null) {
			System.setProperty(CiviquizApplication.EVENT_LOOPS, this.before);
		}
		else {
			System.clearProperty(CiviquizApplication.EVENT_LOOPS);
		}
	}

	@Test
	void oneLoopPerCoreByDefault() {
		CiviquizApplication.oneEventLoopPerCore();

		assertThat(System.getProperty(CiviquizApplication.EVENT_LOOPS))
			.isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void theOperatorsNumberIsKept() {
		System.setProperty(CiviquizApplication.EVENT_LOOPS, "7");

		CiviquizApplication.oneEventLoopPerCore();

		assertThat(System.getProperty(CiviquizApplication.EVENT_LOOPS)).isEqualTo("7");
	}

}
