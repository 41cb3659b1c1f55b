package org.civiquiz.stats.items;

import org.civiquiz.stats.ItemAnalysisService;
import org.civiquiz.stats.StatsException;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Item analysis of a contest's bank for organizers and the committee: JSON, or a workbook
 * ({@code format=xlsx}, or an {@code Accept} that names it).
 */
@RestController
public class ItemAnalysisController {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ItemAnalysisService analyses;

	ItemAnalysisController(ItemAnalysisService analyses) {
		this.analyses = analyses;
	}

	@GetMapping("/api/admin/contests/{slug}/item-analysis")
	Mono<ResponseEntity<?>> analysis(@PathVariable String slug, @RequestParam(required = false) Integer round,
			@RequestParam(required = false) String format, ServerWebExchange exchange) {
		String chosen = (format != null) ? format.toLowerCase(Locale.ROOT) : negotiated(exchange);
		if (!List.of("json", "xlsx").contains(chosen)) {
			return Mono.error(StatsException.formatUnknown(format));
		}
		return this.analyses.analyse(slug, round).flatMap((analysis) -> {
			if ("json".equals(chosen)) {
				return Mono.just(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(analysis));
			}
			String name = "item-analysis-" + slug + ((round != null) ? "-round-" + round : "") + ".xlsx";
			// the workbook is built in memory; keep the CPU work off the event loop
			return Mono
				.fromCallable(() -> ResponseEntity.ok()
					.contentType(XLSX)
					.header(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment().filename(name).build().toString())
					.body(ItemAnalysisXlsx.write(analysis)))
				.subscribeOn(Schedulers.boundedElastic());
		});
	}

	/**
	 * The format the {@code Accept} header prefers: the highest quality of JSON and XLSX
	 * named exactly; JSON when neither is (wildcards included).
	 */
	private static String negotiated(ServerWebExchange exchange) {
		String chosen = "json";
		double best = -1;
		for (MediaType accepted : exchange.getRequest().getHeaders().getAccept()) {
			if (accepted.isWildcardType() || accepted.isWildcardSubtype() || accepted.getQualityValue() <= 0) {
				continue;
			}
			String format = accepted.isCompatibleWith(XLSX) ? "xlsx"
					: accepted.isCompatibleWith(MediaType.APPLICATION_JSON) ? "json" : null;
			if (format != null && accepted.getQualityValue() > best) {
				chosen = format;
				best = accepted.getQualityValue();
			}
		}
		return chosen;
	}

}
