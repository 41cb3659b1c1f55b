#!/usr/bin/env bash
# One command for a load run on this machine: starts PostgreSQL and Redis (Debian's packages,
# installed if absent), the app (1 or 2 replicas, the latter behind a local nginx) in its
# production-like setup, runs a Gatling simulation against 127.0.0.1, optionally injects a fault
# mid-run, then prints a summary and reconciles Gatling's accepted submissions with PostgreSQL and
# Redis. Everything stops by itself at the end (unless --keep).
#
#   load-tests/run.sh [--simulation EntrantJourney|DeadlineRush|OrganizersWatching|CampaignDay|Baseline]
#                     [--replicas 1|2] [--redis-cluster] [--fault redis|app|postgres]
#                     [--fault-at SECONDS] [--redis-data keep|lose] [--warmup ENTRANTS (0: none)] [--keep]
#                     [--burst] [--room (the waiting room on without the burst)]
#                     [-Dload.entrants=30000 -Dload.arrivalRate=100 ...]
#
# Simulation parameters are the -Dload.* system properties of load-tests/src/test/java/org/civiquiz/
# load/LoadParameters.java. Examples (docs/performance.md has the exact commands of each figure):
#   load-tests/run.sh -Dload.entrants=30000 -Dload.arrivalRate=100
#   load-tests/run.sh --simulation Baseline -Dload.concurrency=32 -Dload.durationSeconds=60
#   load-tests/run.sh --simulation CampaignDay   (30 arrivals/s for 3 min, 500 organizers, committee, visitors)
#   load-tests/run.sh --fault redis -Dload.entrants=6000 -Dload.arrivalRate=60
#   load-tests/run.sh --simulation DeadlineRush --burst   (3 × capacity for 2 min, then half: the
#     waiting room; -Dload.capacity=54 journeys/s by default; checks the burst's bounds at the end)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${CIVIQUIZ_LOAD_DIR:-/var/tmp/civiquiz-load}"
simulation=EntrantJourney
replicas=1
cluster=false
fault=""
fault_at=30
redis_data=keep
keep=false
burst=false
room=""
warmup=1000
gatling_args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--simulation) simulation="$2"; shift 2 ;;
		--replicas) replicas="$2"; shift 2 ;;
		--redis-cluster) cluster=true; shift ;;
		--fault) fault="$2"; shift 2 ;;
		--fault-at) fault_at="$2"; shift 2 ;;
		--redis-data) redis_data="$2"; shift 2 ;;
		--keep) keep=true; shift ;;
		--burst) burst=true; shift ;;
		--room) room=true; shift ;;
		--warmup) warmup="$2"; shift 2 ;;
		-D*) gatling_args+=("$1"); shift ;;
		-h|--help) sed -n 2,19p "$0"; exit 0 ;;
		*) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
	esac
done
case "$replicas" in 1|2) ;; *) echo "--replicas 1 or 2" >&2; exit 2 ;; esac
# the waiting room only for the burst (and --room): the other simulations' entrants do not wait
# in line, and their figures stay comparable with the runs before it
room="${room:-$burst}"
if [ "$burst" = true ]; then
	[ "$simulation" = DeadlineRush ] || { echo "--burst is a shape of --simulation DeadlineRush" >&2; exit 2; }
	gatling_args+=(-Dload.shape=burst)
fi
case "$fault" in ""|redis|app|postgres) ;; *) echo "--fault redis, app or postgres" >&2; exit 2 ;; esac
# --redis-data lose: the Redis fault brings Redis back empty, as after a lost disk (a Redis
# Cluster here keeps no data either way)
case "$redis_data" in keep|lose) ;; *) echo "--redis-data keep or lose" >&2; exit 2 ;; esac

pg_port=55432
redis_port=56379
slug=luat-htx-2023
organizer_password=load-organizer-pass
committee_password=load-committee-pass
admin_password=load-admin-password
app_java_opts="${APP_JAVA_OPTS:--Xms256m -Xmx1g}"
app_java="${APP_JAVA:-java}"  # the app's runtime (Gatling keeps the build's), with its jstat
app_jstat="$(dirname "$(command -v "$app_java")")/jstat"
[ -x "$app_jstat" ] && export APP_JSTAT="$app_jstat"
log() { printf '%s %s\n' "$(date +%T)" "$*"; }

