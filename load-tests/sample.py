#!/usr/bin/env python3
"""Samples, once a second, the CPU used by the app replicas, PostgreSQL, Redis and the load
generator (Gatling's JVM), the machine's busy share, and each replica's heap (from jstat), until
it is stopped (SIGTERM) or three hours have passed. Usage: sample.py OUT.csv RUN_DIR"""
import glob
import os
import signal
import subprocess
import sys
import time

out_path, run_dir = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")
cores = os.cpu_count() or 1
stop = False


def on_term(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, on_term)


def app_pids():
    pids = set()
    for f in glob.glob(os.path.join(run_dir, "app-*.pid")):
        try:
            pids.add(int(open(f).read().strip()))
        except (OSError, ValueError):
            pass
    return pids


def processes():
    """pid -> (comm, cmdline, cpu ticks)"""
    found = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = open(f"/proc/{d}/stat").read()
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            ticks = int(fields[11]) + int(fields[12])
            cmd = open(f"/proc/{d}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
            found[int(d)] = (comm, cmd, ticks)
        except (OSError, ValueError, IndexError):
            pass
    return found


def group(pid, comm, cmd, apps):
    if pid in apps:
        return "app"
    if comm == "postgres":
        return "postgres"
    if comm.startswith("redis-server"):
        return "redis"
    if comm == "java" and "gatling" in cmd.lower():
        return "gatling"
    if comm == "nginx":
        return "nginx"
    return None


def machine():
    parts = open("/proc/stat").readline().split()[1:]
    values = [int(v) for v in parts]
    idle = values[3] + values[4]
    return sum(values), idle


jstats = {}  # pid -> (process, last line values)


def heap(pid):
    """Used and committed heap of a replica in MiB, from a jstat -gc process kept per pid."""
    if pid not in jstats:
        try:
            # the app's own JDK's jstat (run.sh sets it when APP_JAVA is another runtime)
            p = subprocess.Popen([os.environ.get("APP_JSTAT", "jstat"), "-gc", str(pid), "1000"], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
            os.set_blocking(p.stdout.fileno(), False)
            jstats[pid] = [p, None, None]
        except OSError:
            return None
    entry = jstats[pid]
    try:
        chunk = entry[0].stdout.read()
    except (OSError, TypeError):
        chunk = None
    if chunk:
        for line in chunk.splitlines():
            cols = line.split()
            if not cols:
                continue
            if cols[0] == "S0C":
                entry[1] = cols
            elif entry[1] and len(cols) == len(entry[1]):
                v = dict(zip(entry[1], (float(c) for c in cols)))
                used = v["S0U"] + v["S1U"] + v["EU"] + v["OU"]
                committed = v["S0C"] + v["S1C"] + v["EC"] + v["OC"]
                # what survives a young collection: the old generation and the survivors
                # (eden is garbage or about to be copied; its fill says nothing of queued work)
                retained = v["S0U"] + v["S1U"] + v["OU"]
                entry[2] = (used / 1024, committed / 1024, v.get("GCT", 0.0), retained / 1024)
    return entry[2]


groups = ["app", "postgres", "redis", "gatling", "nginx"]
with open(out_path, "w") as out:
    out.write("t,machine_busy_pct," + ",".join(f"{g}_cpu_pct" for g in groups)
              + ",heap_used_mib,heap_committed_mib,gc_seconds,heap_retained_max_mib\n")
    last = processes()
    last_total, last_idle = machine()
    started = time.time()
    while not stop and time.time() - started < 3 * 3600:
        time.sleep(1)
        now = processes()
        total, idle = machine()
        apps = app_pids()
        used = {g: 0 for g in groups}
        for pid, (comm, cmd, ticks) in now.items():
            g = group(pid, comm, cmd, apps)
            if g:
                before = last.get(pid, (comm, cmd, ticks))[2] if pid in last else ticks
                used[g] += ticks - before
        span = (total - last_total) or 1
        busy = 100.0 * (span - (idle - last_idle)) / span
        heaps = [heap(pid) for pid in sorted(apps)]
        heaps = [h for h in heaps if h]
        heap_used = sum(h[0] for h in heaps)
        heap_committed = sum(h[1] for h in heaps)
        gc = sum(h[2] for h in heaps)
        retained = max((h[3] for h in heaps), default=0)
        # ticks over the elapsed second, as a percentage of one core
        elapsed_ticks = span / cores
        out.write(f"{time.time() - started:.0f},{busy:.1f},"
                  + ",".join(f"{100.0 * used[g] / elapsed_ticks:.1f}" for g in groups)
                  + f",{heap_used:.0f},{heap_committed:.0f},{gc:.2f},{retained:.0f}\n")
        out.flush()
        last, last_total, last_idle = now, total, idle
for p, _, _ in jstats.values():
    p.terminate()
