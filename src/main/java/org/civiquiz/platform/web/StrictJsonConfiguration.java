package org.civiquiz.platform.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Request bodies are read strictly: a body that is not exactly what the endpoint takes is
 * refused with {@code 400 MALFORMED_REQUEST} naming the field, rather than read as
 * something the client did not mean. Refused: unknown fields, a field given twice,
 * anything after the JSON value, {@code null} for a number that cannot be absent, and
 * every conversion between kinds of values ({@code "12"} or {@code 12.5} for a whole
 * number, {@code 1} or {@code "true"} for a boolean, {@code 123} for text, {@code ""} for
 * a number, a number for an enum).
 * <p>
 * Only the server's reading of requests is strict. The application's {@link JsonMapper}
 * also reads documents the server stored itself (prize plans, frozen winners lists);
 * those stay readable after a field is added or removed.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebFluxConfigurer {

	private final JsonMapper strict;

	private final int maxInMemory;

	StrictJsonConfiguration(JsonMapper json, RequestLimitsProperties limits) {
		this.strict = strict(json);
		// the codecs may buffer the largest body the body limit lets through; the limit
		// itself is RequestBodyLimitFilter's
		this.maxInMemory = (int) Math.min(Integer.MAX_VALUE,
				Math.max(limits.maxBody().toBytes(), limits.maxLargeBody().toBytes()));
	}

	static JsonMapper strict(JsonMapper json) {
		return json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			// numbers and booleans are not text
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(this.strict));
		configurer.defaultCodecs().maxInMemorySize(this.maxInMemory);
	}

}
