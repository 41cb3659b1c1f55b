package org.civiquiz.participant.verification;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.contest.ContestException;
import org.civiquiz.contest.ContestService;
import org.civiquiz.contest.ContestSettings;
import org.civiquiz.contest.ContestStatus;
import org.civiquiz.participant.PhoneNumbers;
import org.civiquiz.participant.verification.PhoneTokens.PhoneVerified;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.platform.CiviquizException.FieldProblem;
import org.civiquiz.platform.StoreUnavailable;
import org.civiquiz.security.RateLimiter;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Verifies phones by one-time code, for the contests that ask for it: sends a six-digit
 * code (kept hashed for {@code code-validity}; asking again replaces it), then trades the
 * right code, within {@code max-tries}, for a proof the start carries. Codes cost a
 * message each: they are limited per phone and per address, and only for a contest open
 * for starts.
 */
@Service
class PhoneVerificationService {

	private static final Log logger = LogFactory.getLog(PhoneVerificationService.class);

	private static final Pattern CODE = Pattern.compile("\\d{6}");

	private final ContestService contests;

	private final PhoneCodes codes;

	private final PhoneTokens tokens;

	private final PhoneCodeSender sender;

	private final RateLimiter limiter;

	private final PhoneVerificationProperties properties;

	private final Clock clock;

	/**
	 * Seeded once at start-up, so that drawing codes never waits for the OS's entropy.
	 */
	private final SecureRandom random;

	PhoneVerificationService(ContestService contests, PhoneCodes codes, PhoneTokens tokens, PhoneCodeSender sender,
			RateLimiter limiter, PhoneVerificationProperties properties, Clock clock) throws NoSuchAlgorithmException {
		this.contests = contests;
		this.codes = codes;
		this.tokens = tokens;
		this.sender = sender;
		this.limiter = limiter;
		this.properties = properties;
		this.clock = clock;
		this.random = SecureRandom.getInstance("DRBG");
		this.random.nextBytes(new byte[16]);
	}

	/**
	 * Sends a new code to a phone.
	 * @param slug the contest
	 * @param input the phone as typed
	 * @param address the client's address, for its limit
	 * @return when the code expires and how many tries it allows; or
	 * {@code VALIDATION_FAILED}, {@code CONTEST_NOT_FOUND}, {@code CONTEST_NOT_OPEN},
	 * {@code NO_OPEN_ROUND}, {@code PHONE_VERIFICATION_OFF}, {@code RATE_LIMITED},
	 * {@code PHONE_CODE_NOT_SENT}
	 */
	Mono<CodeSent> send(String slug, String input, String address) {
		List<FieldProblem> problems = new ArrayList<>();
		String phone = phone(input, problems);
		if (!problems.isEmpty()) {
			return Mono.error(CiviquizException.invalidFields(problems));
		}
		Instant now = this.clock.instant();
		return verifying(slug).flatMap((contest) -> {
			contest.requireOpenRound(now);
			RateLimiter.Charge perAddress = new RateLimiter.Charge(RateLimiter.Limit.PHONE_CODE_PER_IP, address);
			RateLimiter.Charge perPhone = new RateLimiter.Charge(RateLimiter.Limit.PHONE_CODE_PER_PHONE, phone);
			// both limits at once: one round trip
			return this.limiter.check(perAddress, perPhone)
				.then(Mono.defer(() -> deliver(contest, phone, now)))
				// a code the gateway or Redis failed to deliver costs the address
				// nothing; the phone's own limit is given back only when no message can
				// have gone out (a gateway that timed out may have sent it: the phone
				// must not be flooded)
				.onErrorResume((ex) -> StoreUnavailable.causedBy(ex) || ex instanceof PhoneVerificationException,
						(ex) -> (mayHaveBeenSent(ex) ? this.limiter.refund(perAddress)
								: this.limiter.refund(perAddress, perPhone))
							.then(Mono.error(ex)));
		});
	}

