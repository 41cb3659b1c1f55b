package org.civiquiz.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

	static void journeyCompleted() {
		journeysCompleted.incrementAndGet();
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