# a burst keeps tens of thousands of entrants' connections open at once (Gatling's and the app's ends)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ulimit -n 200000 2>/dev/null || true

# --- what a fresh machine lacks ------------------------------------------------------------------
need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
[ "$replicas" = 2 ] && ! command -v nginx >/dev/null && need+=(nginx)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
	[ "$(id -u)" -eq 0 ] || { echo "missing: ${need[*]} (install them, or run as root)" >&2; exit 1; }
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# PostgreSQL refuses to run as root: as root, its server runs as the user civiquiz
pg_user="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
	id civiquiz >/dev/null 2>&1 || useradd --create-home --shell /bin/bash civiquiz
	pg_user=civiquiz
fi
as_pg() { if [ "$(id -un)" = "$pg_user" ]; then "$@"; else runuser -u "$pg_user" -- "$@"; fi; }

mkdir -p "$work"
chmod 755 "$work"
run_dir="$work/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
pids=()
cleanup() {
	set +e
	[ -n "${sampler_pid:-}" ] && kill "$sampler_pid" 2>/dev/null
	[ -n "${fault_pid:-}" ] && kill "$fault_pid" 2>/dev/null
	if [ "$keep" = true ]; then
		log "kept running: app on 127.0.0.1:8080, PostgreSQL :$pg_port, Redis :$redis_port; stop them with: pkill -f civiquiz-0.1.0-SNAPSHOT.jar; redis-cli -p $redis_port shutdown nosave; runuser -u civiquiz -- $pg_bin/pg_ctl -D $work/pg stop"
		return
	fi
	for pid in $(cat "$run_dir"/app-*.pid 2>/dev/null); do kill "$pid" 2>/dev/null; done
	[ -f "$run_dir/nginx/logs/nginx.pid" ] && kill "$(cat "$run_dir/nginx/logs/nginx.pid")" 2>/dev/null
	redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1
	[ "$cluster" = true ] && "$repo/load-tests/redis-cluster.sh" stop >/dev/null 2>&1
	as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1
}
trap cleanup EXIT

# --- the app -----------------------------------------------------------------------------------
# CIVIQUIZ_APP_JAR runs another build (an older commit's jar, for a side-by-side comparison)
jar="${CIVIQUIZ_APP_JAR:-$(ls "$repo"/target/civiquiz-*.jar 2>/dev/null | grep -v plain | sed -n 1p || true)}"
app_label="$(git -C "$repo" rev-parse --short HEAD)"
if [ -n "${CIVIQUIZ_APP_JAR:-}" ]; then
	app_label="$(basename "$jar")"
	log "app: $jar"
elif [ -z "$jar" ] || [ -n "$(find "$repo/src/main" "$repo/pom.xml" -newer "$jar" -print -quit)" ]; then
	log "building the app (./mvnw package, tests skipped)"
	(cd "$repo" && ./mvnw -B -q -ntp package -DskipTests) > "$run_dir/build.log" 2>&1 \
		|| { tail -30 "$run_dir/build.log"; exit 1; }
	jar="$(ls "$repo"/target/civiquiz-*.jar | grep -v plain | sed -n 1p)"
fi

# --- PostgreSQL: a fresh database each run -----------------------------------------------------
if [ ! -f "$work/pg/PG_VERSION" ]; then
	log "initdb $work/pg"
	mkdir -p "$work/pg" && chown "$pg_user" "$work/pg" && chmod 700 "$work/pg"
	as_pg "$pg_bin/initdb" -D "$work/pg" -U civiquiz --auth=trust -E UTF8 --locale=C.UTF-8 > "$run_dir/initdb.log"
	cat >> "$work/pg/postgresql.conf" <<-EOF
	listen_addresses = '127.0.0.1'
	port = $pg_port
	unix_socket_directories = '$work/pg'
	max_connections = 100
	shared_buffers = 512MB
	shared_preload_libraries = 'pg_stat_statements'
	pg_stat_statements.track_utility = on
	EOF
fi
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start >/dev/null 2>&1 || true
as_pg "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -t 30 >/dev/null
psql_q() { psql -h 127.0.0.1 -p "$pg_port" -U civiquiz -X -A -t -q "$@"; }
psql_q -d postgres -c "drop database if exists civiquiz with (force)" -c "create database civiquiz"
psql_q -d civiquiz -c "create extension if not exists pg_stat_statements"

