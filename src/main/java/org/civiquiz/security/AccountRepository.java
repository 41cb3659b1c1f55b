package org.civiquiz.security;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "username, password_hash, role, enabled, created_at, updated_at, session_generation";

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

	/**
	 * Reads an account and locks its row until the transaction ends, so that two
	 * concurrent changes apply one after the other.
	 */
	Mono<StoredAccount> findForUpdate(String username) {
		return this.database.sql("select " + COLUMNS + " from account where username = :username for update")
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
				insert into account (username, password_hash, role, created_at, updated_at)
				values (:username, :hash, :role, :now, :now)
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
	 * Writes an account's password, role and enabled state, and ends its browser sessions
	 * (a new session generation).
	 */
	Mono<Void> update(String username, String passwordHash, Role role, boolean enabled, Instant now) {
		return this.database.sql("""
				update account set password_hash = :hash, role = :role, enabled = :enabled, updated_at = :now,
				                   session_generation = session_generation + 1
				where username = :username
				""")
			.bind("username", username)
			.bind("hash", passwordHash)
			.bind("role", role.name())
			.bind("enabled", enabled)
			.bind("now", now)
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
				row.get("session_generation", Integer.class));
	}

	/**
	 * An account row, password hash included: never leaves this package.
	 */
	record StoredAccount(String username, String passwordHash, Role role, boolean enabled, Instant createdAt,
			Instant updatedAt, int sessionGeneration) {

		Account view() {
			return new Account(this.username, this.role, this.enabled, this.createdAt, this.updatedAt);
		}

	}

}