	/**
	 * Stores the code before it is sent, so that Redis being away costs no message; a
	 * code the gateway did not take is dropped again.
	 */
	private Mono<CodeSent> deliver(ContestSettings contest, String phone, Instant now) {
		String code = "%06d".formatted(this.random.nextInt(1_000_000));
		PhoneCodeSender.Message message = new PhoneCodeSender.Message(phone, code, this.properties.codeValidity(),
				contest.slug());
		return this.codes.store(contest, phone, code, this.properties.codeValidity())
			.then(Mono.defer(() -> this.sender.send(message)).onErrorResume((ex) -> {
				// the exception's class only: a gateway's error may quote its URL and key
				logger.warn("Phone code not sent for " + Phones.masked(phone) + " in " + contest.slug() + ": "
						+ ex.getClass().getSimpleName());
				if (timedOut(ex)) {
					// the message may have gone out: its code stays valid
					return Mono.error(PhoneVerificationException.notConfirmed());
				}
				return this.codes.forget(contest, phone)
					.onErrorResume((forgotten) -> Mono.empty())
					.then(Mono.error(PhoneVerificationException.notSent()));
			}))
			.thenReturn(new CodeSent(now.plus(this.properties.codeValidity()), this.properties.maxTries()));
	}

	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

	private static boolean mayHaveBeenSent(Throwable ex) {
		return ex instanceof PhoneVerificationException refusal && refusal.mayHaveBeenSent();
	}

	/**
	 * One try at a phone's code.
	 * @param slug the contest
	 * @param input the phone as typed
	 * @param code the code as typed
	 * @return the proof that the phone is verified; or {@code VALIDATION_FAILED} (a code
	 * that is not six digits uses no try), {@code CONTEST_NOT_FOUND},
	 * {@code PHONE_VERIFICATION_OFF}, {@code PHONE_CODE_WRONG} with the tries left,
	 * {@code PHONE_CODE_TRIES_EXCEEDED}, {@code PHONE_CODE_EXPIRED}
	 */
	Mono<PhoneVerified> verify(String slug, String input, String code) {
		List<FieldProblem> problems = new ArrayList<>();
		String phone = phone(input, problems);
		String digits = (code != null) ? code.strip() : "";
		if (digits.isEmpty()) {
			problems.add(new FieldProblem("code", "FIELD_REQUIRED"));
		}
		else if (!CODE.matcher(digits).matches()) {
			problems.add(new FieldProblem("code", "PHONE_CODE_INVALID"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(CiviquizException.invalidFields(problems));
		}
		return verifying(slug)
			.flatMap((contest) -> this.codes.attempt(contest, phone, digits, this.properties.maxTries())
				.flatMap((attempt) -> switch (attempt.outcome()) {
					case MATCHED -> Mono.just(this.tokens.issue(contest.id(), phone, this.clock.instant()));
					case WRONG -> Mono.error(PhoneVerificationException.wrong(attempt.triesLeft()));
					case USED_UP -> Mono.error(PhoneVerificationException.triesExceeded());
					case NONE -> Mono.error(PhoneVerificationException.expired());
				}));
	}

	/**
	 * The contest, if it verifies phones; a draft is not found, as everywhere in the
	 * public API.
	 */
	private Mono<ContestSettings> verifying(String slug) {
		return this.contests.settings(slug).flatMap((contest) -> {
			if (contest.status() == ContestStatus.DRAFT) {
				return Mono.error(ContestException.notFound(slug));
			}
			return contest.verifiesPhones() ? Mono.just(contest) : Mono.error(PhoneVerificationException.off(slug));
		});
	}

	/** The phone normalized, or {@code null} and a field problem. */
	private static String phone(String input, List<FieldProblem> problems) {
		Optional<String> phone = PhoneNumbers.normalize(input);
		if (phone.isEmpty()) {
			problems.add(
					new FieldProblem("phone", (input == null || input.isBlank()) ? "FIELD_REQUIRED" : "PHONE_INVALID"));
		}
		return phone.orElse(null);
	}

	/**
	 * A code sent.
	 *
	 * @param expiresAt until when it may be entered
	 * @param maxTries how many tries it allows
	 */
	record CodeSent(Instant expiresAt, int maxTries) {
	}

}
