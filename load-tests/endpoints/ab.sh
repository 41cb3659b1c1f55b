#!/usr/bin/env bash
# Two builds side by side, per endpoint: each jar runs on its own embedded PostgreSQL and Redis
# (fresh data under $WORK), both are warmed by the same rounds, and the rounds alternate A, B, A,
# B, so that the machine's drift falls on both. Prints each round's cost per request (cost.py).
#
#   load-tests/endpoints/ab.sh OLD.jar NEW.jar [starts per round, 1500] [rounds, 10]
#
# The same jar twice compares two ways of running it: JAVA_A / JAVA_B choose each side's java
# (default: java on the PATH), APP_JAVA_OPTS_A / APP_JAVA_OPTS_B add options to one side only
# (after APP_JAVA_OPTS, which both get).
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

start_app() { # jar, port, PostgreSQL port, Redis port, name, java, this side's options
	mkdir -p "$work/$5" && rm -rf "${work:?}/$5"/* && cd "$work/$5"
	"$6" -Xms256m -Xmx1g ${APP_JAVA_OPTS:-} $7 -jar "$1" --server.port="$2" \
		--civiquiz.security.trusted-proxies=1 --civiquiz.waiting-room.enabled=false \
		--civiquiz.embedded.postgres-port="$3" --civiquiz.embedded.redis-port="$4" > "$work/$5.log" 2>&1 &
	pids+=($!)
}

start_app "$jar_a" 8090 15442 16389 a "${JAVA_A:-java}" "${APP_JAVA_OPTS_A:-}"
start_app "$jar_b" 8091 15443 16390 b "${JAVA_B:-java}" "${APP_JAVA_OPTS_B:-}"
for port in 8090 8091; do
	for _ in $(seq 1 240); do
		curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null && break
		sleep 1
	done
done
for round in $(seq 1 "$rounds"); do
	echo "A ($jar_a ${APP_JAVA_OPTS_A:-}), round $round"
	python3 "$here/cost.py" --port 8090 --pid "${pids[0]}" --requests "$requests"
	echo "B ($jar_b ${APP_JAVA_OPTS_B:-}), round $round"
	python3 "$here/cost.py" --port 8091 --pid "${pids[1]}" --requests "$requests"
done | tee "$work/ab.log"
# the settled half of the rounds (the JIT's warm-up is in the first), A beside B
python3 - "$work/ab.log" "$(( rounds / 2 + 1 ))" <<'SUMMARY'
import re, sys
side, costs = None, {}
for line in open(sys.argv[1]):
    heading = re.match(r"([AB]) .*round (\d+)$", line)
    if heading:
        side = (heading.group(1), int(heading.group(2)))
        continue
    cost = re.search(r"(\w+)\s+\d+ in .*app CPU (\d+) us", line)
    if cost and side and side[1] >= int(sys.argv[2]):
        costs.setdefault(cost.group(1), {"A": [], "B": []})[side[0]].append(int(cost.group(2)))
print(f"µs of app CPU per request, rounds {sys.argv[2]} and later:")
for endpoint, sides in costs.items():
    a, b = (sum(v) / len(v) for v in (sides["A"], sides["B"]))
    print(f"{endpoint:8} A {a:7.0f}  B {b:7.0f}  {100 * (b / a - 1):+.1f} %")
SUMMARY
