package org.civiquiz.participant.verification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civiquiz.participant.PhoneNumbers;
import reactor.core.publisher.Mono;

/**
 * Writes codes to the application log instead of sending them: for the embedded default
 * (whoever runs it reads the log) and the tests. It keeps the latest code of each of the
 * last {@value #KEPT} phones, for the tests to read: the log holds them anyway.
 */
public class LogPhoneCodeSender implements PhoneCodeSender {

	private static final Log logger = LogFactory.getLog(LogPhoneCodeSender.class);

	private static final int KEPT = 1000;

	private final Map<String, String> latest = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > KEPT;
		}

	});

	@Override
	public Mono<Void> send(Message message) {
		return Mono.fromRunnable(() -> {
			this.latest.put(message.phone(), message.code());
			logger.info("Phone code for " + Phones.masked(message.phone()) + " in contest " + message.contest() + ": "
					+ message.code() + " (valid " + message.minutes() + " min; not sent: "
					+ "civiquiz.phone-verification.sender is log)");
		});
	}

	/**
	 * The latest code written for a phone.
	 * @param phone the phone, in any usual notation
	 * @return its latest code, if any of the last ones
	 */
	public Optional<String> lastCode(String phone) {
		return PhoneNumbers.normalize(phone).map(this.latest::get);
	}

}
