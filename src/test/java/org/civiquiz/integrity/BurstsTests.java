package org.civiquiz.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BurstsTests {

	private static final Instant T0 = Instant.parse("2024-05-06T01:00:00Z");

	private static final Duration WINDOW = Duration.ofMinutes(10);

	@Test
	void threeParticipantsWithinTheWindowMakeABurstWithEveryStartInIt() {
		List<Bursts.Start> starts = List.of(start(1, 0), start(2, 4), start(3, 10), start(4, 30));
		List<Bursts.Burst> bursts = Bursts.find(starts, WINDOW, 3);
		assertThat(bursts).hasSize(1);
		Bursts.Burst burst = bursts.get(0);
		assertThat(burst.starts()).containsExactlyElementsOf(starts.subList(0, 3));
		assertThat(burst.participants()).isEqualTo(3);
		assertThat(burst.from()).isEqualTo(T0);
		// both ends of the window count
		assertThat(burst.to()).isEqualTo(T0.plus(WINDOW));
	}

	@Test
	void theSameParticipantStartingAgainIsOneParticipant() {
		List<Bursts.Start> starts = List.of(start(1, 0), start(1, 1), start(2, 2), start(2, 3), start(1, 4));
		assertThat(Bursts.find(starts, WINDOW, 3)).isEmpty();
		assertThat(Bursts.find(starts, WINDOW, 2)).singleElement()
			.satisfies((burst) -> assertThat(burst.participants()).isEqualTo(2));
	}

	@Test
	void startsSpreadWiderThanTheWindowMakeNoBurst() {
		List<Bursts.Start> starts = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			// one a minute: any ten minutes hold eleven at most
			starts.add(start(i, i));
		}
		assertThat(Bursts.find(starts, WINDOW, 12)).isEmpty();
		assertThat(Bursts.find(starts, WINDOW, 11)).singleElement()
			.satisfies((burst) -> assertThat(burst.starts()).hasSize(30));
	}

	@Test
	void overlappingWindowsMakeOneBurstAndSeparateOnesTwo() {
		// 0, 5, 9 and 14 minutes: the windows 0–9 and 5–14 overlap; then 60, 61, 62
		List<Bursts.Start> starts = List.of(start(1, 0), start(2, 5), start(3, 9), start(4, 14), start(5, 60),
				start(6, 61), start(7, 62), start(8, 100));
		List<Bursts.Start> shuffled = new ArrayList<>(starts);
		Collections.reverse(shuffled);
		List<Bursts.Burst> bursts = Bursts.find(shuffled, WINDOW, 3);
		assertThat(bursts).hasSize(2);
		assertThat(bursts.get(0).starts()).containsExactlyElementsOf(starts.subList(0, 4));
		assertThat(bursts.get(0).participants()).isEqualTo(4);
		assertThat(bursts.get(1).starts()).containsExactlyElementsOf(starts.subList(4, 7));
		assertThat(bursts.get(1).from()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
		assertThat(bursts.get(1).to()).isEqualTo(T0.plus(Duration.ofMinutes(62)));
	}

	@Test
	void aRoomOfFiveIsNoBurstForAThresholdOfThirty() {
		List<Bursts.Start> starts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			starts.add(start(i, 0));
		}
		assertThat(Bursts.find(starts, WINDOW, 30)).isEmpty();
		assertThat(Bursts.find(List.of(), WINDOW, 3)).isEmpty();
	}

	private static Bursts.Start start(long participant, int minute) {
		return new Bursts.Start(UUID.nameUUIDFromBytes((participant + "@" + minute).getBytes()), participant,
				T0.plus(Duration.ofMinutes(minute)), true);
	}

}
