package org.civiquiz.security.account;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's management of staff accounts (admin role only, see
 * {@link org.civiquiz.security.SecurityConfiguration}).
 */
@RestController
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/admin/accounts")
	Flux<Account> list() {
		return this.accounts.list();
	}

	@PostMapping("/api/admin/accounts")
	Mono<ResponseEntity<Account>> create(@RequestBody AccountService.NewAccount account) {
		return this.accounts.create(account)
			.map((created) -> ResponseEntity.created(URI.create("/api/admin/accounts/" + created.username()))
				.body(created));
	}

	@PutMapping("/api/admin/accounts/{username}")
	Mono<Account> update(@PathVariable String username, @RequestBody AccountService.AccountChange change) {
		return this.accounts.update(username, change);
	}

}
