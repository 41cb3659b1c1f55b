package org.civiquiz.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description without the staff API unless
 * {@link ApiDocsProperties#staffApi()} asks for it: its paths go, and so do the schemas
 * and tags only they used (the contest form, accounts, winners lists).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	private static final Pattern SCHEMA_REFERENCE = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

	@Bean
	OpenApiCustomizer staffApiDocs(ApiDocsProperties properties) {
		return (openApi) -> {
			if (!properties.staffApi()) {
				withoutStaffApi(openApi);
			}
		};
	}

	static void withoutStaffApi(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().keySet().removeIf(ApiDocsConfiguration::isStaffPath);
		withoutUnusedSchemas(openApi);
		if (openApi.getTags() != null) {
			Set<String> used = new HashSet<>();
			openApi.getPaths()
				.values()
				.forEach((item) -> item.readOperations()
					.stream()
					.map((operation) -> operation.getTags())
					.filter(Objects::nonNull)
					.forEach(used::addAll));
			openApi.getTags().removeIf((tag) -> !used.contains(tag.getName()));
		}
	}

	static boolean isStaffPath(String path) {
		return path.startsWith("/api/admin/") || path.equals("/api/session") || path.startsWith("/api/session/");
	}

	/**
	 * Keeps the schemas the remaining paths refer to, directly or through other schemas
	 * (springdoc prunes unreferenced ones before customizers run, not after).
	 */
	private static void withoutUnusedSchemas(OpenAPI openApi) {
		Components components = openApi.getComponents();
		if (components == null || components.getSchemas() == null) {
			return;
		}
		Map<String, Schema> schemas = components.getSchemas();
		List<Object> roots = new ArrayList<>();
		roots.add(openApi.getPaths());
		roots.add(Objects.requireNonNullElse(components.getResponses(), Map.of()));
		roots.add(Objects.requireNonNullElse(components.getParameters(), Map.of()));
		roots.add(Objects.requireNonNullElse(components.getRequestBodies(), Map.of()));
		Deque<String> pending = new ArrayDeque<>(references(roots));
		Set<String> used = new HashSet<>();
		while (!pending.isEmpty()) {
			String name = pending.pop();
			if (used.add(name) && schemas.containsKey(name)) {
				pending.addAll(references(schemas.get(name)));
			}
		}
		schemas.keySet().retainAll(used);
	}

	private static List<String> references(Object part) {
		String json;
		try {
			json = Json.mapper().writeValueAsString(part);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("OpenAPI description not serializable", ex);
		}
		List<String> names = new ArrayList<>();
		Matcher matcher = SCHEMA_REFERENCE.matcher(json);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
