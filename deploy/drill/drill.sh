#!/usr/bin/env bash
# The fault drill (deploy/local-cluster.sh drill): 64 simulated MCP clients (search + execute against the
# sandbox upstream) through Caddy for at least 3 minutes while, one after the other,
#   1. mcp-1 is SIGKILLed and started again,
#   2. mcp-2 is stopped gracefully (SIGTERM) and started again (a rolling restart),
#   3. PostgreSQL is restarted.
# Then it counts the metric rows the shared database holds for the drill's calls, and looks for the drill's
# API keys in a dump of the database and in every log (Payara, Caddy, PostgreSQL). Prints one summary line
# and, last, one JSON line (deploy/drill/report.py). Exit 0 when the targets hold: no failed call in the
# rolling restart or the database restart; after the SIGKILL no failed call that started once the killed
# process was gone, and no more failures than calls in flight at the signal plus those its kernel still
# accepted while it died; no failure outside the faults; metric rows plus the rows the killed instance
# still held in memory equal the calls the instances answered; no key anywhere ("tokenLeaks": 0).
#
# Settings: CLIENTS (64), TENANTS (8), MIN_SECONDS (180), THINK_MS (200), KEEP=1 leaves the cluster running afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source "$ROOT/deploy/jdk.sh"
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
# tenant would wait in line behind the per-tenant bound of concurrent upstream calls (MCP_TENANT_CONCURRENCY, 16)
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

# what the instance about to die and the database are doing: explains the metric rows it takes with it
"$CLUSTER" sql "SELECT application_name || ' ' || COALESCE(client_port::text, '-') || ' ' || state || ' ' || COALESCE(wait_event_type || ':' || wait_event, '-') || ' xact ' || COALESCE((now() - xact_start)::text, '-') || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 100) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" >"$OUT/db-activity-before-kill.txt" 2>&1 || true
jcmd "$(cat "$STATE/mcp-1.pid")" Thread.print >"$OUT/mcp-1-threads-before-kill.txt" 2>&1 || true
log "SIGKILL mcp-1"
"$CLUSTER" kill mcp-1 >&2
KILL_AT=$(cat "$STATE/last-fault.ms")   # the moment the signal was sent
KILL_EXIT=$(cat "$STATE/last-exit.ms")  # the moment the process was gone (its sockets closed)
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
# the rows the SIGKILLed instance had written before it died (its second life starts minutes later)
"$CLUSTER" sql "SELECT COUNT(*) FROM call_metric WHERE instance = 'mcp-1' AND called_at >= to_timestamp($T0 / 1000.0) AT TIME ZONE 'UTC' AND called_at < to_timestamp($KILL_EXIT / 1000.0) AT TIME ZONE 'UTC'" >"$OUT/killed-rows.txt"

# the keys the drill used: none may be in the database or in any log (the sandbox is the upstream: it
# receives them by design, so its log is not searched)
"$CLUSTER" dump >"$OUT/metrics-dump.sql"
mapfile -t LOGS < <("$CLUSTER" logs | grep -v '/sandbox.log$')
SCANNED=("$OUT/metrics-dump.sql" "${LOGS[@]}")
MISSING=""
for file in "${SCANNED[@]}"; do [ -s "$file" ] || MISSING+="$file "; done
# every occurrence of any of the drill's keys (they all start with the run's prefix), file by file
: >"$OUT/key-hits.txt"
for file in "${SCANNED[@]}"; do
  hits=$( (grep -o -F "$KEY_PREFIX" "$file" 2>/dev/null || true) | wc -l)
  if [ "$hits" -gt 0 ]; then echo "$file $hits" >>"$OUT/key-hits.txt"; fi
done

EVENTS="$OUT/events.txt" T0="$T0" T1="$T1" KILL_AT="$KILL_AT" KILL_UNTIL="$KILL_UNTIL" TERM_AT="$TERM_AT" \
TERM_UNTIL="$TERM_UNTIL" DB_AT="$DB_AT" DB_UNTIL="$DB_UNTIL" ROWS="$rows" ROWS_BY_INSTANCE="$OUT/rows-by-instance.txt" \
LOST="$(cat "$OUT/lost.txt")" KEY_HITS="$OUT/key-hits.txt" SCANNED="${SCANNED[*]}" MISSING="$MISSING" CLIENTS="$CLIENTS" \
REPORT="$OUT/report.json" KILL_EXIT="$KILL_EXIT" KILLED_ROWS="$(cat "$OUT/killed-rows.txt")" CADDY_LOG="$STATE/caddy.log" \
PORTS="mcp-1=$PORT_mcp_1 mcp-2=$PORT_mcp_2" \
python3 deploy/drill/report.py
