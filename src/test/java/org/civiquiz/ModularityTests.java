package org.civiquiz;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages depend on each other one way only and never reach into another's
 * internals.
 */
class ModularityTests {

	@Test
	void featureBoundariesHold() {
		ApplicationModules.of(CiviquizApplication.class).verify();
	}

}