# --- Redis: standalone, or a three-master cluster ------------------------------------------------
redis_env=()
if [ "$cluster" = true ]; then
	"$repo/load-tests/redis-cluster.sh" stop >/dev/null 2>&1 || true
	nodes="$("$repo/load-tests/redis-cluster.sh" start | sed -n 's/^spring.data.redis.cluster.nodes=//p')"
	[ -n "$nodes" ] || { echo "the Redis Cluster did not start (load-tests/redis-cluster.sh start)" >&2; exit 1; }
	redis_env=(SPRING_DATA_REDIS_CLUSTER_NODES="$nodes")
	redis_cli() { redis-cli -c -p "${nodes##*:}" "$@"; }
	redis_all() { for node in ${nodes//,/ }; do redis-cli -p "${node##*:}" "$@"; done; }
else
	mkdir -p "$work/redis"
	redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
	rm -f "$work/redis/appendonly.aof" "$work/redis/dump.rdb"
	rm -rf "$work/redis/appendonlydir"
	# as docker-compose.yml: append-only file, fsync every second
	redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --appendonly yes --save "" \
		--daemonize yes --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log"
	redis_env=(SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT="$redis_port")
	redis_cli() { redis-cli -p "$redis_port" "$@"; }
	redis_all() { redis-cli -p "$redis_port" "$@"; }
	for _ in $(seq 50); do redis_cli ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

# Each virtual entrant's address is the X-Forwarded-For Gatling sends (as a proxy in front would);
# the local nginx of two replicas appends the address it saw (127.0.0.1): one proxy more to trust.
trusted_proxies=$replicas
start_app() { # replica number, port
	local n="$1" port="$2"
	env SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$pg_port/civiquiz" SPRING_R2DBC_USERNAME=civiquiz \
		SPRING_R2DBC_PASSWORD=civiquiz "${redis_env[@]}" \
		CIVIQUIZ_PRIVACY_HASH_SECRET=load-test-hash-secret-0123456789 \
		CIVIQUIZ_ADMIN_PASSWORD="$admin_password" CIVIQUIZ_ORGANIZER_PASSWORD="$organizer_password" \
		CIVIQUIZ_COMMITTEE_PASSWORD="$committee_password" \
		CIVIQUIZ_SEED_ENABLED=true CIVIQUIZ_SECURITY_TRUSTED_PROXIES="$trusted_proxies" SERVER_PORT="$port" \
		CIVIQUIZ_WAITING_ROOM_ENABLED="$room" \
		"$app_java" $app_java_opts -jar "$jar" "${@:3}" >> "$run_dir/app-$n.log" 2>&1 &
	echo $! > "$run_dir/app-$n.pid"
}
await_app() { # port
	for _ in $(seq 120); do
		curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	echo "the app on port $1 did not get ready: see $run_dir" >&2
	return 1
}
if [ "$replicas" = 1 ]; then
	ports=(8080)
else
	ports=(8081 8082)
fi
if [ "$simulation" = CampaignDay ]; then
	# the committee downloads a closed contest's finalized winners: the reference campaign
	# replayed at a twentieth of its size (about 1,000 people), its lists finalized; the app
	# stops by itself when done
	log "preparing a closed contest with finalized winners (the replay, 5 % scale)"
	start_app 0 "${ports[0]}" --spring.profiles.active=replay --civiquiz.replay.scale=0.05
	wait "$(cat "$run_dir/app-0.pid")" || { tail -30 "$run_dir/app-0.log"; exit 1; }
	grep -q "Finalized" "$run_dir/app-0.log" || { tail -30 "$run_dir/app-0.log"; exit 1; }
	rm -f "$run_dir/app-0.pid"
	case " ${gatling_args[*]} " in *" -Dload.arrivalRate="*) ;; *) gatling_args+=(-Dload.arrivalRate=30) ;; esac
	case " ${gatling_args[*]} " in *" -Dload.pollers="*) ;; *) gatling_args+=(-Dload.pollers=50) ;; esac
fi
log "starting $replicas app replica(s) ($app_java_opts) on ${ports[*]}"
# one at a time: the first migrates the schema and seeds the contest
for i in "${!ports[@]}"; do
	start_app $((i + 1)) "${ports[$i]}"
	await_app "${ports[$i]}"
