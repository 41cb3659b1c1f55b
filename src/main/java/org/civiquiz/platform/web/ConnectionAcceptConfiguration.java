package org.civiquiz.platform.web;

import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannelRecvByteBufAllocator;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How fast the HTTP server takes new connections from the kernel. Netty accepts at most
 * 16 connections each time its event loop turns to the listening socket; the rest wait
 * for its next turn. On a busy replica a turn comes every 50–100 ms, so it took at most
 * 160–320 new connections a second, whatever else it could do: in a burst of arrivals the
 * kernel's accept queue filled (4,096), new connections were dropped, and a citizen's
 * first page timed out after 10 s before the waiting room could see them
 * (docs/performance.md, 2026-12-06, fourth session). Taken at once, their requests are
 * counted among the requests in flight, which the room answers by admitting nobody until
 * the replica catches up.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionAcceptConfiguration {

	/** New connections taken each time the event loop turns to the listening socket. */
	static final int ACCEPTS_PER_TURN = 1024;

	@Bean
	NettyServerCustomizer acceptManyPerTurn() {
		return (server) -> server.option(ChannelOption.RCVBUF_ALLOCATOR,
				new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(ACCEPTS_PER_TURN));
	}

}
