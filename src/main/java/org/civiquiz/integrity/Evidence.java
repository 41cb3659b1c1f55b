package org.civiquiz.integrity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why an attempt is flagged, in figures the committee can check and quote.
 */
public sealed interface Evidence {

	/**
	 * {@link FlagKind#TOO_FAST}.
	 *
	 * @param durationMs the attempt's duration
	 * @param thresholdMs the least plausible duration for its questions
	 * @param questions its number of questions
	 * @param score its score
	 * @param minScore the least score the signal looks at
	 */
	record TooFast(int durationMs, long thresholdMs, int questions, int score, int minScore) implements Evidence {
	}

	/**
	 * {@link FlagKind#IDENTICAL_ANSWERS}.
	 *
	 * @param sequence the positions chosen, one letter per question in the order shown (A
	 * for the first option shown), {@code -} for a question left unanswered
	 * @param participants how many different participants submitted it
	 * @param attempts how many submitted attempts have it
	 * @param otherAttemptIds the other attempts with it, the earliest submitted first, at
	 * most {@value IntegrityService#MAX_LISTED}
	 */
	record IdenticalAnswers(String sequence, int participants, int attempts,
			List<UUID> otherAttemptIds) implements Evidence {
	}

	/**
	 * {@link FlagKind#SHARED_NETWORK} and {@link FlagKind#SHARED_DEVICE}: a burst of
	 * starts from one origin, each within a window holding at least the threshold of
	 * participants; overlapping windows make one burst.
	 *
	 * @param label the first 8 hex digits of the origin's keyed hash: tells origins
	 * apart, and reveals nothing of the IP or device id
	 * @param participants different participants who started in the burst
	 * @param attempts attempts started in the burst
	 * @param from the first start
	 * @param to the last start
	 * @param threshold the least number of participants within one window
	 * @param windowSeconds the window
	 */
	record SharedOrigin(String label, int participants, int attempts, Instant from, Instant to, int threshold,
			long windowSeconds) implements Evidence {
	}

	/**
	 * {@link FlagKind#PHONE_MANY_NAMES}.
	 *
	 * @param names each different name the phone was used with, in order of first use, as
	 * first typed, with the number of attempts started with it (any round)
	 * @param threshold the least number of different names the signal looks at
	 * @param enteredName the name this attempt was started with
	 */
	record PhoneManyNames(List<NameUse> names, int threshold, String enteredName) implements Evidence {

		PhoneManyNames withEnteredName(String name) {
			return new PhoneManyNames(this.names, this.threshold, name);
		}

	}

	/**
	 * {@link FlagKind#PHONE_DETAILS_CHANGED}: the attempt counts under the registration,
	 * and was started with the entry.
	 *
	 * @param registered the phone's first registration, whose details every attempt of
	 * the phone counts under (its name on boards and winners lists)
	 * @param registeredAt when that registration was made
	 * @param entered what this attempt's start entered
	 * @param phoneVerified whether this start proved the phone with a one-time code (the
	 * phone's owner entered it, then)
	 */
	record PhoneDetailsChanged(Entry registered, Instant registeredAt, Entry entered,
			boolean phoneVerified) implements Evidence {
	}

	/**
	 * Details entered with a phone. For a start made before units and districts were
	 * recorded with it, those are {@code null}.
	 *
	 * @param fullName the full name
	 * @param unitCode the unit's code
	 * @param district the district
	 */
	record Entry(String fullName, String unitCode, String district) {
	}

	/**
	 * A name used with a phone.
	 *
	 * @param name the name as first typed
	 * @param attempts attempts started with it (or with a spelling that differs only in
	 * case, diacritics or punctuation)
	 */
	record NameUse(String name, int attempts) {
	}

}
