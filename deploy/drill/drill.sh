#!/usr/bin/env bash
# The fault drill (deploy/local-cluster.sh drill): 64 simulated MCP clients (search + execute against the
# sandbox upstream) through Caddy for at least 3 minutes while, one after the other,
#   1. mcp-1 is SIGKILLed and started again,
#   2. mcp-2 is stopped gracefully (SIGTERM) and started again (a rolling restart),
#   3. PostgreSQL is restarted.
# Then it counts the metric rows the shared database holds for the drill's calls, and looks for the drill's
# API keys in a dump of the database and in every log (Payara, Caddy, PostgreSQL). Prints one summary line
# and, last, one JSON line. Exit 0 when the targets hold: no failed call in the rolling restart or the
# database restart; after the SIGKILL only calls in flight at the signal failed (no more than were in
# flight); no failure outside the faults; no key anywhere. Missing metric rows are reported (the SIGKILLed
# instance loses the rows it had not yet written), not judged.
#
# Settings: CLIENTS (64), TENANTS (8), MIN_SECONDS (180), THINK_MS (200), KEEP=1 leaves the cluster running afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CLUSTER=deploy/local-cluster.sh
STATE=.run/cluster
OUT=$STATE/drill
CLIENTS=${CLIENTS:-64}
MIN_SECONDS=${MIN_SECONDS:-180}
THINK_MS=${THINK_MS:-200}
now_ms() { date +%s%3N; }
log() { echo "[drill] $(date -u +%H:%M:%S) $*" >&2; }

started_cluster=0
if ! { [ -f "$STATE/ports.env" ] && "$CLUSTER" status 2>/dev/null | grep -q '"proxy": {"pid": [0-9]'; }; then
  "$CLUSTER" up >&2
  started_cluster=1
fi
load_pid=
finish() {
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  if [ "$started_cluster" = 1 ] && [ "${KEEP:-0}" != 1 ]; then "$CLUSTER" down >&2 || true; fi
}
trap finish EXIT
# shellcheck disable=SC1090
source "$STATE/ports.env"
rm -rf "$OUT"; mkdir -p "$OUT"
RUN_ID=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
KEY_PREFIX="drill-$RUN_ID"
# the clients are spread over TENANTS tenants (Host drill-t0… of the tenant domain): 64 assistants of one
# tenant would hit the per-tenant bound of concurrent upstream calls (MCP_TENANT_CONCURRENCY) by design
TENANTS=${TENANTS:-8}
for t in $(seq 0 $((TENANTS - 1))); do echo "127.0.0.1 drill-t$t.$TENANT_DOMAIN"; done >"$OUT/hosts"
CA="$STATE/caddy/data/caddy/pki/authorities/local/root.crt"

T0=$(now_ms)
log "load: $CLIENTS clients of $TENANTS tenants, at least $MIN_SECONDS s, through https://drill-t*.$TENANT_DOMAIN:$FRONT_PORT/mcp"
java -Xmx512m -Djdk.net.hosts.file="$OUT/hosts" deploy/drill/DrillLoad.java \
  --url "https://{tenant}.$TENANT_DOMAIN:$FRONT_PORT/mcp" --tenants "$TENANTS" --tenant-prefix drill-t \
  --ca "$CA" --clients "$CLIENTS" --min-seconds "$MIN_SECONDS" \
  --think-ms "$THINK_MS" --stop-file "$OUT/stop" --events "$OUT/events.txt" --key-prefix "$KEY_PREFIX" \
  >"$OUT/load.log" 2>&1 &
load_pid=$!

# the faults, one after the other, once the clients are running (polls, no fixed synchronisation sleeps)
for _ in $(seq 300); do
  [ "$(awk '$4 == "ok"' "$OUT/events.txt" 2>/dev/null | wc -l)" -ge "$CLIENTS" ] && break
  kill -0 "$load_pid" 2>/dev/null || { cat "$OUT/load.log" >&2; exit 1; }
  sleep 1
