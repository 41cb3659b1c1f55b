package org.civiquiz.contest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Consent texts, each distinct text stored once under its SHA-256, which is its version:
 * contests name their current text, participants the text they agreed to, so that an
 * organizer's later edit never changes what an earlier person agreed to.
 */
@Repository
public class ConsentTexts {

	public static final int MAX_LENGTH = 10_000;

	private final DatabaseClient database;

	private final String defaultText;

	ConsentTexts(DatabaseClient database, MessageSource messages,
			@Value("${civiquiz.retention.days}") int retentionDays) {
		this.database = database;
		// in the messages bundle, in Vietnamese: the data used, what for, who sees them,
		// and how long they are kept (the retention feature's setting, read here by name
		// because retention depends on contests, not the other way round)
		this.defaultText = normalize(
				messages.getMessage("consent.default", new Object[] { retentionDays }, Locale.forLanguageTag("vi")));
	}

	/**
	 * @return the consent text a contest gets when its organizers set none
	 */
	public String defaultText() {
		return this.defaultText;
	}

	/**
	 * The text given, or the default one when it is blank; stored once per version.
	 * @param text the text, or {@code null}
	 * @return the stored text
	 */
	public Mono<ConsentText> storeOrDefault(String text) {
		String body = (text != null) ? normalize(text) : "";
		return store(body.isEmpty() ? this.defaultText : body);
	}

	/**
	 * The stored text with this body, stored now if it is new.
	 * @param body the text, normalized ({@link #normalize})
	 * @return the stored text
	 */
	private Mono<ConsentText> store(String body) {
		return this.database.sql("""
				insert into consent_text (sha256, body) values (:sha256, :body)
				-- a no-op update, so that an existing text returns its id too
				on conflict (sha256) do update set sha256 = excluded.sha256
				returning id, sha256, body
				""")
			.bind("sha256", sha256(body))
			.bind("body", body)
			.map((row, meta) -> new ConsentText(row.get("id", Long.class), row.get("sha256", String.class),
					row.get("body", String.class)))
			.one();
	}

	public Mono<ConsentText> find(long id) {
		return this.database.sql("select id, sha256, body from consent_text where id = :id")
			.bind("id", id)
			.map((row, meta) -> new ConsentText(row.get("id", Long.class), row.get("sha256", String.class),
					row.get("body", String.class)))
			.one();
	}

	/**
	 * One text, one version: Unicode NFC (Vietnamese typed on any keyboard), line feeds
	 * only, no surrounding blanks.
	 */
	public static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stored consent text.
	 *
	 * @param id its id
	 * @param sha256 its version: SHA-256 (hex) of the body as UTF-8
	 * @param body the text
	 */
	public record ConsentText(long id, String sha256, String body) {
	}

}
