#!/usr/bin/env python3
"""Prints a load run's summary from Gatling's report, the run's own counts, the resource samples
and what PostgreSQL and Redis hold, and exits 1 if the reconciliation fails: every submission
Gatling saw accepted must be in PostgreSQL, and counted once in Redis."""
import argparse
import csv
import os
import re
import sys

a = argparse.ArgumentParser()
for name in ["report", "result", "warmup", "samples", "gatling-log", "pg", "redis-board", "redis-counter",
             "pg-statements", "redis-commands", "faults", "seconds", "simulation", "commit", "java-opts",
             "replicas", "cluster", "app-logs"]:
    a.add_argument("--" + name, default="")
args = a.parse_args()


def props(path):
    values = {}
    if path and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                k, v = line.strip().split("=", 1)
                values[k] = v
    return values


def n(value):
    return f"{value:,.0f}"


run, warm = props(args.result), props(args.warmup)
seconds = float(args.seconds or 0)
print(f"== {args.simulation} · commit {args.commit} · {args.replicas} replica(s)"
      + (" · Redis Cluster" if args.cluster == "true" else "") + f" · app JVM {args.java_opts}")

# --- Gatling's figures (from its HTML report's statistics table) ------------------------------
# columns: total, OK, KO, KO %, per second, min, p50, p75, p95, p99, max, mean, std dev
index = os.path.join(args.report or "", "index.html")
requests = {}
if os.path.exists(index):
    html = open(index, encoding="utf-8").read()
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        name = re.search(r'class="ellipsed-name">([^<]+)</span>', row)
        cols = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
        if name and cols:
            def num(c):
                v = cols.get(str(c), "-").replace(",", "")
                return float(v) if v not in ("-", "") else 0.0
            requests[name.group(1)] = {"count": num(2), "ko": num(4), "rps": num(6), "p50": num(8), "p95": num(10),
                                       "p99": num(11), "max": num(12)}
else:
    print(f"(no Gatling report at {index})")
overall = requests.pop("All Requests", None)
if overall:
    print(f"requests      {n(overall['count'])} in {seconds:.0f} s of simulation "
          f"({overall['rps']:.1f} req/s, Gatling's mean), failed {n(overall['ko'])}")
if run:
    completed = int(run.get("journeys.completed", 0))
    print(f"entrants      {n(int(run.get('entrants', 0)))} arrived, {n(completed)} journeys completed "
          f"({completed / seconds if seconds else 0:.1f} journeys/s over the run)")
if requests:
    print(f"{'request':<20}{'count':>9}{'ko':>7}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}  ms")
    for name, s in sorted(requests.items(), key=lambda kv: -kv[1]["count"]):
        print(f"{name:<20}{n(s['count']):>9}{n(s['ko']):>7}{s['rps']:>8.1f}{s['p50']:>7.0f}{s['p95']:>7.0f}"
              f"{s['p99']:>7.0f}{s['max']:>7.0f}")

# --- resources ---------------------------------------------------------------------------------
if args.samples and os.path.exists(args.samples):
    rows = list(csv.DictReader(open(args.samples)))
    busy_rows = [r for r in rows if float(r["app_cpu_pct"]) > 5] or rows
    if rows:
        def mean(col):
            return sum(float(r[col]) for r in busy_rows) / len(busy_rows)

        def peak(col):
            return max(float(r[col]) for r in rows)
        print(f"CPU           mean % of one core while busy: app {mean('app_cpu_pct'):.0f} (peak {peak('app_cpu_pct'):.0f}), "
              f"PostgreSQL {mean('postgres_cpu_pct'):.0f}, Redis {mean('redis_cpu_pct'):.0f}, "
              f"Gatling {mean('gatling_cpu_pct'):.0f}, nginx {mean('nginx_cpu_pct'):.0f}; "
              f"machine {mean('machine_busy_pct'):.0f} % busy")
        journeys = int(run.get("journeys.completed", 0)) if run else 0
        if journeys:
            # one sample a second: the sum of the percentages is the CPU time in centiseconds
            def per_journey(col):
                return sum(float(r[col]) for r in rows) * 10 / journeys
            print(f"CPU/journey   app {per_journey('app_cpu_pct'):.2f} ms, PostgreSQL {per_journey('postgres_cpu_pct'):.2f} ms, "
                  f"Redis {per_journey('redis_cpu_pct'):.2f} ms, Gatling {per_journey('gatling_cpu_pct'):.2f} ms "
                  f"(over {n(journeys)} journeys)")
        gc = [float(r["gc_seconds"]) for r in rows if float(r["gc_seconds"]) > 0]
        print(f"app heap      peak used {peak('heap_used_mib'):.0f} MiB (committed {peak('heap_committed_mib'):.0f} MiB), "
              f"GC time {max(gc) - min(gc) if gc else 0:.2f} s during the run")

