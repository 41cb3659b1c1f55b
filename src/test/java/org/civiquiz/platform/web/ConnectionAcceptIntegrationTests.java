package org.civiquiz.platform.web;

import org.civiquiz.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running app's HTTP server is made with the listening socket's limit of
 * {@link ConnectionAcceptConfigurationTests}.
 */
@IntegrationTest
class ConnectionAcceptIntegrationTests {

	@Autowired
	private NettyReactiveWebServerFactory server;

	@Autowired
	private NettyServerCustomizer acceptManyPerTurn;

	@Test
	void theServerIsMadeWithTheAcceptLimit() {
		assertThat(this.server.getServerCustomizers()).contains(this.acceptManyPerTurn);
	}

}
