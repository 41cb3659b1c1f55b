package org.civiquiz.load;

import java.time.Duration;

/**
 * What a run is given, as system properties ({@code -Dload.entrants=30000}), with defaults
 * for a short run against the app on this machine. {@code run.sh} passes them through.
 */
final class LoadParameters {

	/** Where the app (or the load balancer in front of its replicas) listens. */
	static final String BASE_URL = text("load.baseUrl", "http://127.0.0.1:8080");

	/** The contest entrants take part in (the seeded reference contest by default). */
	static final String CONTEST = text("load.contest", "luat-htx-2023");

	/** Entrants to arrive in an open workload (each a new person). */
	static final int ENTRANTS = number("load.entrants", 1000);

	/** Arrivals per second of an open workload. */
	static final double ARRIVAL_RATE = decimal("load.arrivalRate", 50);

	/**
	 * Mean time between the questions arriving and the submission. Short for capacity
	 * runs; a real person takes minutes (a soak run).
	 */
	static final Duration THINK_TIME = Duration.ofMillis(Math.round(decimal("load.thinkTime", 2) * 1000));

	/**
	 * Share of entrants who make a second attempt: 29,600 attempts by 20,900 people in the
	 * reference campaign is 0.416 more attempts per person.
	 */
	static final double SECOND_ATTEMPT_SHARE = decimal("load.secondAttemptShare", 0.416);

	/** Peak arrivals per second of the deadline rush. */
	static final double PEAK_RATE = decimal("load.peakRate", 150);

	/** How long the rush takes to climb from a tenth of the peak to the peak. */
	static final Duration RAMP = Duration.ofSeconds(number("load.rampSeconds", 60));

	/** How long the peak holds. */
	static final Duration HOLD = Duration.ofSeconds(number("load.holdSeconds", 60));

	/**
	 * DeadlineRush's shape: {@code rush} (the climb and hold above) or {@code burst}
	 * (run.sh {@code --burst}): arrivals at {@link #BURST_FACTOR} × {@link #CAPACITY} for
	 * {@link #BURST}, then at half the capacity for {@link #AFTER_BURST}, by entrants who
	 * honour the waiting room, send an Idempotency-Key and save their answers.
	 */
	static final boolean BURST_SHAPE = "burst".equals(text("load.shape", "rush"));

	/**
	 * The app's measured capacity in entrant journeys a second (docs/performance.md and
	 * docs/scaling.md: about 54 on this project's 2-core machine).
	 */
	static final double CAPACITY = decimal("load.capacity", 54);

	static final double BURST_FACTOR = decimal("load.burstFactor", 3);

	static final Duration BURST = Duration.ofSeconds(number("load.burstSeconds", 120));

	static final Duration AFTER_BURST = Duration.ofSeconds(number("load.afterBurstSeconds", 120));

	/**
	 * How often the exam page saves answers at most ({@code PUT …/answers}): a save every
	 * this long while the entrant answers, at least one.
	 */
	static final Duration SAVE_EVERY = Duration.ofSeconds(number("load.saveSeconds", 10));

	/** The burst's bounds: the waiting room's answers' p99, in ms. */
	static final int ROOM_P99_MS = number("load.roomP99Ms", 50);

	/** Admitted entrants' start and submit p99, in ms. */
	static final int ADMITTED_P99_MS = number("load.admittedP99Ms", 500);

	/** Admissions in arrival order within this, in ms. */
	static final int ORDER_TOLERANCE_MS = number("load.orderToleranceMs", 1000);

	/** Organizers' dashboards open on the live statistics stream. */
	static final int VIEWERS = number("load.viewers", 200);

	/** Organizers polling the statistics, each every {@link #POLL_EVERY}. */
	static final int POLLERS = number("load.pollers", 20);

	/**
	 * How long the app's waiting room holds an admission ({@code admitted-for}): a poll's
	 * {@code admittedUntil} less this is when the room admitted the ticket.
	 */
	static final Duration ROOM_ADMITTED_FOR = Duration.ofSeconds(number("load.roomAdmittedForSeconds", 300));