done
sleep 15   # steady load before the first fault

log "SIGKILL mcp-1"
"$CLUSTER" kill mcp-1 >&2
KILL_AT=$(cat "$STATE/last-fault.ms")   # the moment the signal was sent
"$CLUSTER" start mcp-1 >&2
KILL_UNTIL=$(( $(now_ms) + 5000 ))   # and until Caddy's next health checks have seen it back
sleep 15

log "rolling restart: SIGTERM mcp-2, then start it"
"$CLUSTER" stop mcp-2 >&2
TERM_AT=$(cat "$STATE/last-fault.ms")
"$CLUSTER" start mcp-2 >&2
TERM_UNTIL=$(( $(now_ms) + 5000 ))
sleep 15

log "restart PostgreSQL"
"$CLUSTER" restart-db >&2
DB_AT=$(cat "$STATE/last-fault.ms")
DB_UNTIL=$(( $(now_ms) + 15000 ))   # the recorders reopen the database within a few seconds
sleep 20

touch "$OUT/stop"
wait "$load_pid" || { cat "$OUT/load.log" >&2; exit 1; }
load_pid=
T1=$(now_ms)
log "load stopped; waiting for the recorders to write everything"

rows_since() { "$CLUSTER" sql "SELECT COUNT(*) FROM call_metric WHERE called_at >= to_timestamp($1 / 1000.0) AT TIME ZONE 'UTC'"; }
previous=-1; rows=0
for _ in $(seq 60); do
  rows=$(rows_since "$T0" 2>/dev/null || echo -1)
  [ "$rows" = "$previous" ] && [ "$rows" != -1 ] && break
  previous=$rows
  sleep 3
done
"$CLUSTER" sql "SELECT COALESCE(instance, 'unknown') || ' ' || COUNT(*) FROM call_metric WHERE called_at >= to_timestamp($T0 / 1000.0) AT TIME ZONE 'UTC' GROUP BY instance" >"$OUT/rows-by-instance.txt"
"$CLUSTER" sql "SELECT COALESCE(SUM(lost_rows), 0) FROM recording_loss WHERE reported_at >= to_timestamp($T0 / 1000.0) AT TIME ZONE 'UTC'" >"$OUT/lost.txt"

# the keys the drill used: none may be in the database or in any log (the sandbox is the upstream: it
# receives them by design, so its log is not searched)
"$CLUSTER" dump >"$OUT/metrics-dump.sql"
mapfile -t LOGS < <("$CLUSTER" logs | grep -v '/sandbox.log$')
KEY_HITS=$(grep -l -F "$KEY_PREFIX" "$OUT/metrics-dump.sql" "${LOGS[@]}" 2>/dev/null | tr '\n' ' ' || true)
SCANNED="$OUT/metrics-dump.sql ${LOGS[*]}"

EVENTS="$OUT/events.txt" T0="$T0" T1="$T1" KILL_AT="$KILL_AT" KILL_UNTIL="$KILL_UNTIL" TERM_AT="$TERM_AT" \
TERM_UNTIL="$TERM_UNTIL" DB_AT="$DB_AT" DB_UNTIL="$DB_UNTIL" ROWS="$rows" ROWS_BY_INSTANCE="$OUT/rows-by-instance.txt" \
LOST="$(cat "$OUT/lost.txt")" KEY_HITS="$KEY_HITS" SCANNED="$SCANNED" CLIENTS="$CLIENTS" REPORT="$OUT/report.json" \
python3 - <<'PY'
import json, os, sys
e = os.environ
calls = []
for line in open(e["EVENTS"]):
    start, end, tool, outcome = line.split()
    calls.append((int(start), int(end), tool, outcome))
ok = [c for c in calls if c[3] == "ok"]
failed = [c for c in calls if c[3] != "ok"]
def by_reason(cs):
    reasons = {}
    for c in cs:
        reasons[c[3]] = reasons.get(c[3], 0) + 1
    return reasons
