package org.civiquiz.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bursts of starts from one origin: every start that falls in some window of the given
 * length holding starts of at least the threshold of different participants. Windows that
 * share a start make one burst.
 */
final class Bursts {

	private Bursts() {
	}

	/**
	 * Finds the bursts among one origin's starts.
	 * @param starts the starts, in any order
	 * @param window the length of a window (both ends included)
	 * @param threshold the least number of different participants in one window
	 * @return the bursts, earliest first
	 */
	static List<Burst> find(List<Start> starts, Duration window, int threshold) {
		List<Start> sorted = new ArrayList<>(starts);
		sorted.sort(Comparator.comparing(Start::startedAt).thenComparing(Start::attemptId));
		List<Burst> bursts = new ArrayList<>();
		Map<Long, Integer> inWindow = new HashMap<>();
		int left = 0;
		int burstFirst = -1;
		int burstLast = -1;
		for (int right = 0; right < sorted.size(); right++) {
			inWindow.merge(sorted.get(right).participantId(), 1, Integer::sum);
			Instant end = sorted.get(right).startedAt();
			while (Duration.between(sorted.get(left).startedAt(), end).compareTo(window) > 0) {
				inWindow.computeIfPresent(sorted.get(left).participantId(), (id, n) -> (n == 1) ? null : n - 1);
				left++;
			}
			if (inWindow.size() >= threshold) {
				if (burstFirst >= 0 && left <= burstLast) {
					burstLast = right;
				}
				else {
					if (burstFirst >= 0) {
						bursts.add(Burst.of(sorted.subList(burstFirst, burstLast + 1)));
					}
					burstFirst = left;
					burstLast = right;
				}
			}
		}
		if (burstFirst >= 0) {
			bursts.add(Burst.of(sorted.subList(burstFirst, burstLast + 1)));
		}
		return bursts;
	}

	/**
	 * An attempt's start.
	 *
	 * @param attemptId the attempt
	 * @param participantId who started it
	 * @param startedAt when
	 * @param submitted whether it was submitted since
	 */
	record Start(UUID attemptId, long participantId, Instant startedAt, boolean submitted) {
	}

	/**
	 * A burst.
	 *
	 * @param starts its starts, in time order
	 * @param participants the different participants among them
	 */
	record Burst(List<Start> starts, int participants) {

		static Burst of(List<Start> starts) {
			return new Burst(List.copyOf(starts),
					new HashSet<>(starts.stream().map(Start::participantId).toList()).size());
		}

		Instant from() {
			return this.starts.get(0).startedAt();
		}

		Instant to() {
			return this.starts.get(this.starts.size() - 1).startedAt();
		}

	}

}
