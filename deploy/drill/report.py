"""The fault drill's verdict (deploy/drill/drill.sh): reads the load's events, the metric rows counted in
PostgreSQL, the token scan and Caddy's log, prints one summary line and, last, one JSON line, and exits 1
when a target is missed. The inputs come as environment variables (see drill.sh); the arithmetic is in
functions of plain data so that test_report.py can check it.

Events: one line per tool call, "startMillis endMillis tool outcome instance" (DrillLoad.java); outcome "ok"
or why it failed, instance the one whose answer it was ("-": no instance answered)."""
import json
import os
import re
import sys
from collections import Counter, namedtuple

Call = namedtuple("Call", "start end tool outcome instance")

KILLED = "mcp-1"


def read_events(path):
    calls = []
    for line in open(path):
        words = line.split()
        if len(words) == 4:  # a load generator from before the instance column
            words.append("-")
        calls.append(Call(int(words[0]), int(words[1]), words[2], words[3], words[4]))
    return calls


def overlapping(calls, a, b):
    return [c for c in calls if c.start <= b and c.end >= a]


def percentile(values, p):
    if not values:
        return 0
    values = sorted(values)
    return values[max(0, min(len(values) - 1, -(-p * len(values) // 100) - 1))]


def sigkill(calls, signal_at, exit_at, until):
    """What the SIGKILL cost. Calls started after the process was gone must all succeed (the proxy sends them
    to the other instance); calls started between the signal and that moment were still accepted by the
    dying instance's kernel and are counted with those in flight."""
    failed = [c for c in overlapping(calls, signal_at, until) if c.outcome != "ok"]
    in_flight = [c for c in calls if c.start <= signal_at <= c.end]
    started_while_dying = [c for c in calls if signal_at < c.start <= exit_at]
    return {
        "failed": len(failed),
        "failedByReason": dict(Counter(c.outcome for c in failed)),
        "inFlight": len(in_flight),
        "inFlightAnsweredByOthers": len([c for c in in_flight if c.outcome == "ok"]),
        "dyingMs": exit_at - signal_at,
        "startedWhileDying": len(started_while_dying),
        "failedInFlight": len([c for c in failed if c.start <= signal_at]),
        "failedStartedAfterKill": len([c for c in failed if c.start > signal_at]),
        "failedStartedWhileDying": len([c for c in failed if signal_at < c.start <= exit_at]),
        "failedStartedAfterExit": len([c for c in failed if c.start > exit_at]),
        "note": "inFlight: tool calls in flight on the whole cluster at the signal (those on the killed node are a"
                " part); startedWhileDying: started after the signal, before the process was gone",
    }


def metrics(calls, rows, rows_by_instance, killed_rows_before_exit, exit_at, lost_reported):
    """Metric rows against the calls the instances answered. The one expected shortfall is the rows the
    SIGKILLed instance still held in memory: its answered calls up to its death minus the rows it wrote."""
    answered = [c for c in calls if c.instance != "-"]
    answered_by = Counter(c.instance for c in answered)
    killed_answered = len([c for c in answered if c.instance == KILLED and c.end <= exit_at])
    lost_with_killed = max(0, killed_answered - killed_rows_before_exit)
    expected = len(answered)
    return {
        "rows": rows,
        "expected": expected,
        "succeededCalls": len([c for c in calls if c.outcome == "ok"]),
        "lostWithKilledInstance": lost_with_killed,
        "unexplained": expected - lost_with_killed - rows,
        "byInstance": {name: {"answered": answered_by.get(name, 0), "rows": rows_by_instance.get(name, 0)}
                       for name in sorted(set(answered_by) | set(rows_by_instance))},
        "killedInstanceBeforeExit": {"answered": killed_answered, "rows": killed_rows_before_exit},
        "lostReported": lost_reported,
        "note": "expected: tool calls an instance answered (each leaves one row); rows + lostWithKilledInstance"
                " must equal expected",
    }


def proxy_errors(caddy_log_lines, since_millis, ports):
    """Caddy's own account of the calls it could not complete, by message (instance ports named)."""
    counts = Counter()
    for line in caddy_log_lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("logger") != "http.log.error" or entry.get("ts", 0) * 1000 < since_millis:
            continue
        message = entry.get("msg", "?")
        for name, port in ports.items():
            message = message.replace("127.0.0.1:" + port, name)
        message = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:*", message)
        counts["%s %s" % (entry.get("status", "?"), message)] += 1
    return dict(counts)


def verdict(report):
    problems = []
    if report["rollingRestart"]["failed"]:
        problems.append("rolling restart failed calls")
    if report["dbRestart"]["failed"]:
        problems.append("database restart failed calls")
    kill = report["sigkill"]
    if kill["failedStartedAfterExit"]:
        problems.append("SIGKILL: calls started after the instance was gone failed")
    if kill["failed"] > kill["inFlight"] + kill["startedWhileDying"]:
        problems.append("SIGKILL failures beyond the calls in flight")
    if report["otherFailures"]:
        problems.append("failures outside the faults")
    if report["metrics"]["unexplained"]:
        problems.append("metric rows do not add up")
    if report["tokenLeaks"]:
        problems.append("API keys found")
    if report["tokens"]["missing"]:
        problems.append("files to scan for keys missing")
    return "PASS" if not problems else "FAIL: " + ", ".join(problems)


def main():
    e = os.environ
    calls = read_events(e["EVENTS"])
    ok = [c for c in calls if c.outcome == "ok"]
    failed = [c for c in calls if c.outcome != "ok"]
    kill_at, kill_exit = int(e["KILL_AT"]), int(e["KILL_EXIT"])
    term_at, db_at = int(e["TERM_AT"]), int(e["DB_AT"])
    rolling_failed = [c for c in overlapping(failed, term_at, int(e["TERM_UNTIL"]))]
    db_failed = [c for c in overlapping(failed, db_at, int(e["DB_UNTIL"]))]
    sigkill_failed = overlapping(failed, kill_at, int(e["KILL_UNTIL"]))
    attributed = set(sigkill_failed + rolling_failed + db_failed)
    rows_by_instance = {}
    for line in open(e["ROWS_BY_INSTANCE"]):
        if line.strip():
            name, count = line.rsplit(" ", 1)
            rows_by_instance[name] = int(count)
    key_hits = {}
    for line in open(e["KEY_HITS"]):
        if line.strip():
            path, count = line.rsplit(" ", 1)
            key_hits[path] = int(count)
    ports = dict(pair.split("=") for pair in e["PORTS"].split())
    caddy_lines = open(e["CADDY_LOG"], errors="replace").readlines() if os.path.exists(e["CADDY_LOG"]) else []
    report = {
        "clients": int(e["CLIENTS"]),
        "seconds": round((int(e["T1"]) - int(e["T0"])) / 1000),
        "calls": {"sent": len(calls), "succeeded": len(ok), "failed": len(failed),
                  "failedByReason": dict(Counter(c.outcome for c in failed)),
                  "p50Ms": percentile([c.end - c.start for c in ok], 50),
                  "p99Ms": percentile([c.end - c.start for c in ok], 99),
                  "servedBy": dict(Counter(c.instance for c in ok))},
        "rollingRestart": {"failed": len(rolling_failed), "failedByReason": dict(Counter(c.outcome for c in rolling_failed))},
        "sigkill": sigkill(calls, kill_at, kill_exit, int(e["KILL_UNTIL"])),
        "dbRestart": {"failed": len(db_failed), "failedByReason": dict(Counter(c.outcome for c in db_failed))},
        "otherFailures": len([c for c in failed if c not in attributed]),
        "metrics": metrics(calls, int(e["ROWS"]), rows_by_instance, int(e["KILLED_ROWS"] or 0), kill_exit,
                           int(e["LOST"] or 0)),
        "proxyErrors": proxy_errors(caddy_lines, int(e["T0"]), ports),
        "tokenLeaks": sum(key_hits.values()),
        "tokens": {"where": key_hits, "scanned": e["SCANNED"].split(), "missing": e["MISSING"].split()},
    }
    report["verdict"] = verdict(report)
    c, k, m = report["calls"], report["sigkill"], report["metrics"]
    print("drill: %d calls, %d failed %s; rolling restart %d failed; SIGKILL %d failed (%d in flight on the cluster, "
          "%d started while it died in %d ms, %d failed after it was gone); DB restart %d failed; metric rows %d of %d "
          "expected (lost with the killed instance %d, unexplained %d, lost reported %d); token leaks %d; %s" % (
              c["sent"], c["failed"], c["failedByReason"], report["rollingRestart"]["failed"], k["failed"],
              k["inFlight"], k["startedWhileDying"], k["dyingMs"], k["failedStartedAfterExit"],
              report["dbRestart"]["failed"], m["rows"], m["expected"], m["lostWithKilledInstance"], m["unexplained"],
              m["lostReported"], report["tokenLeaks"], report["verdict"]))
    line = json.dumps(report, separators=(",", ":"))
    open(e["REPORT"], "w").write(line + "\n")
    print(line)
    return 0 if report["verdict"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