done
if [ "$replicas" = 2 ]; then
	# its pid, logs and temporary files under the prefix (the configuration's relative paths)
	mkdir -p "$run_dir/nginx/logs"
	nginx -p "$run_dir/nginx" -c "$repo/deploy/nginx/local-two-replicas.conf"
	for _ in $(seq 50); do curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null && break; sleep 0.1; done
fi

# --- the run -----------------------------------------------------------------------------------
# warm-up: journeys arriving ever faster (DeadlineRush up to 25/s), until the JIT has compiled the
# hot paths, so that start-up's one-off work is not in the figures: a cold JVM needs many times the
# CPU per request for its first minute, and on two cores answers some reads with 503 (Redis
# commands time out). The warm-up's errors are reported, not asserted on.
if [ "$warmup" -gt 0 ]; then
	log "warm-up: $warmup entrants, arrivals climbing to 25/s"
	(cd "$repo" && ./mvnw -B -q -ntp -f load-tests/pom.xml gatling:test \
		-Dgatling.simulationClass=org.civiquiz.load.DeadlineRushSimulation \
		-Dload.peakRate=25 -Dload.rampSeconds=30 -Dload.holdSeconds="$(( warmup / 25 > 10 ? warmup / 25 - 12 : 1 ))" \
		-Dload.thinkTime=0.5 -Dload.staffPassword="$organizer_password" -Dload.resultFile="$run_dir/warmup.properties" \
		-Dload.maxFailedPercent=100 -Dload.p95Ms=600000 -Dload.p99Ms=600000) > "$run_dir/warmup.log" 2>&1 \
		|| { tail -40 "$run_dir/warmup.log"; exit 1; }
	warmup_errors="$(grep -A8 -- '---- Errors ----' "$run_dir/warmup.log" | grep '^>' || true)"
	[ -n "$warmup_errors" ] && log "warm-up errors (not in the figures):" && echo "$warmup_errors"
fi
psql_q -d civiquiz -c "select pg_stat_statements_reset()" >/dev/null
redis_all config resetstat >/dev/null

python3 "$repo/load-tests/sample.py" "$run_dir/samples.csv" "$run_dir" &
sampler_pid=$!

if [ -n "$fault" ]; then
	case " ${gatling_args[*]} " in *" -Dload.retries="*) ;; *) gatling_args+=(-Dload.retries=120) ;; esac
	case " ${gatling_args[*]} " in *" -Dload.maxFailedPercent="*) ;; *) gatling_args+=(-Dload.maxFailedPercent=10) ;; esac
	# requests caught by the fault wait for their retries: the bounds are for capacity runs
	case " ${gatling_args[*]} " in *" -Dload.p95Ms="*) ;; *) gatling_args+=(-Dload.p95Ms=30000 -Dload.p99Ms=60000) ;; esac
	(
		sleep "$fault_at"
		case "$fault" in
			redis)
				log "FAULT: Redis stopped for 20 s"
				redis_all shutdown nosave >/dev/null 2>&1 || true
				sleep 20
				if [ "$cluster" = true ]; then "$repo/load-tests/redis-cluster.sh" start >/dev/null
					log "FAULT: Redis Cluster started again (empty)"
				else
					[ "$redis_data" = lose ] && rm -rf "$work/redis/appendonlydir" "$work/redis/appendonly.aof" "$work/redis/dump.rdb"
					redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --appendonly yes --save "" \
						--daemonize yes --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log"
					if [ "$redis_data" = lose ]; then log "FAULT: Redis started again (empty)"
					else log "FAULT: Redis started again (from its append-only file)"; fi
				fi
				;;
			app)
				log "FAULT: app replica 1 killed (SIGKILL)"
				kill -9 "$(cat "$run_dir/app-1.pid")"
				sleep 2
				start_app 1 "${ports[0]}"
				log "FAULT: app replica 1 restarting"
				await_app "${ports[0]}" && log "FAULT: app replica 1 ready again"
				;;
			postgres)
				log "FAULT: PostgreSQL stopped for 15 s"
				as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null
				sleep 15
				as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start >/dev/null
				log "FAULT: PostgreSQL started again"
				;;
		esac
	) > "$run_dir/faults.log" 2>&1 &
	fault_pid=$!
