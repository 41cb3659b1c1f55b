package org.civiquiz.participant.verification;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Gets a one-time code to a phone: an SMS or Zalo gateway, or the log. Chosen by
 * {@code civiquiz.phone-verification.sender}.
 */
public interface PhoneCodeSender {

	/**
	 * Sends a code.
	 * @param message the phone, the code and how long it may be entered
	 * @return completion once the gateway accepted it; an error if it did not
	 */
	Mono<Void> send(Message message);

	/**
	 * A code to send.
	 *
	 * @param phone the phone, E.164 ({@code +84912345678})
	 * @param code the code, 6 digits
	 * @param validity how long it may be entered
	 * @param contest the contest's slug
	 */
	record Message(String phone, String code, Duration validity, String contest) {

		/** The validity in whole minutes, as a message says it. */
		long minutes() {
			return Math.max(1, (this.validity.toSeconds() + 59) / 60);
		}

		@Override
		public String toString() {
			return "Message[phone=" + Phones.masked(this.phone) + ", contest=" + this.contest + "]";
		}

	}

}
