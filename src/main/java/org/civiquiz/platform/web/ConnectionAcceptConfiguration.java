package org.civiquiz.platform.web;

import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannelRecvByteBufAllocator;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How fast the HTTP server takes new connections from the kernel. Netty takes at most 16
 * each time its event loop turns to the listening socket, and on a saturated replica the
 * turns come slowly: in a burst of 279 arrivals a second the kernel's accept queue
 * (4,096) overflowed, and citizens' first pages timed out before the waiting room could
 * see them. Taking up to 1,024 a turn cut the time-outs by 30–54 % in two pairs of runs,
 * and halved the overflows where they were counted (docs/performance.md, 2026-12-06,
 * fourth session). Once taken, their requests count among the requests in flight, and at
 * too many of those the room admits nobody until the replica catches up.
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
