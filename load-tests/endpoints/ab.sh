#!/usr/bin/env bash
# Two builds side by side, per endpoint: each jar runs on its own embedded PostgreSQL and Redis
# (fresh data under $WORK), both are warmed by the same rounds, and the rounds alternate A, B, A,
# B, so that the machine's drift falls on both. Prints each round's cost per request (cost.py).
#
#   load-tests/endpoints/ab.sh OLD.jar NEW.jar [starts per round, 1500] [rounds, 10]
#
# On 127.0.0.1 only: ports 8090/8091, 15442/15443 and 16389/16390 (a jar older than the embedded
# default's support for root needs an ordinary user). About 40 s a round on this project's 2-core
# machine.
set -euo pipefail
jar_a=$1 jar_b=$2 requests=${3:-1500} rounds=${4:-10}
here="$(cd "$(dirname "$0")" && pwd)"
work="${WORK:-/tmp/civiquiz-endpoints}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT

start_app() { # jar, port, PostgreSQL port, Redis port, name
	mkdir -p "$work/$5" && rm -rf "${work:?}/$5"/* && cd "$work/$5"
	java -Xms256m -Xmx1g ${APP_JAVA_OPTS:-} -jar "$1" --server.port="$2" \
		--civiquiz.security.trusted-proxies=1 --civiquiz.waiting-room.enabled=false \
		--civiquiz.embedded.postgres-port="$3" --civiquiz.embedded.redis-port="$4" > "$work/$5.log" 2>&1 &
	pids+=($!)
}

start_app "$jar_a" 8090 15442 16389 a
start_app "$jar_b" 8091 15443 16390 b
for port in 8090 8091; do
	for _ in $(seq 1 240); do
		curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
		sleep 1
	done
done
for round in $(seq 1 "$rounds"); do
	echo "A ($jar_a), round $round"
	python3 "$here/cost.py" --port 8090 --pid "${pids[0]}" --requests "$requests"
	echo "B ($jar_b), round $round"
	python3 "$here/cost.py" --port 8091 --pid "${pids[1]}" --requests "$requests"
done