	static final Duration POLL_EVERY = Duration.ofSeconds(number("load.pollSeconds", 5));

	/** How long a CampaignDay run lasts: entrants arrive, everyone else watches, reads and downloads. */
	static final Duration CAMPAIGN = Duration.ofSeconds(number("load.campaignSeconds", 180));

	/** Organizers signing in and polling, committee members, visitors of a CampaignDay run. */
	static final int ORGANIZERS = number("load.organizers", 500);

	static final Duration ORGANIZERS_SIGN_IN = Duration.ofSeconds(number("load.organizersSignInSeconds", 60));

	static final int COMMITTEE = number("load.committee", 5);

	static final Duration DOWNLOAD_EVERY = Duration.ofSeconds(number("load.downloadSeconds", 10));

	static final int VISITORS = number("load.visitors", 50);

	static final Duration VISIT_EVERY = Duration.ofSeconds(number("load.visitSeconds", 3));

	/** A closed contest with finalized winners, prepared by run.sh for the committee's downloads. */
	static final String FINALIZED_CONTEST = text("load.finalizedContest", "htx-2024-replay");

	/**
	 * A CampaignDay run's bound on entrants' start and submit, p99 in ms (run.sh checks
	 * the sign-ins' p99 against {@code load.loginP99Ms}, 1,000 by default).
	 */
	static final int ENTRANT_P99_MS = number("load.entrantP99Ms", 150);

	/** Virtual users of the closed Baseline workload, each requesting back to back. */
	static final int CONCURRENCY = number("load.concurrency", 64);

	/** How long the closed workloads run. */
	static final Duration DURATION = Duration.ofSeconds(number("load.durationSeconds", 60));

	/** Staff account the simulations read the question bank and statistics with. */
	static final String STAFF_USER = text("load.staffUser", "organizer");

	static final String STAFF_PASSWORD = text("load.staffPassword", "");

	/** The committee's account, for CampaignDay's downloads of the winners. */
	static final String COMMITTEE_USER = text("load.committeeUser", "committee");

	static final String COMMITTEE_PASSWORD = text("load.committeePassword", "");

	/**
	 * Give each entrant its own client address in {@code X-Forwarded-For} (the app then
	 * needs {@code CIVIQUIZ_SECURITY_TRUSTED_PROXIES=1}), as entrants behind a load
	 * balancer would have: the per-address start limit then applies as in production.
	 * The addresses are from 198.18.0.0/15, the range set aside for benchmarks; they are
	 * a header, never a destination.
	 */
	static final boolean FORWARDED_FOR = Boolean.parseBoolean(text("load.forwardedFor", "true"));

	/** Read one's rank and the leaderboard after submitting, as the page does. */
	static final boolean READ_RESULTS = Boolean.parseBoolean(text("load.readResults", "true"));

	/**
	 * Retries of the contest page, a start or a submission whose connection failed or that got a 5xx (fault
	 * runs: an app replica killed, a store restarted); 0 for capacity runs. A retried
	 * submission sends the same body, which the app accepts once.
	 */
	static final int RETRIES = number("load.retries", 0);

	/** Bounds the run asserts on, in milliseconds. */
	static final int P95_MS = number("load.p95Ms", 1000);

	static final int P99_MS = number("load.p99Ms", 2000);

	/**
	 * Percentage of failed requests allowed: 0 except for fault runs, where requests
	 * caught by the fault fail before their retry succeeds.
	 */
	static final double MAX_FAILED_PERCENT = decimal("load.maxFailedPercent", 0);

	/** Where the run writes what it saw, for run.sh's reconciliation. */
	static final String RESULT_FILE = text("load.resultFile", "target/load-result.properties");

	static final long SEED = Long.parseLong(text("load.seed", String.valueOf(System.nanoTime())));

	private LoadParameters() {
	}

	private static String text(String name, String fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	private static int number(String name, int fallback) {
		return Integer.parseInt(text(name, String.valueOf(fallback)));
	}

	private static double decimal(String name, double fallback) {
		return Double.parseDouble(text(name, String.valueOf(fallback)));
	}

}
