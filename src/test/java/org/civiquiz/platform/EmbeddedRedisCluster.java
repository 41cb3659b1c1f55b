package org.civiquiz.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;

/**
 * A real Redis Cluster of three masters (no replicas) for tests: the embedded Redis
 * binary of the Maven artifact with {@code cluster-enabled yes}, on free ports of
 * 127.0.0.1, the 16384 slots split as {@code redis-cli --cluster create} splits them.
 */
final class EmbeddedRedisCluster implements AutoCloseable {

	/** First slot of each master's range, and one past the last. */
	static final int[] SLOT_RANGES = { 0, 5461, 10923, 16384 };

	private final List<RedisServer> servers = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	private final RedisClient client = RedisClient.create();

	private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();

	private final Path dir;

	private EmbeddedRedisCluster(Path dir) {
		this.dir = dir.toAbsolutePath();
	}

	/**
	 * Starts three nodes, gives each a third of the slots, introduces them and waits
	 * until every node sees the whole cluster serving.
	 * @param dir where the nodes keep their cluster configuration files
	 * @return the running cluster
	 */
	static EmbeddedRedisCluster start(Path dir) {
		EmbeddedRedisCluster cluster = new EmbeddedRedisCluster(dir);
		try {
			cluster.startNodes();
			cluster.assignSlotsAndMeet();
			cluster.awaitOk(Duration.ofSeconds(30));
			return cluster;
		}
		catch (RuntimeException | IOException ex) {
			cluster.close();
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/** The value of {@code spring.data.redis.cluster.nodes}. */
	String nodes() {
		return this.ports.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/** A node's own commands (not cluster-aware: what that node holds). */
	RedisCommands<String, String> node(int index) {
		return this.connections.get(index).sync();
	}

	/** Stops a node, as a crash would. */
	void stopNode(int index) {
		try {
			this.servers.get(index).stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a stopped node again, without data (the nodes keep none), and waits until
	 * the cluster serves again: the node rejoins with its slots from its nodes file.
	 */
	void startNode(int index) {
		try {
			this.servers.get(index).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitOk(Duration.ofSeconds(30));
	}

	/** Which node (0, 1, 2) serves the slot. */
	static int nodeOfSlot(int slot) {
		for (int i = 0; i < 3; i++) {
			if (slot < SLOT_RANGES[i + 1]) {
				return i;
			}
		}
		throw new IllegalArgumentException("slot " + slot);
	}

	private void startNodes() throws IOException {
		Files.createDirectories(this.dir);
		for (int i = 0; i < 3; i++) {
			int port = freePortWithFreeBusPort();
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("cluster-enabled yes")
				.setting("cluster-config-file " + this.dir.resolve("nodes-" + port + ".conf"))
				.setting("cluster-node-timeout 2000")
				.setting("dir " + this.dir)
				.setting("appendonly no")
				.setting("save \"\"")
				.setting("protected-mode yes")
				.build();
			this.servers.add(server);
			server.start();
			this.ports.add(port);
			this.connections.add(this.client.connect(RedisURI.create("127.0.0.1", port)));
		}
	}

	private void assignSlotsAndMeet() {
		for (int i = 0; i < 3; i++) {
			node(i).clusterAddSlots(IntStream.range(SLOT_RANGES[i], SLOT_RANGES[i + 1]).toArray());
		}
		for (int i = 1; i < 3; i++) {
			node(0).clusterMeet("127.0.0.1", this.ports.get(i));
		}
	}

	private void awaitOk(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			boolean ok = true;
			for (int i = 0; i < 3 && ok; i++) {
				String info = node(i).clusterInfo();
				ok = info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3")
						&& info.contains("cluster_slots_ok:16384");
			}
			if (ok) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The test Redis Cluster did not come up: " + node(0).clusterInfo());
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * A port whose cluster bus port (+10000) is free too: an ephemeral port from the
	 * kernel may have none.
	 */
	private static int freePortWithFreeBusPort() throws IOException {
		for (int tries = 0; tries < 100; tries++) {
			int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
			if (free(port) && free(port + 10_000)) {
				return port;
			}
		}
		throw new IOException("No free port pair for a Redis Cluster node");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.connections.forEach(StatefulRedisConnection::close);
		this.client.shutdown();
		for (RedisServer server : this.servers) {
			try {
				server.stop();
			}
			catch (IOException ex) {
				// the others still stop
			}
		}
		try (var files = Files.list(this.dir)) {
			files.forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover nodes.conf in target/ harms nobody
		}
	}

}
