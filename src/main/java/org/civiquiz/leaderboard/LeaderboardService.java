package org.civiquiz.leaderboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.civiquiz.exam.AttemptSubmitted;
import org.civiquiz.exam.AttemptSubmittedListener;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveZSetCommands.ZAddCommand;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps each participant's best result per round in a Redis sorted set.
 */
@Service
public class LeaderboardService implements AttemptSubmittedListener {

	private final ReactiveStringRedisTemplate redis;

	LeaderboardService(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Void> onSubmitted(AttemptSubmitted event) {
		long offset = Duration.between(event.roundOpensAt(), event.submittedAt()).toSeconds();
		double value = LeaderboardScore.encode(event.score(), event.durationMs(), offset);
		ByteBuffer key = bytes(LeaderboardKeys.round(event.contestSlug(), event.roundId()));
		byte[] member = Long.toString(event.participantId()).getBytes(StandardCharsets.UTF_8);
		ZAddCommand command = ZAddCommand.tuple(new DefaultTuple(member, value)).to(key).gt();
		return this.redis.execute((connection) -> connection.zSetCommands().zAdd(Mono.just(command)))
			.then()
			// Spring Data Redis opens its shared connection synchronously on first use
			// (and while
			// Redis is unreachable, on every use): never on an event-loop thread
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The participant's best result in the round, as ranked.
	 * @param contestSlug the contest
	 * @param roundId the round
	 * @param participantId the participant
	 * @return the best score and duration, empty if not ranked
	 */
	public Mono<RankedResult> best(String contestSlug, long roundId, long participantId) {
		return this.redis.opsForZSet()
			.score(LeaderboardKeys.round(contestSlug, roundId), Long.toString(participantId))
			.map((value) -> new RankedResult(LeaderboardScore.score(value), LeaderboardScore.durationMs(value)));
	}

	private static ByteBuffer bytes(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A participant's best result as the leaderboard holds it.
	 *
	 * @param score correct answers
	 * @param durationMs time taken
	 */
	public record RankedResult(int score, long durationMs) {
	}

}
