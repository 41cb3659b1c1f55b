package org.civiquiz.security.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.security.Role;
import org.civiquiz.security.ScopeTargets;
import org.civiquiz.security.SecurityProperties;
import org.civiquiz.security.password.PasswordHashing;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Staff accounts: the bootstrap accounts from configuration, and what the admin creates
 * and changes. Passwords are kept only as slow salted hashes (bcrypt), computed off the
 * event loop.
 */
@Service
public class AccountService {

	private static final Log logger = LogFactory.getLog(AccountService.class);

	static final int PASSWORD_MIN_LENGTH = 12;

	/** bcrypt reads no further than 72 bytes. */
	static final int PASSWORD_MAX_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final PasswordHashing hashing;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final ScopeTargets targets;

	AccountService(AccountRepository accounts, PasswordEncoder encoder, PasswordHashing hashing,
			TransactionalOperator transaction, Clock clock, ScopeTargets targets) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.hashing = hashing;
		this.transaction = transaction;
		this.clock = clock;
		this.targets = targets;
	}

	/**
	 * Every staff account, without password hashes.
	 * @return the accounts by role and name
	 */
	public Flux<Account> list() {
		return this.accounts.findAll().map(AccountRepository.StoredAccount::view);
	}

	/**
	 * Creates an account.
	 * @param form the name, role, initial password and scope
	 * @return the account, or {@code VALIDATION_FAILED} / {@code ACCOUNT_EXISTS}
	 */
	public Mono<Account> create(NewAccount form) {
		AccountScope scope = normalized(form.scope());
		return checkScope(scope, "scope").flatMap((scopeProblems) -> {
			List<FieldProblem> problems = new ArrayList<>(scopeProblems);
			if (scope != null && form.role() == Role.ADMIN) {
				problems.add(new FieldProblem("scope", "SCOPE_NOT_FOR_ADMIN"));
			}
			return create(form, scope, problems);
		});
	}

	private Mono<Account> create(NewAccount form, AccountScope scope, List<FieldProblem> problems) {
		String username = (form.username() != null) ? form.username().strip() : "";
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "USERNAME_INVALID"));
		}
		if (form.role() == null) {
			problems.add(new FieldProblem("role", "FIELD_REQUIRED"));
		}
		checkPassword("password", form.password(), username, problems);
		if (!problems.isEmpty()) {
			return Mono.error(CiviquizException.invalidFields(problems));
		}
		Instant now = this.clock.instant();
		return encode(form.password()).flatMap((hash) -> this.accounts.insert(username, hash, form.role(), scope, now))
			.flatMap((inserted) -> inserted ? this.accounts.find(username) : Mono.error(AccountException.exists()))
			.map(AccountRepository.StoredAccount::view)
			.doOnNext((account) -> logger.info("Account " + username + " created with role " + form.role()
					+ ((scope != null) ? ", scope " + describe(scope) : "")));
	}

	/**
	 * Changes an account's role, enabled state, password or scope. Any of these ends the
	 * account's browser sessions. The last enabled admin can be neither disabled nor
	 * demoted. An admin has no scope: promoting an account to admin lifts its scope.
	 * @param username the account
	 * @param change what to change; {@code null} fields stay as they are
	 * @return the changed account
	 */
	public Mono<Account> update(String username, AccountChange change) {
		AccountScope scope = normalized(change.scope());
		return checkScope(scope, "scope").flatMap((problems) -> update(username, change, scope, problems));
	}

	private Mono<Account> update(String username, AccountChange change, AccountScope newScope,
			List<FieldProblem> scopeProblems) {
		List<FieldProblem> problems = new ArrayList<>(scopeProblems);
		if (change.password() != null) {
			checkPassword("password", change.password(), username, problems);
		}
		if (!problems.isEmpty()) {
			return Mono.error(CiviquizException.invalidFields(problems));
		}
		Mono<String> hash = (change.password() != null) ? encode(change.password()) : Mono.just("");
		return hash.flatMap((newHash) -> this.accounts.lockEnabledAdmins()
			.flatMap((admins) -> this.accounts.findForUpdate(username)
				.switchIfEmpty(Mono.error(AccountException.notFound(username)))
				.flatMap((stored) -> {
					Role role = (change.role() != null) ? change.role() : stored.role();
					boolean enabled = (change.enabled() != null) ? change.enabled() : stored.enabled();
					boolean wasAdmin = stored.role() == Role.ADMIN && stored.enabled();
					if (wasAdmin && (role != Role.ADMIN || !enabled) && admins <= 1) {
						return Mono.error(AccountException.lastAdmin());
					}
					AccountScope scope = (change.scope() != null) ? newScope : stored.scope();
					if (role == Role.ADMIN && scope != null) {
						if (change.scope() != null) {
							return Mono.error(CiviquizException
								.invalidFields(List.of(new FieldProblem("scope", "SCOPE_NOT_FOR_ADMIN"))));
						}
						scope = null;
					}
					boolean changed = role != stored.role() || enabled != stored.enabled() || !newHash.isEmpty()
							|| !Objects.equals(scope, stored.scope());
					if (!changed) {
						return Mono.just(stored);
					}
					return this.accounts
						.update(username, newHash.isEmpty() ? stored.passwordHash() : newHash, role, enabled, scope,
								this.clock.instant())
						.then(this.accounts.find(username));
				}))
			.as(this.transaction::transactional))
			.map(AccountRepository.StoredAccount::view)
			.doOnNext((account) -> logger.info("Account " + username + " changed: role " + account.role() + ", enabled "
					+ account.enabled() + ", scope " + describe(account.scope())
					+ ((change.password() != null) ? ", new password" : "")));
	}

	/**
	 * A person changes their own password, after
	 * {@link org.civiquiz.security.session.SessionController} checked the current one.
	 * @param username the logged-in account
	 * @param newPassword the new password
	 * @return the account's new session generation: sessions of earlier ones are ended
	 */
	public Mono<Integer> changeOwnPassword(String username, String newPassword) {
		return update(username, new AccountChange(null, null, newPassword)).then(this.accounts.find(username))
			.map(AccountRepository.StoredAccount::sessionGeneration);
	}

	/**
	 * Creates each bootstrap account whose password is configured and that does not exist
	 * yet; with {@code reset}, also sets the configured password on an existing one and
	 * enables it. Fails if no admin could then log in.
	 * @param accounts the configured passwords
	 */
	Mono<Void> bootstrap(SecurityProperties.Accounts accounts) {
		record Bootstrap(String username, Role role, String password) {
		}
		List<Bootstrap> all = List.of(new Bootstrap("organizer", Role.ORGANIZER, accounts.organizerPassword()),
				new Bootstrap("committee", Role.COMMITTEE, accounts.committeePassword()),
				new Bootstrap("admin", Role.ADMIN, accounts.adminPassword()));
		Instant now = this.clock.instant();
		for (Bootstrap bootstrap : all) {
			List<FieldProblem> problems = new ArrayList<>();
			if (bootstrap.password() != null && !bootstrap.password().isEmpty()) {
				// the length rule only: bootstrap passwords come from the deployer
				checkPassword("password", bootstrap.password(), "", problems);
			}
			if (!problems.isEmpty()) {
				return Mono
					.error(new IllegalStateException("The configured password of the account '" + bootstrap.username()
							+ "' is refused (" + problems.get(0).code() + "): it needs " + PASSWORD_MIN_LENGTH
							+ " characters to " + PASSWORD_MAX_BYTES + " bytes in UTF-8, without the user name"));
			}
		}
		return Flux.fromIterable(all)
			.filter((bootstrap) -> bootstrap.password() != null && !bootstrap.password().isEmpty())
			.concatMap((bootstrap) -> encode(bootstrap.password())
				.flatMap((hash) -> this.accounts.insert(bootstrap.username(), hash, bootstrap.role(), now)
					.flatMap((inserted) -> {
						if (inserted) {
							logger.info("Bootstrap account " + bootstrap.username() + " created");
							return Mono.empty();
						}
						if (!accounts.reset()) {
							return Mono.empty();
						}
						logger.warn("Bootstrap account " + bootstrap.username()
								+ ": password reset from configuration (civiquiz.security.accounts.reset)");
						return this.accounts.update(bootstrap.username(), hash, bootstrap.role(), true, now);
					})))
			.then(this.accounts.findAll().filter((a) -> a.role() == Role.ADMIN && a.enabled()).hasElements())
			.flatMap((adminExists) -> adminExists ? Mono.empty()
					: Mono.error(new IllegalStateException("No admin account: set CIVIQUIZ_ADMIN_PASSWORD (at least "
							+ PASSWORD_MIN_LENGTH + " characters) to create the account 'admin'")));
	}

	public Mono<AccountRepository.StoredAccount> find(String username) {
		return this.accounts.find(username);
	}

	/**
	 * The scope as stored: {@code null} for every contest (no scope, or one without a
	 * list of contests), names stripped, an empty list of units for the whole contest.
	 */
	private static AccountScope normalized(AccountScope scope) {
		if (scope == null || scope.contests() == null) {
			return null;
		}
		return new AccountScope(scope.contests()
			.stream()
			.map((contest) -> (contest == null) ? new AccountScope.ContestScope(null, null)
					: new AccountScope.ContestScope(strip(contest.slug()),
							contest.units().stream().map(AccountService::strip).toList()))
			.toList());
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	/**
	 * Each contest of the scope exists, once, and each unit is one of its units, once.
	 */
	private Mono<List<FieldProblem>> checkScope(AccountScope scope, String field) {
		if (scope == null) {
			return Mono.just(List.of());
		}
		Set<String> slugs = new HashSet<>();
		return Flux.range(0, scope.contests().size()).concatMap((i) -> {
			AccountScope.ContestScope contest = scope.contests().get(i);
			String at = field + ".contests[" + i + "]";
			if (contest.slug() == null || contest.slug().isEmpty()) {
				return Flux.just(new FieldProblem(at + ".slug", "FIELD_REQUIRED"));
			}
			if (!slugs.add(contest.slug())) {
				return Flux.just(new FieldProblem(at + ".slug", "SCOPE_DUPLICATE"));
			}
			return this.targets.unitCodes(contest.slug()).map((codes) -> {
				List<FieldProblem> problems = new ArrayList<>();
				Set<String> seen = new HashSet<>();
				for (int j = 0; j < contest.units().size(); j++) {
					String code = contest.units().get(j);
					if (code == null || !codes.contains(code)) {
						problems.add(new FieldProblem(at + ".units[" + j + "]", "UNIT_UNKNOWN"));
					}
					else if (!seen.add(code)) {
						problems.add(new FieldProblem(at + ".units[" + j + "]", "SCOPE_DUPLICATE"));
					}
				}
				return problems;
			})
				.defaultIfEmpty(List.of(new FieldProblem(at + ".slug", "CONTEST_UNKNOWN")))
				.flatMapIterable((problems) -> problems);
		}).collectList();
	}

	private static String describe(AccountScope scope) {
		if (scope == null) {
			return "every contest";
		}
		return scope.contests()
			.stream()
			.map((contest) -> contest.slug() + (contest.wholeContest() ? "" : contest.units().toString()))
			.toList()
			.toString();
	}

	private Mono<String> encode(String password) {
		return this.hashing.run(() -> this.encoder.encode(password));
	}

	private static void checkPassword(String field, String password, String username, List<FieldProblem> problems) {
		if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
			problems.add(new FieldProblem(field, "PASSWORD_INVALID", PASSWORD_MIN_LENGTH, PASSWORD_MAX_BYTES));
		}
		else if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))
				&& !username.isEmpty()) {
			problems.add(new FieldProblem(field, "PASSWORD_CONTAINS_USERNAME"));
		}
	}

	/**
	 * A new account.
	 *
	 * @param username 3 to 64 characters: lower-case letters, digits, {@code . _ -}
	 * @param role its role
	 * @param password at least 12 characters, at most 72 bytes in UTF-8
	 * @param scope the contests (and units) it may see; {@code null} for every contest
	 * (not for an admin, who always sees every contest)
	 */
	public record NewAccount(String username, Role role, String password, AccountScope scope) {

		/** An account that sees every contest. */
		public NewAccount(String username, Role role, String password) {
			this(username, role, password, null);
		}

	}

	/**
	 * Changes to an account; {@code null} leaves a field as it is.
	 *
	 * @param role the new role
	 * @param enabled whether it may log in
	 * @param password a new password
	 * @param scope a new scope; one without a list of contests ({@code {}}) lifts the
	 * scope: every contest
	 */
	public record AccountChange(Role role, Boolean enabled, String password, AccountScope scope) {

		/** A change that leaves the scope as it is. */
		public AccountChange(Role role, Boolean enabled, String password) {
			this(role, enabled, password, null);
		}

	}

}