fi

log "simulation $simulation: ${gatling_args[*]:-defaults} (log: $run_dir/gatling.log)"
started=$(date +%s.%N)
set +e
(cd "$repo" && ./mvnw -B -ntp -f load-tests/pom.xml gatling:test \
	-Dgatling.simulationClass="org.civiquiz.load.${simulation}Simulation" \
	-Dload.staffPassword="$organizer_password" -Dload.committeePassword="$committee_password" \
	-Dload.resultFile="$run_dir/result.properties" "${gatling_args[@]}") > "$run_dir/gatling.log" 2>&1
gatling_status=$?
set -e
ended=$(date +%s.%N)
[ -n "${fault_pid:-}" ] && wait "$fault_pid" 2>/dev/null || true
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=""

# --- reconciliation ----------------------------------------------------------------------------
# the read models catch up by themselves (the reconciler, every 30 s) with what they missed: after a
# fault, in a run without warm-up (a cold JVM misses some of the listeners' 500 ms), or when a
# saturated machine made a listener miss its 500 ms (the app logs each miss)
if { [ -n "$fault" ] || [ "$warmup" = 0 ] || grep -qs "missed attempt" "$run_dir"/app-*.log; } \
	&& [ "$simulation" != Baseline ]; then
	# a tick every 30 s, and a replay of the whole contest takes a while on a loaded machine: until
	# the counters agree with PostgreSQL, for 2 minutes at most
	log "waiting for the reconciler (2 minutes at most)"
	for _ in $(seq 24); do
		sleep 5
		expected="$(psql_q -d civiquiz -F ' ' -c "select count(*), count(distinct a.participant_id) from attempt a
			join contest c on c.id = a.contest_id where c.slug = '$slug' and a.status = 'SUBMITTED'")"
		held="$(redis_cli hget "civiquiz:{$slug}:stats:contest" submitted) $(redis_cli zcard "civiquiz:{$slug}:lb:contest")"
		[ "$held" = "$expected" ] && break
	done
	log "reconciler waited for: $(( $(date +%s) - ${ended%.*} )) s after the run"
fi
# sed reads the whole list: head would close the pipe early, and ls killed by SIGPIPE ends the
# script here (pipefail), silently, once there are enough reports
report="$(ls -td "$repo"/load-tests/target/gatling/*/ 2>/dev/null | sed -n 1p)"
pg_counts="$(psql_q -d civiquiz -F ' ' -c "select count(*) filter (where a.status = 'SUBMITTED'),
	count(distinct a.participant_id) filter (where a.status = 'SUBMITTED'),
	count(*) filter (where a.status = 'SUBMITTED' and a.score = cardinality(a.question_ids)),
	count(*) filter (where a.status = 'SUBMITTED' and a.score >= 15)
	from attempt a join contest c on c.id = a.contest_id where c.slug = '$slug'")"
redis_board="$(redis_cli zcard "civiquiz:{$slug}:lb:contest")"
redis_counter="$(redis_cli hget "civiquiz:{$slug}:stats:contest" submitted)"
psql_q -d civiquiz -F $'\t' -c "select calls, round(total_exec_time::numeric, 1), left(regexp_replace(query, '\s+', ' ', 'g'), 160)
	from pg_stat_statements where dbid = (select oid from pg_database where datname = 'civiquiz')
	order by calls desc limit 40" > "$run_dir/pg-statements.tsv"
redis_all info commandstats > "$run_dir/redis-commandstats.txt" 2>/dev/null || true

python3 "$repo/load-tests/summary.py" --report "$report" --result "$run_dir/result.properties" \
	--warmup "$run_dir/warmup.properties" --samples "$run_dir/samples.csv" --gatling-log "$run_dir/gatling.log" \
	--pg "$pg_counts" --redis-board "${redis_board:-0}" --redis-counter "${redis_counter:-0}" \
	--pg-statements "$run_dir/pg-statements.tsv" --redis-commands "$run_dir/redis-commandstats.txt" \
	--faults "$run_dir/faults.log" --seconds "$(python3 -c "print($ended - $started)")" --simulation "$simulation" \
	--commit "$app_label" --java-opts "$app_java_opts" --replicas "$replicas" \
	--cluster "$cluster" --app-logs "$(ls "$run_dir"/app-*.log | paste -sd, -)" | tee "$run_dir/summary.txt"
