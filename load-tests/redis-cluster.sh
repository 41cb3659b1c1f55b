#!/usr/bin/env bash
# A local Redis Cluster of three masters (no replicas) for trying Civiquiz on a cluster:
# Debian's redis-server and redis-cli, 127.0.0.1 only, no persistence, bounded memory.
#
#   load-tests/redis-cluster.sh start  [base-port]   # ports base, base+1, base+2 (default 7001)
#   load-tests/redis-cluster.sh status [base-port]
#   load-tests/redis-cluster.sh stop   [base-port]
#
# Then run the app with the printed value, e.g.
#   SPRING_DATA_REDIS_CLUSTER_NODES=127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003 ./mvnw spring-boot:run
#
# Each node also uses its port + 10000 (the cluster bus). Data (nodes.conf, logs, pid
# files) goes to /var/tmp/civiquiz-redis-cluster/<user>/<port>, so root and other users
# do not trip over each other's files; stop and status talk to the nodes over TCP and work
# whoever started them. REDIS_MAXMEMORY (default 256mb) bounds each node; when full, writes
# fail (noeviction) rather than silently dropping leaderboard entries.
set -euo pipefail

command=${1:-}
base=${2:-7001}
maxmemory=${REDIS_MAXMEMORY:-256mb}
root_dir=/var/tmp/civiquiz-redis-cluster
user_dir=$root_dir/$(id -un)
ports=("$base" "$((base + 1))" "$((base + 2))")

usage() {
	echo "usage: $0 start|stop|status [base-port]   (default base port 7001)" >&2
	exit 2
}

[[ $base =~ ^[0-9]+$ ]] && ((base >= 1024 && base + 2 + 10000 <= 65535)) \
	|| { echo "base port must be between 1024 and 55533 (each node also uses port + 10000)" >&2; exit 2; }
for tool in redis-server redis-cli; do
	command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install redis-server redis-tools" >&2; exit 1; }
done

cli() {
	redis-cli -h 127.0.0.1 -p "$1" "${@:2}"
}

up() {
	[[ $(cli "$1" ping 2>/dev/null) == PONG ]]
}

listening() {
	timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

cluster_ok() {
	for port in "${ports[@]}"; do
		cli "$port" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || return 1
	done
}

nodes_value() {
	local IFS=,
	local nodes=("${ports[@]/#/127.0.0.1:}")
	echo "${nodes[*]}"
}

print_nodes() {
	echo "spring.data.redis.cluster.nodes=$(nodes_value)"
	echo "  (environment: SPRING_DATA_REDIS_CLUSTER_NODES=$(nodes_value))"
}

start() {
	local running=0
	for port in "${ports[@]}"; do
		if up "$port"; then
			running=$((running + 1))
		elif listening "$port" || listening "$((port + 10000))"; then
			echo "port $port or $((port + 10000)) is taken by something else; choose another base port" >&2
			exit 1
		fi
	done
	if ((running == 3)) && cluster_ok; then
		echo "already running"
		print_nodes
		return
	fi
	if ((running > 0)); then
		echo "some nodes on ${ports[*]} are up but they do not form a cluster: run '$0 stop $base' first" >&2
		exit 1
	fi

	if [[ ! -d $root_dir ]]; then
		mkdir -p "$root_dir"
		# shared by every user, like /tmp: each one writes under its own name only
		chmod 1777 "$root_dir"
	fi
	for port in "${ports[@]}"; do
		local dir=$user_dir/$port
		mkdir -p "$dir"
		# no persistence: a previous run's cluster identity would stop 'cluster create'
		rm -f "$dir/nodes.conf" "$dir/redis.log"
		redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes \
			--cluster-enabled yes --cluster-config-file "$dir/nodes.conf" --cluster-node-timeout 5000 \
			--dir "$dir" --save '' --appendonly no \
			--maxmemory "$maxmemory" --maxmemory-policy noeviction \
			--daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
	done
	for port in "${ports[@]}"; do
		for _ in $(seq 50); do
			up "$port" && break
			sleep 0.1
		done
		up "$port" || { echo "node $port did not start; see $user_dir/$port/redis.log" >&2; exit 1; }
	done

	redis-cli --cluster create "${ports[@]/#/127.0.0.1:}" --cluster-replicas 0 --cluster-yes >"$user_dir/create-$base.log" \
		|| { cat "$user_dir/create-$base.log" >&2; exit 1; }
	for _ in $(seq 100); do
		cluster_ok && break
		sleep 0.1
	done
	cluster_ok || { echo "the cluster did not reach cluster_state:ok" >&2; exit 1; }
	echo "Redis Cluster up: 3 masters on 127.0.0.1:${ports[0]}-${ports[2]}, data in $user_dir"
	print_nodes
}

stop() {
	local stopped=0
	for port in "${ports[@]}"; do
		if up "$port"; then
			cli "$port" shutdown nosave >/dev/null 2>&1 || true
			stopped=$((stopped + 1))
		fi
	done
	for port in "${ports[@]}"; do
		for _ in $(seq 50); do
			up "$port" || break
			sleep 0.1
		done
		if up "$port"; then
			echo "node $port did not stop" >&2
			exit 1
		fi
	done
	echo "stopped $stopped node(s) on ${ports[*]}"
}

status() {
	local running=0
	for port in "${ports[@]}"; do
		if up "$port"; then
			running=$((running + 1))
			local state slots keys memory
			state=$(cli "$port" cluster info | tr -d '\r' | sed -n 's/^cluster_state://p')
			slots=$(cli "$port" cluster nodes | awk '/myself/ { s = ""; for (i = 9; i <= NF; i++) s = s (s ? " " : "") $i; print s }')
			keys=$(cli "$port" dbsize)
			memory=$(cli "$port" info memory | tr -d '\r' | sed -n 's/^used_memory_human://p')
			echo "127.0.0.1:$port up   cluster_state:$state  slots $slots  keys $keys  memory $memory"
		else
			echo "127.0.0.1:$port down"
		fi
	done
	if ((running == 3)) && cluster_ok; then
		print_nodes
	else
		return 1
	fi
}

case $command in
	start) start ;;
	stop) stop ;;
	status) status ;;
	*) usage ;;
esac
