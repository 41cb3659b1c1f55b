package org.civiquiz.platform.web;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request body may be. A larger one is refused with {@code 413} before it is
 * read: at once when its {@code Content-Length} says so, and as soon as that many bytes
 * arrived when it is streamed without one.
 *
 * @param maxBody the largest body of every request but those below: a submission of 20
 * answers is under 2 KB, a registration under 1 KB
 * @param maxLargeBody the largest body of the requests below: question bank files (CSV or
 * XLSX) and contest forms (a national contest lists thousands of units)
 * @param largeBodyPaths the path patterns of the requests that may carry large bodies
 */
@Validated
@ConfigurationProperties("civiquiz.requests")
public record RequestLimitsProperties(@DefaultValue("64KB") @NotNull DataSize maxBody,
		@DefaultValue("5MB") @NotNull DataSize maxLargeBody, @DefaultValue( {
				"/api/admin/contests", "/api/admin/contests/*",
				"/api/admin/contests/*/questions" }) @NotEmpty List<String> largeBodyPaths){

}
