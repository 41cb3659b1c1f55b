package org.civiquiz.security.session;

import java.util.UUID;

import org.civiquiz.security.account.AccountRepository;
import org.civiquiz.security.account.AccountService;
import reactor.core.publisher.Mono;

import org.springframework.security.core.SpringSecurityMessageSource;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts as Spring Security reads them, for HTTP Basic and for the login. An
 * unknown name or a disabled account gets a stand-in account whose password never
 * matches, so that it costs the same hashing time as a wrong password and names cannot be
 * probed.
 */
public class StaffUserDetails implements ReactiveUserDetailsService {

	private final AccountService accounts;

	private final String unmatchableHash;

	public StaffUserDetails(AccountService accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.unmatchableHash = encoder.encode(UUID.randomUUID().toString());
		// Spring Security reads its messages' bundle on first use: now, not on a request
		// thread at the first wrong password
		SpringSecurityMessageSource.getAccessor()
			.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials");
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		// a disabled account is the stand-in too: refused after the same hashing, not
		// faster
		return this.accounts.find(username)
			.filter(AccountRepository.StoredAccount::enabled)
			.map((account) -> User.withUsername(account.username())
				.password(account.passwordHash())
				.roles(account.role().name())
				.build())
			.switchIfEmpty(Mono.fromSupplier(() -> User.withUsername(username.isBlank() ? "-" : username)
				.password(this.unmatchableHash)
				.roles()
				.build()));
	}

}
