package org.civiquiz.platform.web;

import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionAcceptConfigurationTests {

	@Test
	void theListeningSocketTakesManyNewConnectionsPerTurn() {
		HttpServer plain = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> response.send());
		DisposableServer netty = plain.bindNow();
		DisposableServer customized = new ConnectionAcceptConfiguration().acceptManyPerTurn().apply(plain).bindNow();
		try {
			// Netty's own is 16 a turn
			assertThat(acceptsPerTurn(netty)).isEqualTo(16);
			assertThat(acceptsPerTurn(customized)).isEqualTo(ConnectionAcceptConfiguration.ACCEPTS_PER_TURN);
		}
		finally {
			netty.disposeNow();
			customized.disposeNow();
		}
	}

	private static int acceptsPerTurn(DisposableServer server) {
		RecvByteBufAllocator allocator = server.channel().config().getRecvByteBufAllocator();
		return ((MaxMessagesRecvByteBufAllocator) allocator).maxMessagesPerRead();
	}

}
