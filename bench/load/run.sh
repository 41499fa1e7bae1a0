#!/usr/bin/env bash
# The long load run of issue #10 (NOT part of ./test): 200 concurrent MCP clients for 5 minutes against
# Payara Micro with mcp-web.war and the sandbox upstream (WireMock with sandbox/ mappings), all on loopback.
# Passes (exit 0) when no call failed, p99 stayed under MAX_P99_MS, and the server's live threads (outside its
# HTTP worker pool, which may grow up to its maximum of 200) and heap after a full GC did not grow between the end
# of the warm-up and the end of the run.
#
#   bench/load/run.sh                       # 200 clients, 300 s, 30 s warm-up, ~1 s between a client's calls
#   THINK_MS=50 bench/load/run.sh           # stress: saturates a 2-core box (see SECURITY.md for numbers)
#   CLIENTS=50 RUN_SECONDS=60 bench/load/run.sh   # shorter (SECONDS is bash's own clock)
#
# Needs JDK 17 (java, jcmd) and Maven; builds mcp-web.war when it is missing (BUILD=1 forces a build).
# Results: bench/load/target/report.txt, payara.log, sandbox.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source "$ROOT/deploy/jdk.sh"
# shellcheck source=../../deploy/payara-micro/java-options.sh
source "$ROOT/deploy/payara-micro/java-options.sh"
OUT=bench/load/target
mkdir -p "$OUT"
CLIENTS=${CLIENTS:-200}
RUN_SECONDS=${RUN_SECONDS:-300}
WARMUP=${WARMUP:-30}
TENANTS=${TENANTS:-20}
# pause between one client's calls (±50 %): an assistant needs about a second or more between tool calls
THINK_MS=${THINK_MS:-1000}
MAX_P99_MS=${MAX_P99_MS:-2000}
# upstream calls in flight per instance (MCP_INSTANCE_CONCURRENCY, 128 by default; calls past it wait in line).
# Empty keeps the default. UPSTREAM_BULKHEAD is its old name (the bound was a MicroProfile @Bulkhead until 2026-12-07).
INSTANCE_CONCURRENCY=${INSTANCE_CONCURRENCY:-${UPSTREAM_BULKHEAD:-}}
version_of() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
PAYARA_VERSION=$(version_of payara.version)
WIREMOCK_VERSION=$(version_of wiremock.version)
fetch() { # groupId artifactId version
  local jar="$OUT/$2-$3.jar"
  [ -f "$jar" ] || mvn -B -q dependency:copy -Dartifact="$1:$2:$3" -DoutputDirectory="$OUT" >&2
  echo "$jar"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [ "${BUILD:-0}" = 1 ] || [ ! -f mcp-web/target/mcp-web.war ]; then
  mvn -B -q -DskipTests package -pl catalog-ejb,admin-ui,mcp-web
fi
PAYARA_JAR=$(fetch fish.payara.extras payara-micro "$PAYARA_VERSION")
WIREMOCK_JAR=$(fetch org.wiremock wiremock-standalone "$WIREMOCK_VERSION")
SANDBOX_PORT=$(free_port)
PORT=$(free_port)

children=()
cleanup() { for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# --no-request-journal: the journal would otherwise hold every request of the run in WireMock's memory
java -Xmx512m -jar "$WIREMOCK_JAR" --root-dir sandbox --port "$SANDBOX_PORT" --bind-address 127.0.0.1 \
     --disable-banner --no-request-journal --container-threads 200 >"$OUT/sandbox.log" 2>&1 &
children+=($!)
rm -rf "$OUT/data"
if [ -n "$INSTANCE_CONCURRENCY" ]; then
  export MCP_INSTANCE_CONCURRENCY="$INSTANCE_CONCURRENCY"
fi
# shellcheck disable=SC2086  # the options are split into words on purpose
MCP_UPSTREAM_URL="http://127.0.0.1:$SANDBOX_PORT" MCP_DEFAULT_TENANT=demo MCP_DATA_DIR="$ROOT/$OUT/data" \
  java $PAYARA_DEFAULT_JAVA_OPTS -jar "$PAYARA_JAR" --nocluster --port "$PORT" --deploy mcp-web/target/mcp-web.war >"$OUT/payara.log" 2>&1 &
PAYARA_PID=$!
children+=($PAYARA_PID)

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine skews latency)"
echo "waiting for Payara Micro (pid $PAYARA_PID) on 127.0.0.1:$PORT …"
for _ in $(seq 240); do
  if curl -s -m 2 "http://127.0.0.1:$PORT/mcp" -H 'Content-Type: application/json' -H 'Accept: application/json' -H 'X-Api-Key: load-key' \
       -d '{"jsonrpc":"2.0","id":0,"method":"ping"}' | grep -q '"result"'; then break; fi
  kill -0 "$PAYARA_PID" 2>/dev/null || { echo "Payara exited; see $OUT/payara.log"; exit 1; }
  sleep 1
done

java -Djdk.httpclient.allowRestrictedHeaders=host -Xmx1g \
  mcp-web/src/test/java/com/trackdesk/mcp/hardening/LoadDriver.java \
  --mcp "http://127.0.0.1:$PORT/mcp" --clients "$CLIENTS" --seconds "$RUN_SECONDS" --warmup-seconds "$WARMUP" \
  --tenants "$TENANTS" --tenant-prefix load --domain trackdesk.com --think-ms "$THINK_MS" --pid "$PAYARA_PID" \
  --max-p99-ms "$MAX_P99_MS" --report "$OUT/report.txt"