# --- cost per attempt --------------------------------------------------------------------------
starts = int(run.get("starts.accepted", 0)) if run else 0
submits = int(run.get("submissions.accepted", 0)) if run else 0
if starts and args.pg_statements and os.path.exists(args.pg_statements):
    rows = [line.rstrip("\n").split("\t") for line in open(args.pg_statements, encoding="utf-8") if line.strip()]
    calls = sum(int(r[0]) for r in rows)
    print(f"PostgreSQL    {n(calls)} statements ({calls / starts:.1f} per attempt started and submitted); top:")
    for r in rows[:12]:
        print(f"  {int(r[0]) / starts:6.2f}/attempt  {r[2][:110]}")
if starts and args.redis_commands and os.path.exists(args.redis_commands):
    commands = {}
    for line in open(args.redis_commands):
        m = re.match(r"cmdstat_([^:]+):calls=(\d+)", line)
        if m:
            commands[m.group(1)] = commands.get(m.group(1), 0) + int(m.group(2))
    busy = {k: v for k, v in commands.items() if k not in ("config", "info", "ping")}
    total = sum(busy.values())
    listed = ", ".join(f"{k} {v / starts:.2f}" for k, v in sorted(busy.items(), key=lambda kv: -kv[1])[:10])
    print(f"Redis         {n(total)} commands ({total / starts:.1f} per attempt): {listed}")

# --- faults ------------------------------------------------------------------------------------
if args.faults and os.path.exists(args.faults):
    for line in open(args.faults):
        print("fault         " + line.rstrip())
# the app's 503s (a store away), by when they came: a fault's should all fall inside its window
if args.app_logs:
    unavailable = []
    for path in args.app_logs.split(","):
        if os.path.exists(path):
            for line in open(path, encoding="utf-8", errors="replace"):
                m = re.match(r"\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)\S*\s+WARN .*Unavailable on (\S+):", line)
                if m:
                    unavailable.append((m.group(1), m.group(2)))
    if unavailable:
        kinds = {}
        for _, path in unavailable:
            kind = path.rstrip("/").rsplit("/", 1)[-1] if "/api/attempts/" in path else path
            kinds[kind] = kinds.get(kind, 0) + 1
        listed = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:6])
        print(f"503s (app)    {n(len(unavailable))} from {min(t for t, _ in unavailable)} to "
              f"{max(t for t, _ in unavailable)}: {listed}")
    else:
        print("503s (app)    none")
if args.gatling_log and os.path.exists(args.gatling_log):
    text = open(args.gatling_log, encoding="utf-8", errors="replace").read()
    errors = text.rsplit("---- Errors ----", 1)
    if len(errors) == 2:
        print("errors (Gatling):")
        for line in errors[1].splitlines()[1:12]:
            if line.startswith("=") or not line.strip():
                break
            print("  " + line.strip())

# --- reconciliation ----------------------------------------------------------------------------
ok = True
if run and args.pg:
    pg_attempts, pg_people, pg_perfect, pg_high = (int(v) for v in args.pg.split())
    g_attempts = int(run.get("submissions.accepted", 0)) + int(warm.get("submissions.accepted", 0))
    g_people = int(run.get("people.accepted", 0)) + int(warm.get("people.accepted", 0))
    r_counter, r_board = int(args.redis_counter or 0), int(args.redis_board or 0)
    attempts_ok = g_attempts == pg_attempts == r_counter
    people_ok = g_people == pg_people == r_board
    ok = attempts_ok and people_ok
    print(f"reconciliation submissions accepted (warm-up included): Gatling {n(g_attempts)} = PostgreSQL {n(pg_attempts)}"
          f" = Redis live counter {n(r_counter)} {'OK' if attempts_ok else 'MISMATCH'}")
    print(f"               people with a submission: Gatling {n(g_people)} = PostgreSQL {n(pg_people)}"
          f" = Redis leaderboard {n(r_board)} {'OK' if people_ok else 'MISMATCH'}")
    if pg_attempts:
        print(f"scores        PostgreSQL: 20/20 {100.0 * pg_perfect / pg_attempts:.1f} %, "
              f"≥15/20 {100.0 * pg_high / pg_attempts:.1f} % (the reference campaign: 15.9 %, 53.27 %)")
sys.exit(0 if ok else 1)
