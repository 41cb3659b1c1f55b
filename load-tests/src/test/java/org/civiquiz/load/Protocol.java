package org.civiquiz.load;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The HTTP protocol every simulation runs with: the app's address and the headers a
 * Vietnamese browser sends to the API.
 */
final class Protocol {

	private Protocol() {
	}

	static HttpProtocolBuilder httpProtocol() {
		return http.baseUrl(LoadParameters.BASE_URL)
			.acceptHeader("application/json")
			.acceptLanguageHeader("vi")
			.acceptEncodingHeader("gzip")
			.userAgentHeader("civiquiz-load-tests (Gatling)");
	}

}
