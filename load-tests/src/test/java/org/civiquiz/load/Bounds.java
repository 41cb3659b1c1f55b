package org.civiquiz.load;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.Assertion;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

/**
 * What every simulation asserts: no failed request (or at most the share a fault run
 * allows), and the 95th and 99th percentiles of the named requests within the bounds
 * given as properties.
 */
final class Bounds {

	private Bounds() {
	}

	static Assertion[] of(String... requests) {
		List<Assertion> assertions = new ArrayList<>();
		assertions.add(global().failedRequests().percent().lte(LoadParameters.MAX_FAILED_PERCENT));
		for (String request : requests) {
			assertions.add(details(request).responseTime().percentile(95.0).lte(LoadParameters.P95_MS));
			assertions.add(details(request).responseTime().percentile(99.0).lte(LoadParameters.P99_MS));
		}
		return assertions.toArray(Assertion[]::new);
	}

}
