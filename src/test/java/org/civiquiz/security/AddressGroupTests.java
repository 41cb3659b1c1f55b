package org.civiquiz.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressGroupTests {

	@Test
	void anIpv6AddressCountsByItsSlash64() {
		assertThat(RateLimiter.addressGroup("2001:db8:1:2:aaaa::1"))
			.isEqualTo(RateLimiter.addressGroup("2001:db8:1:2:ffff:ffff:ffff:ffff"))
			.isEqualTo("20010db800010002::/64");
		assertThat(RateLimiter.addressGroup("2001:db8:1:3::1"))
			.isNotEqualTo(RateLimiter.addressGroup("2001:db8:1:2::1"));
	}

	@Test
	void ipv4AndAnythingElseCountAsWritten() {
		assertThat(RateLimiter.addressGroup("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(RateLimiter.addressGroup("::ffff:203.0.113.7")).isEqualTo("::ffff:203.0.113.7");
		assertThat(RateLimiter.addressGroup("not:an address")).isEqualTo("not:an address");
	}

}
