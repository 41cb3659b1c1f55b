package org.civiquiz.load;

import io.gatling.javaapi.core.Simulation;

/**
 * A simulation with entrants in it: reads the bank's correct options before the first
 * arrives, and writes what it saw for run.sh's reconciliation when the last is done.
 */
abstract class EntrantSimulation extends Simulation {

	@Override
	public void before() {
		Entrants.before();
	}

	@Override
	public void after() {
		Entrants.after(getClass().getSimpleName());
	}

}
