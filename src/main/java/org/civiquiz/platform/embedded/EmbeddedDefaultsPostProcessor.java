package org.civiquiz.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded default before the application context: a real PostgreSQL when no
 * {@code spring.r2dbc.url} is configured, a real Redis when no
 * {@code spring.data.redis.host}, {@code url}, {@code cluster.nodes} or
 * {@code sentinel.master} is, and generated secrets for whatever the embedded default
 * leaves unset. Also derives Flyway's JDBC URL from the R2DBC URL so that one address
 * configures both.
 */
class EmbeddedDefaultsPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "civiquizEmbeddedDefaults";

	private static final Map<String, String> GENERATED_SECRETS = Map.of("civiquiz.privacy.hash-secret", "hash-secret",
			"civiquiz.security.accounts.organizer-password", "organizer-password",
			"civiquiz.security.accounts.committee-password", "committee-password",
			"civiquiz.security.accounts.admin-password", "admin-password");

	private final Log log;

	EmbeddedDefaultsPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDefaultsPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		EmbeddedProperties embedded = Binder.get(environment)
			.bindOrCreate("civiquiz.embedded", EmbeddedProperties.class);
		Map<String, Object> properties = new LinkedHashMap<>();
		boolean embeddedPostgres = embedded.enabled()
				&& !StringUtils.hasText(environment.getProperty("spring.r2dbc.url"));
		boolean embeddedRedis = embedded.enabled()
				&& !StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
				&& !StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
				&& !StringUtils.hasText(environment.getProperty("spring.data.redis.cluster.nodes"))
				&& !StringUtils.hasText(environment.getProperty("spring.data.redis.sentinel.master"));
		if (embeddedPostgres || embeddedRedis) {
			EmbeddedServers.prepare(embedded);
		}
		if (embeddedPostgres) {
			int port = EmbeddedServers.startPostgres(embedded, this.log);
			properties.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres");
			properties.put("spring.r2dbc.username", "postgres");
			properties.put("spring.r2dbc.password", "");
			properties.put("civiquiz.embedded.active", "true");
		}
		if (embeddedRedis) {
			properties.put("spring.data.redis.host", "127.0.0.1");
			properties.put("spring.data.redis.port", EmbeddedServers.startRedis(embedded, this.log));
		}
		if (!StringUtils.hasText(environment.getProperty("spring.flyway.url"))) {
			String r2dbcUrl = embeddedPostgres ? (String) properties.get("spring.r2dbc.url")
					: environment.getProperty("spring.r2dbc.url");
			if (StringUtils.hasText(r2dbcUrl)) {
				properties.put("spring.flyway.url", jdbcUrl(r2dbcUrl));
				properties.put("spring.flyway.user",
						embeddedPostgres ? "postgres" : environment.getProperty("spring.r2dbc.username", ""));
				properties.put("spring.flyway.password",
						embeddedPostgres ? "" : environment.getProperty("spring.r2dbc.password", ""));
			}
		}
		if (embeddedPostgres) {
			properties.putAll(generatedSecrets(environment, embedded.dataDir().toAbsolutePath()));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	/**
	 * {@code r2dbc:postgresql://user:pw@host:port/db?x=y} becomes
	 * {@code jdbc:postgresql://host:port/db}; credentials travel separately. Options are
	 * dropped (R2DBC and JDBC name them differently): a database that needs them gets
	 * {@code spring.flyway.url} set explicitly.
	 */
	static String jdbcUrl(String r2dbcUrl) {
		URI uri = URI.create(r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", ""));
		String hostPort = uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		return "jdbc:postgresql://" + hostPort + ((uri.getRawPath() != null) ? uri.getRawPath() : "");
	}

	private Map<String, Object> generatedSecrets(ConfigurableEnvironment environment, Path dataDir) {
		Path file = dataDir.resolve("secrets.properties");
		Properties stored = new Properties();
		try {
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
			}
			Map<String, Object> result = new LinkedHashMap<>();
			boolean generated = false;
			for (Map.Entry<String, String> secret : GENERATED_SECRETS.entrySet()) {
				if (StringUtils.hasText(environment.getProperty(secret.getKey()))) {
					continue;
				}
				String value = stored.getProperty(secret.getValue());
				if (value == null) {
					value = randomSecret();
					stored.setProperty(secret.getValue(), value);
					generated = true;
				}
				result.put(secret.getKey(), value);
			}
			if (generated) {
				try (OutputStream out = Files.newOutputStream(file)) {
					stored.store(out, "Generated by the Civiquiz embedded default; not for production");
				}
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				this.log.warn("Embedded default: generated secrets and passwords, kept in " + file + "\n"
						+ "  organizer / " + stored.getProperty("organizer-password") + "\n" + "  committee / "
						+ stored.getProperty("committee-password") + "\n" + "  admin     / "
						+ stored.getProperty("admin-password"));
			}
			else if (!result.isEmpty()) {
				this.log.info("Embedded default: passwords of organizer, committee and admin are in " + file);
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write " + file, ex);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
