package org.civiquiz.load;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people who take part: each entrant a new person, with the score its answers will
 * get drawn so that the scores follow the reference campaign: 15.9 % of attempts at
 * 20/20, 53.27 % at 15/20 or more.
 */
final class Feeders {

	/** Share of attempts at 20/20 in the reference campaign. */
	private static final double PERFECT = 0.159;

	/** Share of attempts at 15/20 or more. */
	private static final double AT_LEAST_15 = 0.5327;

	/** Of the attempts at 15..19, most are near the top (as in the app's replay). */
	private static final double[] HIGH = { 0.10, 0.13, 0.20, 0.26, 0.31 };

	/** Of the attempts at 0..14, most are in the low teens. */
	private static final double[] LOW = { 0.002, 0.003, 0.005, 0.01, 0.015, 0.025, 0.035, 0.05, 0.07, 0.09, 0.11, 0.13,
			0.14, 0.15, 0.16 };

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
			"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Thanh", "Quang",
			"Hồng", "Xuân", "Kim" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
			"Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm",
			"Thảo", "Trang", "Tuấn", "Vy", "Yến" };

	private static final double[] SCORE_SHARES = scoreShares();

	private static final AtomicInteger nextEntrant = new AtomicInteger();

	private static final Random random = new Random(LoadParameters.SEED);

	/**
	 * First phone number of this run: runs against the same database must not meet each
	 * other's people (3 attempts per round each).
	 */
	private static final long phoneBase = 10_000_000L + Math.floorMod(LoadParameters.SEED, 80_000_000L);

	private Feeders() {
	}

	/**
	 * Each entrant a new person: a name, a phone of its own, an address, a browser id, the
	 * score its answers will get, a prediction, and whether it comes back.
	 */
	static Iterator<Map<String, Object>> people() {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				int n = nextEntrant.getAndIncrement();
				Map<String, Object> person = new HashMap<>();
				synchronized (random) {
					person.put("fullName", FAMILY[random.nextInt(FAMILY.length)] + " "
							+ MIDDLE[random.nextInt(MIDDLE.length)] + " " + GIVEN[random.nextInt(GIVEN.length)]);
					person.put("birthYear", 1950 + random.nextInt(56));
					person.put("ip", "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "."
							+ (1 + random.nextInt(254)));
					person.put("device", "load-" + Long.toHexString(random.nextLong()));
					person.put("score", score(random.nextDouble()));
					person.put("secondScore", score(random.nextDouble()));
					person.put("second", random.nextDouble() < LoadParameters.SECOND_ATTEMPT_SHARE);
					person.put("prediction", Math.max(0, Math.round(5000 + random.nextGaussian() * 1500)));
				}
				person.put("phone", "09" + String.format("%08d", (phoneBase + n) % 100_000_000L));
				return person;
			}
		};
	}

	/** The people {@link #people()} has given so far. */
	static int peopleFed() {
		return nextEntrant.get();
	}

	/** Of the reference campaign's distribution, the score a uniform draw falls on. */
	private static int score(double draw) {
		double sum = 0;
		for (int score = 20; score >= 0; score--) {
			sum += SCORE_SHARES[score];
			if (draw < sum) {
				return score;
			}
		}
		return 0;
	}

	private static double[] scoreShares() {
		double[] shares = new double[21];
		shares[20] = PERFECT;
		double highSum = 0;
		for (double share : HIGH) {
			highSum += share;
		}
		for (int i = 0; i < HIGH.length; i++) {
			shares[15 + i] = (AT_LEAST_15 - PERFECT) * HIGH[i] / highSum;
		}
		double lowSum = 0;
		for (double share : LOW) {
			lowSum += share;
		}
		for (int i = 0; i < LOW.length; i++) {
			shares[i] = (1 - AT_LEAST_15) * LOW[i] / lowSum;
		}
		return shares;
	}

}
