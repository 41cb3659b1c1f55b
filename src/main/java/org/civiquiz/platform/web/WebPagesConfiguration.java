package org.civiquiz.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The web pages built from {@code frontend/}: Vite names each script and style after its
 * content, so a phone may keep them for good; the pages themselves are never cached (the
 * security headers say so), so a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfiguration implements WebFluxConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

}
