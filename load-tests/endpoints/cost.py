"""What each citizen endpoint costs the app, in µs of its CPU per request.

Makes N starts (8 connections at once), then their N submissions, ranks, board reads and
contest-page reads, and prints, for each phase, the app process's CPU (user + system, from
/proc) divided by the requests. Repeat rounds to watch the JIT settle: a start's cost falls for
about 15,000 requests.

    python3 load-tests/endpoints/cost.py --port 8090 --pid PID [--requests 1500] [--rounds 10]

The app must run on this machine (its /proc is read) with the waiting room off and one trusted
proxy hop (each start comes from its own X-Forwarded-For address, so the per-address start limit
does not refuse them): see ab.sh beside this file.
"""
import argparse
import http.client
import json
import os
import random
import threading
import time

CONNECTIONS = 8
TICK_US = 1_000_000 / os.sysconf("SC_CLK_TCK")


def app_cpu_us(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_US


def request(connection, method, path, body=None, headers=None):
    sent = {"Content-Type": "application/json", "Accept": "application/json", "Accept-Language": "vi"}
    sent.update(headers or {})
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=sent)
    response = connection.getresponse()
    data = response.read()
    try:
        answer = json.loads(data) if data else {}
    except ValueError:
        answer = {}
    if not isinstance(answer, dict):
        answer = {"items": answer}
    answer["_status"] = response.status
    return answer


def phase(args, name, items, call):
    """Calls `call(connection, item)` for every item over CONNECTIONS connections; prints the cost."""
    answers = [None] * len(items)
    next_item = iter(range(len(items)))
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", args.port)
        while True:
            with lock:
                index = next(next_item, None)
            if index is None:
                return
            answers[index] = call(connection, items[index])

    cpu_before, wall_before = app_cpu_us(args.pid), time.time()
    workers = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    cpu_after, wall_after = app_cpu_us(args.pid), time.time()
    failed = sum(1 for a in answers if a is None or a["_status"] >= 300)
    print(f"{time.strftime('%H:%M:%S', time.gmtime(wall_before))} {name:8s} {len(items)} in "
          f"{wall_after - wall_before:.1f} s: app CPU {(cpu_after - cpu_before) / len(items):.0f} us each, "
          f"failed {failed}", flush=True)
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the app's process id")
    parser.add_argument("--requests", type=int, default=1500, help="starts per round")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--contest", default="luat-htx-2023")
    args = parser.parse_args()
    slug = args.contest
    contest = request(http.client.HTTPConnection("127.0.0.1", args.port), "GET", f"/api/contests/{slug}")
    units = [unit["code"] for unit in contest["units"]]
    districts = contest["districts"]
    # phones, keys and addresses of this run: another run on the same data starts new people
    run = random.randint(10**7, 9 * 10**7)

    def start(connection, i):
        body = {"fullName": "Nguyễn Văn An", "phone": "09%08d" % ((run + i) % 10**8),
                "unitCode": random.choice(units), "district": random.choice(districts), "birthYear": 1990,
                "consent": True, "consentVersion": contest.get("consentVersion")}
        return request(connection, "POST", f"/api/contests/{slug}/attempts", body,
                       {"Idempotency-Key": f"k{run}-{i}", "X-Device-Id": f"d{i}",
                        "X-Forwarded-For": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}"})

    def submit(connection, started):
        answers = [{"questionId": q["id"], "optionId": random.choice(q["options"])["id"]}
                   for q in started["questions"]]
        return request(connection, "POST", f"/api/attempts/{started['attemptId']}/submission",
                       {"answers": answers, "prediction": 4700}, {"X-Attempt-Token": started["token"]})

    def rank(connection, started):
        return request(connection, "GET", f"/api/attempts/{started['attemptId']}/rank", None,
                       {"X-Attempt-Token": started["token"]})

    def board(connection, _):
        return request(connection, "GET", f"/api/contests/{slug}/leaderboard")

    def page(connection, _):
        return request(connection, "GET", f"/api/contests/{slug}")

    for round_number in range(args.rounds):
        if args.rounds > 1:
            print("round", round_number + 1, flush=True)
        first = round_number * args.requests
        starts = phase(args, "start", list(range(first, first + args.requests)), start)
        started = [s for s in starts if s and s["_status"] in (200, 201)]
        phase(args, "submit", started, submit)
        phase(args, "rank", started, rank)
        phase(args, "board", started, board)
        phase(args, "page", started, page)


if __name__ == "__main__":
    main()
