package org.civiquiz.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Who takes part in the replay of the reference campaign, when, and with what result. At
 * scale 1: 20,900 people make 29,600 attempts, of which exactly 4,700 (15.9 %) score
 * 20/20 and 15,768 (53.27 %) score at least 15/20, as the campaign reported. Each person
 * has an ability, and the better a person's ability the better their attempts' scores
 * (how each answer goes is {@link ReplayAnswers}'s). Deterministic for a seed.
 */
final class ReplayPlan {

	static final int PEOPLE = 20_900;

	static final int ATTEMPTS = 29_600;

	static final int PERFECT = 4_700;

	static final int AT_LEAST_15 = 15_768;

	/** Of 15..19 (attempts at 15 to 19 right), most are near the top. */
	private static final double[] HIGH = { 0.10, 0.13, 0.20, 0.26, 0.31 };

	/** Of 0..14, most are in the low teens. */
	private static final double[] LOW = { 0.002, 0.003, 0.005, 0.01, 0.015, 0.025, 0.035, 0.05, 0.07, 0.09, 0.11, 0.13,
			0.14, 0.15, 0.16 };

	/**
	 * How much an attempt's result strays from its person's ability (which varies by 1):
	 * a person's attempts correlate at about 0.8.
	 */
	private static final double LUCK = 0.5;

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
			"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Thanh", "Quang",
			"Hồng", "Xuân", "Kim" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
			"Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm",
			"Thảo", "Trang", "Tuấn", "Vy", "Yến" };

	private ReplayPlan() {
	}

	/**
	 * @param people how many take part
	 * @param attempts how many attempts they make
	 * @param perfect attempts at 20/20
	 * @param atLeast15 attempts at 15/20 or more
	 * @param participants who, and their attempts in time order
	 */
	record Plan(int people, int attempts, int perfect, int atLeast15, List<Person> participants) {
	}

	record Person(String fullName, String phone, String unitCode, String district, int birthYear,
			List<Planned> attempts) {
	}

	/**
	 * @param round the round (1..rounds)
	 * @param score how many answers will be right
	 * @param startedAt when it starts
	 * @param duration how long it takes
	 * @param prediction the answer to the prediction question
	 */
	record Planned(int round, int score, Instant startedAt, Duration duration, long prediction) {
	}

	static Plan plan(double scale, Instant opens, int rounds, List<String> units, List<String> districts, long seed) {
		Random random = new Random(seed);
		int people = (int) Math.round(PEOPLE * scale);
		int attempts = (int) Math.round(ATTEMPTS * scale);
		int perfect = (int) Math.round(PERFECT * scale);
		int atLeast15 = (int) Math.round(AT_LEAST_15 * scale);
		List<Integer> scores = new ArrayList<>(Collections.nCopies(perfect, 20));
		addApportioned(scores, 15, HIGH, atLeast15 - perfect);
		addApportioned(scores, 0, LOW, attempts - atLeast15);
		Collections.sort(scores);
		// people making 1, 2 or 3 attempts: as many extra attempts as the totals need
		int extra = attempts - people;
		int three = (int) Math.round(extra * 1200.0 / 8700);
		int two = extra - 2 * three;
		// each person an ability; the planned scores (their counts exact) go to the
		// attempts in the order of their person's ability plus a little luck per attempt,
		// so that a person's attempts score alike
		List<double[]> luck = new ArrayList<>(attempts);
		List<Planned> drafts = new ArrayList<>(attempts);
		List<Person> drafted = new ArrayList<>(people);
		for (int i = 0; i < people; i++) {
			int count = (i < three) ? 3 : (i < three + two) ? 2 : 1;
			double ability = random.nextGaussian();
			for (int k = 0; k < count; k++) {
				int round = 1 + random.nextInt(rounds);
				Instant start = opens.plus(Duration.ofDays(7L * (round - 1)))
					.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60 - 30)));
				Duration took = Duration.ofSeconds(240 + random.nextInt(900));
				long prediction = Math.max(0, Math.round(Math.exp(Math.log(PERFECT) + random.nextGaussian() * 0.8)));
				luck.add(new double[] { ability + LUCK * random.nextGaussian(), drafts.size() });
				drafts.add(new Planned(round, 0, start, took, prediction));
			}
			drafted.add(new Person(name(random), "09%08d".formatted(10_000_000 + i),
					units.get(random.nextInt(units.size())), districts.get(random.nextInt(districts.size())),
					1950 + random.nextInt(55), List.of()));
		}
		luck.sort(Comparator.comparingDouble((double[] drawn) -> drawn[0]));
		int[] scoreOf = new int[attempts];
		for (int rank = 0; rank < attempts; rank++) {
			scoreOf[(int) luck.get(rank)[1]] = scores.get(rank);
		}
		List<Person> participants = new ArrayList<>(people);
		int next = 0;
		for (Person person : drafted) {
			int count = (participants.size() < three) ? 3 : (participants.size() < three + two) ? 2 : 1;
			List<Planned> planned = new ArrayList<>();
			for (int k = 0; k < count; k++, next++) {
				Planned draft = drafts.get(next);
				planned.add(new Planned(draft.round(), scoreOf[next], draft.startedAt(), draft.duration(),
						draft.prediction()));
			}
			planned.sort(Comparator.comparing(Planned::startedAt));
			participants.add(new Person(person.fullName(), person.phone(), person.unitCode(), person.district(),
					person.birthYear(), List.copyOf(planned)));
		}
		return new Plan(people, attempts, perfect, atLeast15, participants);
	}

	/**
	 * Adds {@code total} scores from {@code lowest} up, split by weight (largest
	 * remainder).
	 */
	private static void addApportioned(List<Integer> scores, int lowest, double[] weights, int total) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		int[] counts = new int[weights.length];
		double[] remainders = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = total * weights[i] / sum;
			counts[i] = (int) Math.floor(exact);
			remainders[i] = exact - counts[i];
			given += counts[i];
		}
		while (given < total) {
			int largest = 0;
			for (int i = 1; i < weights.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			counts[largest]++;
			remainders[largest] = -1;
			given++;
		}
		for (int i = 0; i < weights.length; i++) {
			scores.addAll(Collections.nCopies(counts[i], lowest + i));
		}
	}

	private static String name(Random random) {
		return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
				+ GIVEN[random.nextInt(GIVEN.length)];
	}

}
