package org.civiquiz.waitingroom;

import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestStatus;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WaitingRoomController {

	private final WaitingRoom room;

	private final ContestService contests;

	WaitingRoomController(WaitingRoom room, ContestService contests) {
		this.room = room;
		this.contests = contests;
	}

	/**
	 * A waiting page asks for its place; when admitted, it sends its start again with the
	 * ticket.
	 */
	@GetMapping("/api/contests/{slug}/waiting-room/{ticket}")
	Mono<ResponseEntity<WaitingRoom.Place>> poll(@PathVariable String slug, @PathVariable String ticket) {
		// only a public contest has a room: a made-up slug makes no keys in Redis
		return this.contests.settings(slug)
			.filter((contest) -> contest.status() != ContestStatus.DRAFT)
			.switchIfEmpty(Mono.error(() -> ContestException.notFound(slug)))
			.flatMap((contest) -> this.room.poll(contest.slug(), ticket))
			.map((place) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(place));
	}

	@GetMapping("/api/admin/contests/{slug}/waiting-room")
	Mono<WaitingRoom.Line> line(@PathVariable String slug) {
		return this.contests.settings(slug).flatMap((contest) -> this.room.line(contest.slug()));
	}

}
