package org.civiquiz.platform;

import java.time.Duration;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BlockHound watches every integration test: a blocking call on a reactive thread fails
 * it. This test proves the watch is on.
 */
@IntegrationTest
class BlockHoundIntegrationTests {

	@Test
	void blockingOnAReactiveThreadIsCaught() {
		assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1)).doOnNext((tick) -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).block()).hasCauseInstanceOf(BlockingOperationError.class);
	}

}
