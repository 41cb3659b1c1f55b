package org.civiquiz.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a run saw accepted, counted as the entrants go, and written at the end to
 * {@code load.resultFile} for run.sh to reconcile with PostgreSQL and Redis (summary.py
 * reads its keys).
 */
final class Results {

	/** Accepted submissions: attempt id → score. A retried submission counts once. */
	private static final Map<String, Integer> accepted = new ConcurrentHashMap<>();

	/** People (phones) with an accepted submission. */
	private static final Map<String, Boolean> peopleAccepted = new ConcurrentHashMap<>();

	private static final AtomicLong startsAccepted = new AtomicLong();

	private static final AtomicLong journeysCompleted = new AtomicLong();

	private static final AtomicLongArray scores = new AtomicLongArray(21);

	/** Response times (ms) of the waiting room's answers: its 503s to starts, and polls. */
	private static final Queue<Long> roomAnswers = new ConcurrentLinkedQueue<>();

	/** Response times (ms) of the starts that went through (201, or 200 for a key's replay). */
	private static final Queue<Long> admittedStarts = new ConcurrentLinkedQueue<>();

	/** Per start through the room: when its entrant arrived and when it learnt of its admission. */
	private static final Queue<long[]> admissions = new ConcurrentLinkedQueue<>();

	private static final AtomicLong placesInLine = new AtomicLong();

	/** Staff sign-ins: each one's time from its first login sent, waits included. */
	private static final Queue<Long> signIns = new ConcurrentLinkedQueue<>();

	/** Staff sign-ins that were told {@code LOGIN_BUSY} and sent again. */
	private static final AtomicLong signInsRetried = new AtomicLong();

	/** Staff sign-ins that ended without a session: a wrong answer, or still busy after the page's patience. */
	private static final AtomicLong signInsGivenUp = new AtomicLong();

	private Results() {
	}

	static void startAccepted() {
		startsAccepted.incrementAndGet();
	}

	static void submissionAccepted(String attemptId, String phone, int score) {
		if (accepted.putIfAbsent(attemptId, score) == null) {
			scores.incrementAndGet(score);
		}
		peopleAccepted.put(phone, Boolean.TRUE);
	}

	static void roomAnswer(long millis, boolean firstPlace) {
		roomAnswers.add(millis);
		if (firstPlace) {
			placesInLine.incrementAndGet();
		}
	}

	static void admittedStart(long millis) {
		admittedStarts.add(millis);
	}

	static void admitted(long arrivedAt, long admittedAt) {
		admissions.add(new long[] { arrivedAt, admittedAt });
	}

	static void signedIn(long millis, int tries) {
		signIns.add(millis);
		if (tries > 1) {
			signInsRetried.incrementAndGet();
		}
	}

	static void signInGaveUp() {
		signInsGivenUp.incrementAndGet();
	}

	static void journeyCompleted() {
		journeysCompleted.incrementAndGet();
	}

	private static long p99(Queue<Long> times) {
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return (sorted.length == 0) ? 0 : sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
	}

	/**
	 * The most by which an entrant was admitted after someone who arrived later: 0 when
	 * admissions followed arrivals exactly.
	 */
	static long maxInversion() {
		List<long[]> byArrival = new ArrayList<>(admissions);
		byArrival.sort(Comparator.comparingLong((long[] a) -> a[0]));
		long worst = 0;
		long earliestLater = Long.MAX_VALUE;
		for (int i = byArrival.size() - 1; i >= 0; i--) {
			long[] admission = byArrival.get(i);
			if (earliestLater != Long.MAX_VALUE) {
				worst = Math.max(worst, admission[1] - earliestLater);
			}
			earliestLater = Math.min(earliestLater, admission[1]);
		}
		return worst;
	}

	/** Writes what the run saw, for run.sh to reconcile with PostgreSQL and Redis. */
	static void write(String simulation) {
		StringBuilder out = new StringBuilder();
		out.append("simulation=").append(simulation).append('\n');
		out.append("entrants=").append(Feeders.peopleFed()).append('\n');
		out.append("journeys.completed=").append(journeysCompleted.get()).append('\n');
		out.append("starts.accepted=").append(startsAccepted.get()).append('\n');
		out.append("submissions.accepted=").append(accepted.size()).append('\n');
		out.append("people.accepted=").append(peopleAccepted.size()).append('\n');
		long perfect = scores.get(20);
		long high = 0;
		for (int score = 15; score <= 20; score++) {
			high += scores.get(score);
		}
		out.append("scores.perfect=").append(perfect).append('\n');
		out.append("scores.atLeast15=").append(high).append('\n');
		if (!admissions.isEmpty() || !roomAnswers.isEmpty()) {
			out.append("room.placesGiven=").append(placesInLine.get()).append('\n');
			out.append("room.answers=").append(roomAnswers.size()).append('\n');
			out.append("room.p99Ms=").append(p99(roomAnswers)).append('\n');
			out.append("start.admitted=").append(admittedStarts.size()).append('\n');
			out.append("start.admitted.p99Ms=").append(p99(admittedStarts)).append('\n');
			out.append("room.orderInversionMs=").append(maxInversion()).append('\n');
		}
		if (!signIns.isEmpty() || signInsGivenUp.get() > 0) {
			out.append("signIn.count=").append(signIns.size()).append('\n');
			out.append("signIn.gaveUp=").append(signInsGivenUp.get()).append('\n');
			out.append("signIn.retried=").append(signInsRetried.get()).append('\n');
			out.append("signIn.p99Ms=").append(p99(signIns)).append('\n');
		}
		try {
			Path file = Path.of(LoadParameters.RESULT_FILE);
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.print(out);
	}

}
