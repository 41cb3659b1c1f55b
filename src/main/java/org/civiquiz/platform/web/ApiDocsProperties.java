package org.civiquiz.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the OpenAPI description ({@code /v3/api-docs}, and Swagger UI, which shows it)
 * tells anyone who asks.
 *
 * @param staffApi whether it also describes the staff API ({@code /api/admin/**} and
 * {@code /api/session/**}); off by default, so that a public deployment documents the
 * citizens' API only. An operator turns it on where the description is not public (a
 * staging copy, a developer's machine): {@code CIVIQUIZ_API_DOCS_STAFF_API=true}. Either
 * way the server checks every staff request: this hides documentation, not endpoints.
 */
@ConfigurationProperties("civiquiz.api-docs")
public record ApiDocsProperties(@DefaultValue("false") boolean staffApi) {

}
