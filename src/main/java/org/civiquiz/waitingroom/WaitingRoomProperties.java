package org.civiquiz.waitingroom;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The waiting room's settings ({@code civiquiz.waiting-room}).
 *
 * @param enabled false lets every start through at once, as before the room
 * @param admissionRate starts admitted per second by each replica (the replicas that
 * served the contest's starts or polls in the last {@code replicaPresence} count), for
 * every contest without a rate of its own
 * @param contestRates a contest's own rate per replica, by its slug
 * @param burst how many seconds of admissions the room lets through at once after a calm
 * spell (at least one)
 * @param maxStartsInFlight a replica with this many starts under way is saturated: its
 * calls admit nobody until some finish
 * @param maxRequestsInFlight a replica serving more requests than this at once (of every
 * kind, the caller's own aside; event streams not counted) is saturated too: the starts
 * admitted earlier, the saves, submissions and the room's own answers take all it has
 * @param maxEventLoopLag a replica whose HTTP event loops run their tasks later than this
 * is saturated too: it is short of CPU, and new connections wait before any request is
 * counted
 * @param admittedFor how long an admission holds: the starts its ticket makes meanwhile
 * (retries included) pass without waiting
 * @param pollMin the shortest time a waiting page is told to wait before asking again
 * @param pollMax the longest (a page is told to ask again when its estimated wait is
 * over, within these two), unless the line is long
 * @param pollRate polls a second the whole line may cost each replica: a line longer than
 * {@code pollMax} times this is asked about less often, each page waiting up to the
 * line's length over this rate
 * @param dropAfter how long past the poll it was told to make a waiting ticket keeps its
 * place (a phone that slept longer joins again at the end)
 * @param replicaPresence how long a replica counts towards the admission rate after its
 * last call
 * @param idleExpiry how long a contest's room keys live in Redis without a call
 */
@Validated
@ConfigurationProperties("civiquiz.waiting-room")
public record WaitingRoomProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("50") @DecimalMin("0.1") double admissionRate, @NotNull Map<String, Double> contestRates,
		@DefaultValue("2s") @NotNull Duration burst, @DefaultValue("32") @Min(1) int maxStartsInFlight,
		@DefaultValue("64") @Min(1) int maxRequestsInFlight, @DefaultValue("100ms") @NotNull Duration maxEventLoopLag,
		@DefaultValue("5m") @NotNull Duration admittedFor, @DefaultValue("1s") @NotNull Duration pollMin,
		@DefaultValue("20s") @NotNull Duration pollMax, @DefaultValue("100") @DecimalMin("0.01") double pollRate,
		@DefaultValue("60s") @NotNull Duration dropAfter, @DefaultValue("10s") @NotNull Duration replicaPresence,
		@DefaultValue("1h") @NotNull Duration idleExpiry) {

	public WaitingRoomProperties {
		contestRates = (contestRates != null) ? Map.copyOf(contestRates) : Map.of();
	}

	/**
	 * @param slug the contest
	 * @return its admissions per second per replica
	 */
	double rate(String slug) {
		Double own = this.contestRates.get(slug);
		return (own != null && own > 0) ? own : this.admissionRate;
	}

}
