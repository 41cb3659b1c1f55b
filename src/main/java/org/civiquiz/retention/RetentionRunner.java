package org.civiquiz.retention;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --civiquiz.retention.run=true}: applies retention, prints what it did (counts,
 * no personal data), and stops the app.
 */
@Component
@ConditionalOnBooleanProperty("civiquiz.retention.run")
class RetentionRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(RetentionRunner.class);

	private final RetentionService retention;

	private final RetentionProperties properties;

	private final ConfigurableApplicationContext context;

	RetentionRunner(RetentionService retention, RetentionProperties properties,
			ConfigurableApplicationContext context) {
		this.retention = retention;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		// a command, not a request: blocking until it is done is the point
		List<ContestRetention> contests = this.retention.run(this.properties.days(), this.properties.dryRun())
			.doOnNext((done) -> logger.info(String.format(
					"Retention%s: %s: %,d participants anonymized, %,d attempts cleared of device data, "
							+ "%,d winners lists redacted%s",
					this.properties.dryRun() ? " (dry run)" : "", done.contest(), done.participants(), done.attempts(),
					done.winnersLists(), done.boardsRebuilt() ? ", boards rebuilt" : "")))
			.collectList()
			.block();
		logger.info(String.format(
				"Retention%s of personal data %d days after the whole-contest winners list: contests due: %d, "
						+ "%,d participants anonymized, %,d attempts cleared, %,d winners lists redacted%s",
				this.properties.dryRun() ? " (dry run)" : "", this.properties.days(), contests.size(),
				contests.stream().mapToLong(ContestRetention::participants).sum(),
				contests.stream().mapToLong(ContestRetention::attempts).sum(),
				contests.stream().mapToLong(ContestRetention::winnersLists).sum(),
				this.properties.dryRun() ? "; nothing was changed" : ""));
		if (this.properties.exit()) {
			System.exit(SpringApplication.exit(this.context));
		}
	}

}
