package org.civiquiz.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A simulation with entrants in it: reads the bank's correct options before the first
 * arrives, and writes what it saw for run.sh's reconciliation when the last is done.
 */
abstract class EntrantSimulation extends Simulation {

	/** Entrants, each a new person, each making the whole journey. */
	static ScenarioBuilder entrantJourney(String name) {
		return scenario(name).feed(Feeders.people()).exec(EntrantChains.journey());
	}

	@Override
	public void before() {
		QuestionBank.read();
	}

	@Override
	public void after() {
		Results.write(getClass().getSimpleName());
	}

}
