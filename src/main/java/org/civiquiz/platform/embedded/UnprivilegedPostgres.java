package org.civiquiz.platform.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.logging.Log;
import org.tukaani.xz.XZInputStream;

/**
 * The embedded PostgreSQL when the app runs as root, which PostgreSQL refuses: the server
 * runs under an unprivileged account of its own ({@value #ACCOUNT}, created if missing),
 * which owns the data directory, as the official PostgreSQL container does with
 * {@code postgres}. The binaries are the same Maven artifact the ordinary path runs.
 * <p>
 * The account must reach the files: when a parent of the configured data directory is
 * closed to other accounts (a checkout under {@code /root}), the PostgreSQL files live
 * under {@value #RELOCATED_BASE} instead, in a directory named after the configured one.
 */
final class UnprivilegedPostgres implements AutoCloseable {

	static final String ACCOUNT = "civiquiz-postgres";

	static final String RELOCATED_BASE = "/var/lib/civiquiz";

	private static final Duration COMMAND_WAIT = Duration.ofSeconds(120);

	private final Path bin;

	private final Path data;

	private final int port;

	private UnprivilegedPostgres(Path bin, Path data, int port) {
		this.bin = bin;
		this.data = data;
		this.port = port;
	}

	static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/**
	 * Where the PostgreSQL files of a data directory live when running as root: in it
	 * when the account can reach it, otherwise under {@value #RELOCATED_BASE}.
	 */
	static Path home(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		if (reachableByOthers(dir)) {
			return dir;
		}
		if (Files.exists(dir.resolve("postgres").resolve("PG_VERSION"))) {
			// a database made there by an ordinary user: starting an empty one elsewhere
			// would look like lost data
			throw new IllegalStateException("The embedded PostgreSQL's data in " + dir.resolve("postgres")
					+ " cannot be reached by the account " + ACCOUNT + " (a parent directory is closed to other "
					+ "accounts). Run as the user who made it, or move the checkout somewhere other accounts can enter.");
		}
		String name = dir.toString().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+", "");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(dir.toString().getBytes(StandardCharsets.UTF_8));
			return Path.of(RELOCATED_BASE, tail(name, 60) + "-" + HexFormat.of().formatHex(digest, 0, 6));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static UnprivilegedPostgres start(Path home, int port, Map<String, String> config, Duration wait, Log log)
			throws IOException {
		ensureAccount(log);
		// whatever root's umask, the account must enter these
		Files.createDirectories(home);
		openToOthers(home);
		if (home.startsWith(RELOCATED_BASE)) {
			openToOthers(Path.of(RELOCATED_BASE));
		}
		Path bin = binaries(home.resolve("postgres-bin"));
		Path data = home.resolve("postgres");
		Files.createDirectories(data);
		chownRecursively(data);
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		// pg_ctl opens its log as the account
		Path logFile = home.resolve("postgres.log");
		if (!Files.exists(logFile)) {
			Files.createFile(logFile);
		}
		chownRecursively(logFile);
		if (!Files.exists(data.resolve("PG_VERSION"))) {
			run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E",
					"UTF-8"), logFile, COMMAND_WAIT);
		}
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
		config.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
		run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", String.join(" ", options), "-l",
				logFile.toString(), "-t", Long.toString(wait.toSeconds()), "-w", "start"), logFile,
				wait.plusSeconds(10));
		log.info("Embedded PostgreSQL runs as the account " + ACCOUNT + " (the app runs as root)");
		return new UnprivilegedPostgres(bin, data, port);
	}

	int port() {
		return this.port;
	}

	Path dataDirectory() {
		return this.data;
	}

	@Override
	public void close() throws IOException {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.data.toString(), "stop", "-m", "fast", "-t", "5",
				"-w"), this.data.resolveSibling("postgres.log"), COMMAND_WAIT);
	}

	/** Whether an account without privileges can enter every parent of the directory. */
	private static boolean reachableByOthers(Path dir) {
		for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
			if (!Files.exists(parent)) {
				continue;
			}
			try {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(parent);
				if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return false;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

	private static String tail(String name, int length) {
		return (name.length() <= length) ? name : name.substring(name.length() - length);
	}

	private static void ensureAccount(Log log) {
		if (exitOf(List.of("id", "-u", ACCOUNT), null) == 0) {
			return;
		}
		log.info("Creating the system account " + ACCOUNT + " for the embedded PostgreSQL");
		int exit = exitOf(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir",
				"/nonexistent", "--shell", "/usr/sbin/nologin", "--comment", "Civiquiz embedded PostgreSQL", ACCOUNT),
				null);
		if (exit != 0 && exitOf(List.of("id", "-u", ACCOUNT), null) != 0) {
			throw new IllegalStateException("Could not create the account " + ACCOUNT
					+ " that runs the embedded PostgreSQL when the app runs as root (useradd exited with " + exit
					+ "). Create it, run the app as an ordinary user, or set SPRING_R2DBC_URL.");
		}
	}

	/**
	 * The PostgreSQL binaries of the Maven artifact, unpacked once per archive: the
	 * directory is named after the archive's SHA-256, so that another version of the
	 * artifact is unpacked anew (as zonky names its own).
	 */
	private static Path binaries(Path base) throws IOException {
		String os = "Linux";
		String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
		byte[] archive;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
			if (in == null) {
				throw new IllegalStateException("No embedded PostgreSQL binaries for " + os + " " + arch);
			}
			archive = in.readAllBytes();
		}
		Path dir;
		try {
			dir = base
				.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		Path marker = dir.resolve(".unpacked");
		if (!Files.exists(marker)) {
			Files.createDirectories(base);
			openToOthers(base);
			unpack(new ByteArrayInputStream(archive), dir);
			Files.createFile(marker);
		}
		return dir.resolve("bin");
	}

	private static void openToOthers(Path dir) throws IOException {
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static void unpack(InputStream txz, Path dir) throws IOException {
		Files.createDirectories(dir);
		openToOthers(dir);
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(txz))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path target = dir.resolve(entry.getName()).normalize();
				if (!target.startsWith(dir)) {
					throw new IOException("Archive entry outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					openToOthers(target);
					continue;
				}
				if (!Files.isDirectory(target.getParent())) {
					Files.createDirectories(target.getParent());
					openToOthers(target.getParent());
				}
				Files.deleteIfExists(target);
				if (entry.isSymbolicLink() || entry.isLink()) {
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.copy(tar, target);
					Files.setPosixFilePermissions(target, permissions(entry.getMode()));
				}
			}
		}
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		if ((mode & 0111) != 0) {
			permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
					PosixFilePermission.OTHERS_EXECUTE));
		}
		return permissions;
	}

	private static void chownRecursively(Path dir) throws IOException {
		UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
		UserPrincipal owner = lookup.lookupPrincipalByName(ACCOUNT);
		GroupPrincipal group = lookup.lookupPrincipalByGroupName(ACCOUNT);
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (!attributes.owner().equals(owner)) {
					Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
						.setOwner(owner);
				}
				if (!attributes.group().equals(group)) {
					Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
						.setGroup(group);
				}
			}
		}
	}

	/**
	 * Runs a PostgreSQL command as the account, as gosu does in the official container.
	 */
	private static void run(List<String> command, Path log, Duration wait) {
		List<String> asAccount = new ArrayList<>(
				List.of("setpriv", "--reuid=" + ACCOUNT, "--regid=" + ACCOUNT, "--init-groups", "--"));
		asAccount.addAll(command);
		int exit = exitOf(asAccount, log, wait);
		if (exit != 0) {
			throw new IllegalStateException("The embedded PostgreSQL's " + Path.of(command.get(0)).getFileName()
					+ " exited with " + exit + ((log != null) ? "; see " + log : ""));
		}
	}

	private static int exitOf(List<String> command, Path log) {
		return exitOf(command, log, COMMAND_WAIT);
	}

	/** The command's exit code, {@code -1} when it cannot be run at all. */
	private static int exitOf(List<String> command, Path log, Duration wait) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.redirectOutput(
				(log != null) ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.DISCARD);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			return -1;
		}
		try {
			if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish within " + wait.toSeconds() + " s");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command.get(0), ex);
		}
	}

}
