package org.civiquiz.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.award.PrizePlanService;
import org.civiquiz.award.PrizePlan;
import org.civiquiz.award.PrizePlan.PrizesPerPerson;
import org.civiquiz.award.PrizePlan.Tier;
import org.civiquiz.award.PrizePlan.UnitPrizesPer;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestService.NewContest;
import org.civiquiz.contest.ContestService.NewRound;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.contest.CertificateSetting;
import org.civiquiz.contest.OverdueHandling;
import org.civiquiz.contest.PhoneVerification;
import org.civiquiz.contest.ReviewPolicy;
import org.civiquiz.question.QuestionBankService;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On first start of the embedded default, creates the open contest {@code luat-htx-2023}:
 * eight weekly rounds from today (Vietnam time), Hải Phòng's units and districts as in
 * the reference campaign (2024), a prize plan, and the question bank loaded by the
 * organizers' CSV importer. The contest is a demo: its bank is the bundled file, public
 * (correct options included), and organizers are warned of it until they import their
 * own. Beside it, the practice contest {@code on-tap-luat-htx-2023} ("thi thử"):
 * unranked, unlimited attempts, over the same weeks, drawing from a bank of its own that
 * shares no question with the contest's (so practice never shows the contest's key). Each
 * is created when missing, so an installation seeded before the practice contest existed
 * gets it on its next start.
 */
@Component
class ReferenceContestSeeder implements ApplicationRunner {

	static final String SLUG = "luat-htx-2023";

	static final String PRACTICE_SLUG = "on-tap-luat-htx-2023";

	private static final Log logger = LogFactory.getLog(ReferenceContestSeeder.class);

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final SeedProperties properties;

	private final ContestService contests;

	private final QuestionBankService banks;

	private final PrizePlanService prizePlans;

	private final Clock clock;

