package org.civiquiz.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springdoc.core.properties.SpringDocConfigProperties;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description without the staff API unless
 * {@link ApiDocsProperties#staffApi()} asks for it: springdoc leaves its paths out (and
 * so never meets the schemas only they use: the contest form, accounts, winners lists).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final List<String> STAFF_PATHS = List.of("/api/admin/**", "/api/session", "/api/session/**");

	ApiDocsConfiguration(ApiDocsProperties properties, SpringDocConfigProperties springdoc) {
		if (!properties.staffApi()) {
			List<String> excluded = new ArrayList<>();
			if (springdoc.getPathsToExclude() != null) {
				excluded.addAll(springdoc.getPathsToExclude());
			}
			excluded.addAll(STAFF_PATHS);
			springdoc.setPathsToExclude(excluded);
		}
	}

}
