package org.civiquiz.security.account;

import org.civiquiz.security.SecurityProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap accounts at start-up, before anything else runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountBootstrap implements ApplicationRunner {

	private final AccountService accounts;

	private final SecurityProperties properties;

	AccountBootstrap(AccountService accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.accounts.bootstrap(this.properties.accounts()).block();
	}

}
