package org.civiquiz.security.account;

import java.time.Instant;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.civiquiz.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

	private static final String COLUMNS = "username, password_hash, role, enabled, created_at, updated_at, session_generation, scope";

	private final DatabaseClient database;

	private final JsonMapper json;

	AccountRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	public Mono<StoredAccount> find(String username) {
		return this.database.sql("select " + COLUMNS + " from account where username = :username")
			.bind("username", username)
			.map(this::stored)
			.one();
	}

	/**
	 * Reads an account and locks its row until the transaction ends, so that two
	 * concurrent changes apply one after the other.
	 */
	Mono<StoredAccount> findForUpdate(String username) {
		return this.database.sql("select " + COLUMNS + " from account where username = :username for update")
			.bind("username", username)
			.map(this::stored)
			.one();
	}

	Flux<StoredAccount> findAll() {
		return this.database.sql("select " + COLUMNS + " from account order by role, username").map(this::stored).all();
	}

	/**
	 * Inserts an account unless one of that name exists.
	 * @return whether it was inserted
	 */
	Mono<Boolean> insert(String username, String passwordHash, Role role, Instant now) {
		return insert(username, passwordHash, role, null, now);
	}

	/**
	 * Inserts an account with its scope ({@code null}: every contest) unless one of that
	 * name exists.
	 * @return whether it was inserted
	 */
	Mono<Boolean> insert(String username, String passwordHash, Role role, AccountScope scope, Instant now) {
		return bindScope(this.database.sql("""
				insert into account (username, password_hash, role, scope, created_at, updated_at)
				values (:username, :hash, :role, :scope, :now, :now)
				on conflict (username) do nothing
				"""), scope).bind("username", username)
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
	 * Writes an account's password, role, enabled state and scope, and ends its browser
	 * sessions (a new session generation): a stream of figures opened under the old scope
	 * ends with them.
	 */
	Mono<Void> update(String username, String passwordHash, Role role, boolean enabled, AccountScope scope,
			Instant now) {
		return bindScope(this.database.sql("""
				update account set password_hash = :hash, role = :role, enabled = :enabled, scope = :scope,
				                   updated_at = :now, session_generation = session_generation + 1
				where username = :username
				"""), scope).bind("username", username)
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

	/**
	 * Puts a contest in a scoped account's scope, as the whole contest, unless it is
	 * there already; an account without a scope sees every contest anyway. The session
	 * generation stays: the account sees more, not less.
	 */
	public Mono<Long> addContest(String username, String slug) {
		return this.database
			.sql("""
					update account set scope = jsonb_set(scope, '{contests}',
					                   (scope -> 'contests') || jsonb_build_array(jsonb_build_object('slug', cast(:slug as text))))
					where username = :username and scope is not null
					  and not exists (select 1 from jsonb_array_elements(scope -> 'contests') c where c ->> 'slug' = :slug)
					""")
			.bind("username", username)
			.bind("slug", slug)
			.fetch()
			.rowsUpdated();
	}

	private DatabaseClient.GenericExecuteSpec bindScope(DatabaseClient.GenericExecuteSpec spec, AccountScope scope) {
		return (scope != null) ? spec.bind("scope", Json.of(this.json.writeValueAsString(scope)))
				: spec.bindNull("scope", Json.class);
	}

	private StoredAccount stored(Readable row) {
		Json scope = row.get("scope", Json.class);
		return new StoredAccount(row.get("username", String.class), row.get("password_hash", String.class),
				Role.valueOf(row.get("role", String.class)), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("session_generation", Integer.class),
				(scope != null) ? this.json.readValue(scope.asString(), AccountScope.class) : null);
	}

	/**
	 * An account row, password hash included: never leaves the security feature.
	 */
	public record StoredAccount(String username, String passwordHash, Role role, boolean enabled, Instant createdAt,
			Instant updatedAt, int sessionGeneration, AccountScope scope) {

		Account view() {
			return new Account(this.username, this.role, this.enabled, this.createdAt, this.updatedAt, this.scope);
		}

	}

}
