package org.civiquiz.security;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "username, password_hash, role, enabled, created_at, updated_at, sessions_valid_from";

	private final DatabaseClient database;

	AccountRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<StoredAccount> find(String username) {
		return this.database.sql("select " + COLUMNS + " from account where username = :username")
			.bind("username", username)
			.map(AccountRepository::stored)
			.one();
	}

	Flux<StoredAccount> findAll() {
		return this.database.sql("select " + COLUMNS + " from account order by role, username")
			.map(AccountRepository::stored)
			.all();
	}

	/**
	 * Inserts an account unless one of that name exists.
	 * @return whether it was inserted
	 */
	Mono<Boolean> insert(String username, String passwordHash, Role role, Instant now) {
		return this.database.sql("""
				insert into account (username, password_hash, role, created_at, updated_at, sessions_valid_from)
				values (:username, :hash, :role, :now, :now, :now)
				on conflict (username) do nothing
				""")
			.bind("username", username)
			.bind("hash", passwordHash)
			.bind("role", role.name())
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * Writes an account's changed fields; ends its browser sessions when its password,
	 * role or enabled state changed.
	 */
	Mono<Void> update(StoredAccount account, Instant now) {
		return this.database.sql("""
				update account set password_hash = :hash, role = :role, enabled = :enabled, updated_at = :now,
				                   sessions_valid_from = :validFrom
				where username = :username
				""")
			.bind("username", account.username())
			.bind("hash", account.passwordHash())
			.bind("role", account.role().name())
			.bind("enabled", account.enabled())
			.bind("now", now)
			.bind("validFrom", account.sessionsValidFrom())
			.then();
	}

	/**
	 * Locks the enabled admin accounts, so that two concurrent changes cannot both remove
	 * the last one.
	 */
	Mono<Long> lockEnabledAdmins() {
		return this.database.sql("select username from account where role = 'ADMIN' and enabled for update")
			.map((row) -> row.get(0, String.class))
			.all()
			.count();
	}

	private static StoredAccount stored(Readable row) {
		return new StoredAccount(row.get("username", String.class), row.get("password_hash", String.class),
				Role.valueOf(row.get("role", String.class)), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("sessions_valid_from", Instant.class));
	}

	/**
	 * An account row, password hash included: never leaves this package.
	 */
	record StoredAccount(String username, String passwordHash, Role role, boolean enabled, Instant createdAt,
			Instant updatedAt, Instant sessionsValidFrom) {

		Account view() {
			return new Account(this.username, this.role, this.enabled, this.createdAt, this.updatedAt);
		}

	}

}