summary_status=${PIPESTATUS[0]}
# --- the burst's bounds (issue 15): the room's answers, the admitted starts, the order of
# admissions, the heap (what survives a young collection, against the largest heap) ---------------
burst_status=0
if [ "$burst" = true ]; then
	max_heap_mib=$(( $("$app_java" $app_java_opts -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {print $4}') / 1048576 ))
	python3 - "$run_dir/result.properties" "$run_dir/samples.csv" "$max_heap_mib" "${gatling_args[@]}" <<-'PY' | tee -a "$run_dir/summary.txt" || burst_status=1
	import csv, sys
	result = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
	args = dict(a[2:].split("=", 1) for a in sys.argv[4:] if a.startswith("-D") and "=" in a)
	def bound(name, default):
	    return float(args.get("load." + name, default))
	rows = list(csv.DictReader(open(sys.argv[2])))
	retained = max((float(r.get("heap_retained_max_mib") or 0) for r in rows), default=0)
	used = max((float(r.get("heap_used_mib") or 0) for r in rows), default=0)
	max_heap = float(sys.argv[3])
	checks = [
	    ("room answers p99 (503 WAITING_ROOM and polls)", float(result.get("room.p99Ms", 0)), bound("roomP99Ms", 50), "ms"),
	    ("admitted starts p99", float(result.get("start.admitted.p99Ms", 0)), bound("admittedP99Ms", 500), "ms"),
	    ("admissions out of arrival order by at most", float(result.get("room.orderInversionMs", 0)), bound("orderToleranceMs", 1000), "ms"),
	    ("heap retained after young collections, peak", retained, 0.75 * max_heap, "MiB"),
	]
	print(f"burst: {result.get('room.placesGiven', 0)} places given in line, {result.get('room.answers', 0)} room answers, "
	      f"{result.get('start.admitted', 0)} starts admitted; heap used peak {used:.0f} MiB of {max_heap:.0f} MiB (eden included)")
	failed = False
	for label, value, limit, unit in checks:
	    ok = value <= limit
	    failed |= not ok
	    print(f"burst bound {'ok  ' if ok else 'FAIL'} {label}: {value:.0f} {unit} (bound {limit:.0f} {unit})")
	sys.exit(1 if failed else 0)
	PY
fi
# --- the campaign day's sign-ins (issue 12): each timed whole, its waits after LOGIN_BUSY included
signin_status=0
if grep -q '^signIn.count=' "$run_dir/result.properties" 2>/dev/null; then
	python3 - "$run_dir/result.properties" "$simulation" "${gatling_args[@]}" <<-'PY' | tee -a "$run_dir/summary.txt" || signin_status=1
	import sys
	result = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
	args = dict(a[2:].split("=", 1) for a in sys.argv[3:] if a.startswith("-D") and "=" in a)
	p99, limit = float(result["signIn.p99Ms"]), float(args.get("load.loginP99Ms", 1000))
	gave_up = int(result.get("signIn.gaveUp", 0))
	print(f"sign-ins: {result['signIn.count']} signed in, {result['signIn.retried']} of them told LOGIN_BUSY "
	      f"and sent again; {gave_up} gave up; p99 {p99:.0f} ms, waits included")
	if gave_up:
	    print(f"sign-in bound FAIL: {gave_up} sign-ins ended without a session")
	if sys.argv[2] != "CampaignDay":
	    sys.exit(1 if gave_up else 0)
	print(f"campaign bound {'ok  ' if p99 <= limit else 'FAIL'} sign-in p99: {p99:.0f} ms (bound {limit:.0f} ms)")
	sys.exit(0 if p99 <= limit and not gave_up else 1)
	PY
fi
log "files: $run_dir; Gatling's report: ${report}index.html"
if [ "$gatling_status" -ne 0 ]; then
	echo "Gatling reported failed assertions or errors (exit $gatling_status): see $run_dir/gatling.log" >&2
	exit "$gatling_status"
fi
[ "$summary_status" -ne 0 ] && exit "$summary_status"
[ "$burst_status" -ne 0 ] && exit "$burst_status"
exit "$signin_status"