	ReferenceContestSeeder(SeedProperties properties, ContestService contests, QuestionBankService banks,
			PrizePlanService prizePlans, Clock clock) {
		this.properties = properties;
		this.contests = contests;
		this.banks = banks;
		this.prizePlans = prizePlans;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled()) {
			return;
		}
		// start-up, not a request: blocking here (the file, then the database) is
		// intended
		byte[] bank = bank();
		byte[] articles = articles();
		Boolean created = this.contests.exists(SLUG)
			// a contest seeded before the law's texts were shipped gets them now
			.flatMap((exists) -> exists ? this.banks.importArticlesIfNone(SEED_BANK, articles).thenReturn(false)
					: seed(bank, articles))
			.block();
		if (Boolean.TRUE.equals(created)) {
			logger.info("Seeded the contest " + SLUG + " with the Cooperative Law 2023 question bank");
		}
		byte[] practiceBank = practiceBank();
		Boolean practiceCreated = this.contests.exists(PRACTICE_SLUG)
			.flatMap((exists) -> exists ? Mono.just(false) : seedPractice(practiceBank, articles))
			.block();
		if (Boolean.TRUE.equals(practiceCreated)) {
			logger.info("Seeded the practice contest " + PRACTICE_SLUG + " with its own question bank");
		}
	}

	private Instant opens() {
		return LocalDate.now(this.clock.withZone(VIETNAM)).atStartOfDay(VIETNAM).toInstant();
	}

	private Mono<Boolean> seed(byte[] bank, byte[] articles) {
		Instant opens = opens();
		List<NewRound> rounds = IntStream.rangeClosed(1, 8)
			.mapToObj((week) -> new NewRound(week, "Tuần " + week, opens.plus(Duration.ofDays(7L * (week - 1))),
					opens.plus(Duration.ofDays(7L * week))))
			.toList();
		NewContest contest = new NewContest(SLUG, "Cuộc thi trực tuyến tìm hiểu Luật Hợp tác xã năm 2023",
				"Luật Hợp tác xã số 17/2023/QH15",
				"Cuộc thi giúp người dân, thành viên hợp tác xã và cán bộ các cấp tìm hiểu Luật Hợp tác xã năm 2023, "
						+ "có hiệu lực từ ngày 01/7/2024.",
				"Mỗi bài thi gồm 20 câu hỏi trắc nghiệm rút ngẫu nhiên từ ngân hàng câu hỏi, làm trong 20 phút. "
						+ "Mỗi người được thi tối đa 3 lần mỗi tuần; kết quả cao nhất được tính. Người thắng được xếp "
						+ "theo điểm, rồi theo độ chính xác của câu dự đoán, rồi theo thời gian làm bài, rồi theo thời "
						+ "điểm nộp bài.",
				SEED_BANK, opens, rounds.get(rounds.size() - 1).closesAt(), Duration.ofMinutes(20), 20, 3,
				// chapter V (governance) is a fifth of the law's text: four of the twenty
				Map.of(1, 3, 2, 2, 3, 1, 4, 3, 5, 4, 6, 3, 7, 2),
				"Theo bạn, trong tuần thi này sẽ có bao nhiêu lượt bài thi trả lời đúng cả 20/20 câu hỏi?",
				HaiPhong.DISTRICTS, ContestStatus.OPEN);
		// the bank first: its import is idempotent, so a start interrupted between the
		// two
		// steps simply does both again, while a contest without its bank would stay
		// broken
		return this.banks.importBundled(SEED_BANK, bank, articles)
			.then(this.contests.create(contest, rounds, HaiPhong.units()))
			.then(this.prizePlans.updatePlan(SLUG, PRIZE_PLAN, "seed"))
			.thenReturn(true);
	}

	static final String SEED_BANK = SLUG;

	static final String PRACTICE_BANK = PRACTICE_SLUG;

	private Mono<Boolean> seedPractice(byte[] bank, byte[] articles) {
		Instant opens = opens();
		Instant closes = opens.plus(Duration.ofDays(7L * 8));
		// the bank first, as for the contest: its import is idempotent
		return this.banks.importBundled(PRACTICE_BANK, bank, articles)
			.then(this.contests.create(practiceContest(opens, closes),
					List.of(new NewRound(1, "Ôn tập", opens, closes)), HaiPhong.units()))
			.thenReturn(true);
	}

	/**
	 * The practice contest: unranked (no leaderboard, prizes or public figures, hence no
	 * prize plan and no prediction question), unlimited attempts (0), 20 questions in 20
	 * minutes drawn from the whole practice bank, reviewed right after each submission
	 * (the practice bank is its own, so its answers give nothing of the contest's away).
	 */
	static NewContest practiceContest(Instant opens, Instant closes) {
		return new NewContest(PRACTICE_SLUG, "Thi thử: ôn tập Luật Hợp tác xã năm 2023",
				"Luật Hợp tác xã số 17/2023/QH15",
				"Làm thử bài trắc nghiệm về Luật Hợp tác xã năm 2023 để ôn tập trước và trong thời gian cuộc thi. "
						+ "Câu hỏi thi thử lấy từ một ngân hàng riêng, không trùng với câu hỏi của cuộc thi chính thức.",
				"Mỗi bài thi thử gồm 20 câu hỏi rút ngẫu nhiên, làm trong 20 phút. Được thi thử không giới hạn số lần. "
						+ "Bài thi thử không xếp hạng, không xét giải và không tính vào kết quả cuộc thi chính thức.",
				PRACTICE_BANK, opens, closes, Duration.ofMinutes(20), 20, 0, Map.of(), "", HaiPhong.DISTRICTS,
				ContestStatus.OPEN, null, PhoneVerification.OFF, ReviewPolicy.AFTER_SUBMISSION,
				OverdueHandling.AUTO_SUBMIT, CertificateSetting.OFF, false);
	}

	/**
	 * Each week 1 first, 2 second, 3 third and 10 consolation prizes; one special prize
	 * for the whole contest; one collective prize for the unit with the most participants
	 * (the seeded units have no headcount, so no prize by rate).
	 */
	static final PrizePlan PRIZE_PLAN = new PrizePlan(
			List.of(new Tier("Giải Nhất", 1), new Tier("Giải Nhì", 2), new Tier("Giải Ba", 3),
					new Tier("Giải Khuyến khích", 10)),
			List.of(new Tier("Giải Đặc biệt", 1)), List.of(new Tier("Giải tập thể", 1)), List.of(),
			PrizePlan.DEFAULT_CHAIN, PrizesPerPerson.HIGHEST_PER_CONTEST, UnitPrizesPer.CONTEST);

	/**
	 * The bundled Cooperative Law 2023 question bank (a blocking read: start-up only).
	 */
	static byte[] bank() {
		return resource("questions/luat-htx-2023.csv");
	}

	/**
	 * The Cooperative Law 2023's own text, chapter titles and articles, that reviews show
	 * beside the bundled bank's questions (a blocking read: start-up only).
	 */
	static byte[] articles() {
		return resource("questions/luat-htx-2023-articles.csv");
	}

	/**
	 * The practice contest's own question bank (a blocking read: start-up only).
	 */
	static byte[] practiceBank() {
		return resource("questions/on-tap-luat-htx-2023.csv");
	}

	private static byte[] resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
