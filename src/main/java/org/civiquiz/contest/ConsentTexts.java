package org.civiquiz.contest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Consent texts, each distinct text stored once under its SHA-256, which is its version:
 * contests name their current text, participants the text they agreed to, so that an
 * organizer's later edit never changes what an earlier person agreed to.
 */
@Repository
class ConsentTexts {

	static final int MAX_LENGTH = 10_000;

	private final DatabaseClient database;

	ConsentTexts(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The stored text with this body, stored now if it is new.
	 * @param body the text, normalized ({@link #normalize})
	 * @return the stored text
	 */
	Mono<ConsentText> store(String body) {
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

	Mono<ConsentText> find(long id) {
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
	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	static String sha256(String body) {
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
	record ConsentText(long id, String sha256, String body) {
	}

}
