package org.civiquiz.award.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.civiquiz.award.AwardLogEntry;
import org.civiquiz.award.FinalizationService;
import org.civiquiz.award.PrizePlan;
import org.civiquiz.award.PrizePlanService;
import org.civiquiz.award.PrizePlanView;
import org.civiquiz.award.WinnersList;
import org.civiquiz.award.exclusion.ExclusionService;
import org.civiquiz.award.export.WinnersTable;
import org.civiquiz.award.export.WinnersXlsx;
import org.civiquiz.award.internal.AwardException;
import org.civiquiz.security.StaffScopes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The prize plan (organizers), exclusions, finalization, reopening and the winners
 * exports (the award committee). Each list is a round's ({@code /rounds/{round}/…}) or
 * the whole contest's ({@code /winners}, {@code /finalization}, {@code /reopening}). A
 * unit-scoped account sees and decides the exclusions of its units only.
 */
@RestController
@RequestMapping("/api/admin/contests/{slug}")
public class AwardController {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PrizePlanService plans;

	private final ExclusionService exclusions;

	private final FinalizationService lists;

	private final StaffScopes scopes;

	AwardController(PrizePlanService plans, ExclusionService exclusions, FinalizationService lists,
			StaffScopes scopes) {
		this.plans = plans;
		this.exclusions = exclusions;
		this.lists = lists;
		this.scopes = scopes;
	}

	@GetMapping("/prize-plan")
	Mono<PrizePlanView> plan(@PathVariable String slug) {
		return this.plans.plan(slug);
	}

	@PutMapping("/prize-plan")
	Mono<PrizePlanView> updatePlan(@PathVariable String slug, @RequestBody PrizePlan plan, Principal principal) {
		return this.plans.updatePlan(slug, plan, principal.getName());
	}

	@GetMapping("/exclusions")
	Flux<WinnersList.Excluded> exclusions(@PathVariable String slug) {
		return this.scopes.units(slug).flatMapMany((units) -> this.exclusions.exclusions(slug, units));
	}

	@PutMapping("/exclusions/{attemptId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> exclude(@PathVariable String slug, @PathVariable UUID attemptId, @RequestBody Decision decision,
			Principal principal) {
		return this.scopes.units(slug)
			.flatMap(
					(units) -> this.exclusions.exclude(slug, attemptId, decision.reason(), principal.getName(), units));
	}

	@DeleteMapping("/exclusions/{attemptId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> lift(@PathVariable String slug, @PathVariable UUID attemptId, Principal principal) {
		return this.scopes.units(slug)
			.flatMap((units) -> this.exclusions.lift(slug, attemptId, principal.getName(), units));
	}

	@PostMapping({ "/rounds/{round}/finalization", "/finalization" })
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WinnersList> finalizeList(@PathVariable String slug, @PathVariable(required = false) Integer round,
			Principal principal) {
		return this.lists.finalizeList(slug, round, principal.getName());
	}

	@PostMapping({ "/rounds/{round}/reopening", "/reopening" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> reopen(@PathVariable String slug, @PathVariable(required = false) Integer round,
			@RequestBody Decision decision, Principal principal) {
		return this.lists.reopen(slug, round, decision.reason(), principal.getName());
	}

	/**
	 * The standing list as JSON, CSV or XLSX: {@code format} if given, else the
	 * {@code Accept} header, else JSON. A list the retention command redacted is JSON
	 * only (its files held the personal data).
	 */
	@GetMapping({ "/rounds/{round}/winners", "/winners" })
	Mono<ResponseEntity<?>> winners(@PathVariable String slug, @PathVariable(required = false) Integer round,
			@RequestParam(required = false) String format, ServerWebExchange exchange) {
		String chosen = (format != null) ? format.toLowerCase(Locale.ROOT) : negotiated(exchange);
		if (!List.of("json", "csv", "xlsx").contains(chosen)) {
			return Mono.error(AwardException.formatUnknown(format));
		}
		String name = "winners-" + slug + ((round != null) ? "-round-" + round : "") + "." + chosen;
		return this.lists.winners(slug, round).flatMap((frozen) -> {
			if (frozen.canonical() == null && !"json".equals(chosen)) {
				return Mono.error(AwardException.redacted(frozen.list().redactedAt()));
			}
			return switch (chosen) {
				case "csv" -> Mono.just(file(WinnersTable.csv(frozen.canonical(), frozen.list().sha256()), CSV, name));
				// the workbook is built in memory; keep the CPU work off the event loop
				case "xlsx" -> Mono
					.fromCallable(() -> file(WinnersXlsx.write(frozen.canonical(), frozen.list().sha256()), XLSX, name))
					.subscribeOn(Schedulers.boundedElastic());
				default -> Mono.just(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(frozen.list()));
			};
		});
	}

	@GetMapping("/award-log")
	Flux<AwardLogEntry> log(@PathVariable String slug) {
		return this.lists.log(slug);
	}

	/**
	 * The format the {@code Accept} header prefers: the highest quality among JSON, CSV
	 * and XLSX named exactly; JSON when none is (wildcards included).
	 */
	private static String negotiated(ServerWebExchange exchange) {
		String chosen = "json";
		double best = -1;
		for (MediaType accepted : exchange.getRequest().getHeaders().getAccept()) {
			if (accepted.isWildcardType() || accepted.isWildcardSubtype() || accepted.getQualityValue() <= 0) {
				continue;
			}
			String format = accepted.isCompatibleWith(XLSX) ? "xlsx" : accepted.isCompatibleWith(CSV) ? "csv"
					: accepted.isCompatibleWith(MediaType.APPLICATION_JSON) ? "json" : null;
			if (format != null && accepted.getQualityValue() > best) {
				chosen = format;
				best = accepted.getQualityValue();
			}
		}
		return chosen;
	}

	private static ResponseEntity<?> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	/**
	 * A committee decision.
	 *
	 * @param reason why, in words the minutes can quote
	 */
	record Decision(String reason) {
	}

}
