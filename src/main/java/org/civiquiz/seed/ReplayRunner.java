package org.civiquiz.seed;

import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.award.WinnersList;
import org.civiquiz.contest.ContestService;
import org.civiquiz.stats.ContestStats;
import org.civiquiz.stats.ItemAnalysis;
import org.civiquiz.stats.ItemAnalysis.Item;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.profiles=replay}: replays the reference
 * campaign, prints its figures, and stops the app.
 */
@Component
@Profile("replay")
class ReplayRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ReplayRunner.class);

	private final CampaignReplay replay;

	private final ContestService contests;

	private final ReplayProperties properties;

	private final ConfigurableApplicationContext context;

	ReplayRunner(CampaignReplay replay, ContestService contests, ReplayProperties properties,
			ConfigurableApplicationContext context) {
		this.replay = replay;
		this.contests = contests;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String slug = this.properties.slug();
		// a command, not a request: blocking until it is done is the point
		if (Boolean.TRUE.equals(this.contests.exists(slug).block())) {
			logger.warn("The contest " + slug + " exists already: replay skipped (set civiquiz.replay.slug to "
					+ "replay into another)");
		}
		else {
			CampaignReplay.ReplayReport report = this.replay
				.replay(slug, this.properties.scale(), this.properties.concurrency(), ReferenceContestSeeder.bank())
				.block();
			ContestStats figures = report.figures();
			logger.info(String.format(
					"Replay of the reference campaign into %s took %d s:%n"
							+ "  planned: %,d people, %,d attempts, %,d at 20/20, %,d at >= 15/20%n"
							+ "  PostgreSQL: %,d participants, %,d attempts submitted; 20/20: %,d (%.2f %%); "
							+ ">= 15/20: %,d (%.2f %%); mean %.2f, median %.1f",
					slug, report.took().toSeconds(), report.people(), report.attempts(), report.perfect(),
					report.atLeast15(), figures.participants(), figures.attemptsSubmitted(),
					figures.attempts().perfect(), 100 * figures.attempts().perfectShare(),
					figures.attempts().atLeast15(), 100 * figures.attempts().atLeast15Share(),
					figures.attempts().mean(), figures.attempts().median()));
			logger.info(itemAnalysis(report));
			long started = System.nanoTime();
			List<WinnersList> lists = this.replay.finalizeAll(slug).collectList().block();
			logger.info(String.format("Finalized %d winners lists (each round, then the contest) in %d ms",
					lists.size(), (System.nanoTime() - started) / 1_000_000));
		}
		if (this.properties.exit()) {
			System.exit(SpringApplication.exit(this.context));
		}
	}

	/**
	 * The item analysis's time and its flagged questions, the planted wrong key first.
	 */
	static String itemAnalysis(CampaignReplay.ReplayReport report) {
		ItemAnalysis analysis = report.items();
		List<Item> flagged = analysis.items()
			.stream()
			.filter((item) -> !item.flags().isEmpty())
			.sorted(Comparator.comparing((Item item) -> !item.code().equals(report.planted()))
				.thenComparing(Item::code))
			.toList();
		boolean found = flagged.stream()
			.anyMatch((item) -> item.code().equals(report.planted())
					&& item.flags().contains(ItemAnalysis.Flag.MAYBE_WRONG_KEY));
		StringBuilder text = new StringBuilder(String.format(
				"Item analysis of %,d attempts took %d ms: %d of %d questions flagged; the planted wrong key (%s) %s",
				analysis.attempts(), report.itemsTook().toMillis(), flagged.size(), analysis.items().size(),
				report.planted(), found ? "is flagged MAYBE_WRONG_KEY" : "is NOT flagged MAYBE_WRONG_KEY"));
		for (Item item : flagged) {
			text.append(String.format("%n  %-8s drawn %,6d  facility %s  discrimination %s  %s", item.code(),
					item.drawn(), decimal(item.facility()), decimal(item.discrimination()), item.flags()));
		}
		return text.toString();
	}

	private static String decimal(Double value) {
		return (value != null) ? String.format("%6.3f", value) : "     -";
	}

}