def overlapping(cs, a, b):
    return [c for c in cs if c[0] <= b and c[1] >= a]
def percentile(values, p):
    if not values:
        return 0
    values = sorted(values)
    return values[max(0, min(len(values) - 1, -(-p * len(values) // 100) - 1))]
kill_at, term_at, db_at = int(e["KILL_AT"]), int(e["TERM_AT"]), int(e["DB_AT"])
sigkill_failed = overlapping(failed, kill_at, int(e["KILL_UNTIL"]))
in_flight = [c for c in calls if c[0] <= kill_at <= c[1]]
rolling_failed = overlapping(failed, term_at, int(e["TERM_UNTIL"]))
db_failed = overlapping(failed, db_at, int(e["DB_UNTIL"]))
attributed = set(map(id, sigkill_failed + rolling_failed + db_failed))
latencies = [c[1] - c[0] for c in ok]
rows = int(e["ROWS"])
by_instance = {}
for line in open(e["ROWS_BY_INSTANCE"]):
    if line.strip():
        name, count = line.rsplit(" ", 1)
        by_instance[name] = int(count)
keys_found = e["KEY_HITS"].split()
report = {
    "clients": int(e["CLIENTS"]),
    "seconds": round((int(e["T1"]) - int(e["T0"])) / 1000),
    "calls": {"sent": len(calls), "succeeded": len(ok), "failed": len(failed),
              "failedByReason": by_reason(failed), "p50Ms": percentile(latencies, 50), "p99Ms": percentile(latencies, 99)},
    "rollingRestart": {"failed": len(rolling_failed), "failedByReason": by_reason(rolling_failed)},
    "sigkill": {"failed": len(sigkill_failed), "inFlight": len(in_flight), "failedByReason": by_reason(sigkill_failed),
                "failedInFlight": len([c for c in sigkill_failed if c[0] <= kill_at]),
                "failedStartedLater": len([c for c in sigkill_failed if c[0] > kill_at]),
                "note": "inFlight: tool calls in flight on the whole cluster at the kill (those on the killed node are a part)"},
    "dbRestart": {"failed": len(db_failed), "failedByReason": by_reason(db_failed)},
    "otherFailures": len([c for c in failed if id(c) not in attributed]),
    "metrics": {"rows": rows, "succeededCalls": len(ok), "missing": max(0, len(ok) - rows),
                "rowsByInstance": by_instance, "lostReported": int(e["LOST"] or 0)},
    "tokens": {"keysFound": len(keys_found), "where": keys_found, "scanned": e["SCANNED"].split()},
}
problems = []
if report["rollingRestart"]["failed"]:
    problems.append("rolling restart failed calls")
if report["dbRestart"]["failed"]:
    problems.append("database restart failed calls")
if report["sigkill"]["failed"] > report["sigkill"]["inFlight"]:
    problems.append("SIGKILL failures beyond the calls in flight")
if report["sigkill"]["failedStartedLater"]:
    problems.append("SIGKILL: calls started after the signal failed")
if report["otherFailures"]:
    problems.append("failures outside the faults")
if keys_found:
    problems.append("API keys found")
report["verdict"] = "PASS" if not problems else "FAIL: " + ", ".join(problems)
c = report["calls"]
print("drill: %d calls, %d failed %s; rolling restart %d failed; SIGKILL %d failed (%d in flight); DB restart %d failed; "
      "metric rows %d of %d succeeded (by instance %s, lost %d); keys found %d; %s" % (
      c["sent"], c["failed"], c["failedByReason"], report["rollingRestart"]["failed"], report["sigkill"]["failed"],
      report["sigkill"]["inFlight"], report["dbRestart"]["failed"], rows, len(ok), by_instance,
      report["metrics"]["lostReported"], len(keys_found), report["verdict"]))
line = json.dumps(report, separators=(",", ":"))
open(e["REPORT"], "w").write(line + "\n")
print(line)
sys.exit(0 if not problems else 1)
PY
