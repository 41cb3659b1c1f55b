package org.civiquiz.security.password;

import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.civiquiz.platform.CiviquizException;
import org.civiquiz.security.SecurityProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Where passwords are hashed and checked. bcrypt costs tens of milliseconds of a core (60
 * on this project's machine), on purpose; on Reactor's shared {@code boundedElastic} pool
 * (ten threads per core) a burst of logins could take every core from the citizens'
 * requests. Here at most {@code threads} hashes run at once (half the cores by default)
 * and at most {@code max-waiting} per thread wait for them; a login beyond that is
 * refused at once with 503 {@code LOGIN_BUSY} and {@code Retry-After}, without counting
 * as a failed try.
 */
public final class PasswordHashing implements DisposableBean {

	private final Scheduler scheduler;

	private final Counter refused;

	public PasswordHashing(SecurityProperties.PasswordHashing properties, MeterRegistry meters) {
		int threads = (properties.threads() > 0) ? properties.threads()
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		this.scheduler = Schedulers.newBoundedElastic(threads, properties.maxWaiting(), "password-hashing", 60, true);
		this.refused = Counter.builder("civiquiz.security.password.busy")
			.description("Password checks refused because every hashing thread was busy and the queue full")
			.register(meters);
	}

	/** Where Spring Security checks passwords. */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Runs a hashing on the bounded threads.
	 * @param <T> the result
	 * @param hashing the work
	 * @return the result, or {@link Busy} when the threads and their queue are full
	 */
	public <T> Mono<T> run(Callable<T> hashing) {
		return Mono.fromCallable(hashing).subscribeOn(this.scheduler).onErrorMap(PasswordHashing::refused, this::busy);
	}

	/**
	 * @param failure what went wrong
	 * @return whether the work was refused for want of a free thread
	 */
	public static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedExecutionException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param failure the refusal
	 * @return the 503 the client gets
	 */
	public Busy busy(Throwable failure) {
		this.refused.increment();
		return new Busy();
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

	/**
	 * Too many logins at once: 503 with {@code Retry-After}.
	 */
	public static final class Busy extends CiviquizException {

		static final int RETRY_AFTER_SECONDS = 2;

		private Busy() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "LOGIN_BUSY", RETRY_AFTER_SECONDS);
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
			return headers;
		}

	}

}
