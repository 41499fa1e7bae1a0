#!/usr/bin/env bash
# CPU per call of the server process (issue 17), measured the way a busy shared machine does not distort:
# utime+stime of the Payara Micro process from /proc around a fixed load, divided by the calls answered, plus
# what the JVM did meanwhile (classes loaded, JIT compilations, C2 compiler thread CPU).
#
#   bench/cpu-per-call.sh [execute|search|both] [rounds]     (default: both, 3 rounds of BENCH_SECONDS each)
#   BENCH_WARS="before.war after.war" bench/cpu-per-call.sh   A/B: one server per WAR, measured in turns
#   BENCH_WARS="app.war app.war|/usr/lib/jvm/temurin-25-jdk-amd64/bin/java|/path/payara-micro-7.2026.11.jar" ...
#                    an entry WAR|JAVA|PAYARA_JAR runs that WAR on another JDK and Payara Micro (A/B of runtimes)
#   BENCH_WARS="app.war;app.war|||-Xmx512m -XX:+UseSerialGC"   an entry's fourth part replaces BENCH_JAVA_OPTS for
#                    that server only (A/B of JVM options; empty parts keep the defaults); entries are separated by
#                    ";" when BENCH_WARS holds one, else by spaces
#
# Starts its own nginx upstream (bench/upstream) and Payara Micro with mcp-web/target/mcp-web.war (or each WAR of
# BENCH_WARS) on random loopback ports, warms up, then measures; with several WARs the rounds alternate between
# the servers, so a machine whose load changes meanwhile affects each alike. Every process it started is stopped
# on exit. Knobs:
#   BENCH_JAVA_OPTS  JVM options of Payara Micro [./run's, from deploy/payara-micro/java-options.sh]
#   BENCH_WARMUP     seconds of warm-up per tool and server at BENCH_CONCURRENCY [60]
#   BENCH_SECONDS    seconds per measured round [15]      BENCH_CONCURRENCY [16]
#   BENCH_SEMANTIC   MCP_SEARCH_SEMANTIC of the servers [off]
#   BENCH_TENANT_CONCURRENCY  MCP_TENANT_CONCURRENCY of the servers [1024]; "default" keeps the server's own (16:
#                    one tenant's calls past 16 wait in line, MCP_TENANT_QUEUE_MS)
#   BENCH_ANSWER_BYTES  the size of the upstream's affiliate list [its own ~1.6 kB]: e.g. 1040000 makes it about
#                    as large as the server reads (MCP_MAX_UPSTREAM_BYTES, 1 MiB), the worst case per call for the heap;
#                    the list's first affiliate stays first, so the wrk check still finds it
#   BENCH_JFR        a file name: a JFR recording (profile settings) of one extra, unmeasured round per tool
#   BENCH_KEEP       1: leave the work directory (Payara logs) in place
set -Eeuo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
source "$ROOT/deploy/jdk.sh"
TOOLS=${1:-both}
ROUNDS=${2:-3}
# shellcheck source=../deploy/payara-micro/java-options.sh
source "$ROOT/deploy/payara-micro/java-options.sh"
JAVA_OPTS=${BENCH_JAVA_OPTS:-$PAYARA_DEFAULT_JAVA_OPTS}
WARMUP=${BENCH_WARMUP:-60}
SECONDS_PER_ROUND=${BENCH_SECONDS:-15}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
SEMANTIC=${BENCH_SEMANTIC:-off}
TENANT_CONCURRENCY=${BENCH_TENANT_CONCURRENCY:-1024}
ENV_TENANT=()
[ "$TENANT_CONCURRENCY" = default ] || ENV_TENANT=(MCP_TENANT_CONCURRENCY="$TENANT_CONCURRENCY")
BENCH_WARS=${BENCH_WARS:-$ROOT/mcp-web/target/mcp-web.war}
if [[ $BENCH_WARS == *";"* ]]; then IFS=';' read -r -a WARS <<<"$BENCH_WARS"; else read -r -a WARS <<<"$BENCH_WARS"; fi
WORK=$(mktemp -d /tmp/cpu-per-call.XXXXXX)
PIDS=()
any_alive() {
  local pid
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}
cleanup() {
  local pid waited=0
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # a JVM that spends its time collecting (a heap too small for the load) may not get to its shutdown hooks: after
  # 20 s it is killed, so no server outlives the script and burns the next measurement's CPU
  while [ $waited -lt 20 ] && any_alive; do
    sleep 1; waited=$((waited + 1))
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# a signal ends the script through exit, so the EXIT trap stops the servers too (as bench/run.sh does)
trap 'exit 130' INT
trap 'exit 143' TERM
say() { printf '%s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
stat_ticks() { sed 's/.*) //' "$1" | awk '{print $12 + $13}'; }
CLK_TCK=$(getconf CLK_TCK)
# CPU ticks of the C2 compiler threads (named "C2 CompilerThre…")
compiler_ticks() {
  local task total=0
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null || true)" in C2\ Compi*) total=$((total + $(stat_ticks "$task/stat"))) ;; esac
  done
  echo "$total"
}
counter() { jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= -v k="$2" '$1 == k {print $2}'; }

PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
PAYARA_JAR="$ROOT/mcp-web/target/payara/payara-micro-$PAYARA_VERSION.jar"
[ -f "$PAYARA_JAR" ] || PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
[ -f "$PAYARA_JAR" ] || { say "Payara Micro $PAYARA_VERSION not found"; exit 1; }

UPSTREAM_PORT=$(free_port)
mkdir -p "$WORK/nginx"
# nginx's workers run as nobody: they read a large answer's file through the work directory
chmod 755 "$WORK" "$WORK/nginx"
python3 - "$BENCH_DIR/upstream" "$WORK/nginx" "$UPSTREAM_PORT" "${BENCH_ANSWER_BYTES:-}" <<'PY'
import copy, json, sys
src, work, port, size = sys.argv[1:5]
answer = json.load(open(f"{src}/affiliates.json"))
conf = open(f"{src}/nginx.conf.template").read().replace("@PORT@", port).replace("@WORKDIR@", work)
if size:
    # the list repeated, each copy with its own ids, up to the size asked for; too long for nginx's configuration
    # (one parameter holds at most 4 kB), so it is served from a file
    items, n = answer["affiliates"], 0
    while len(json.dumps(answer, separators=(",", ":"))) < int(size):
        more = copy.deepcopy(items[n % len(items)]); more["publicId"] += f"-{n}"; answer["affiliates"].append(more); n += 1
    answer["pagination"]["totalCount"] = len(answer["affiliates"])
    open(f"{work}/affiliates.json", "w").write(json.dumps(answer, separators=(",", ":")))
    # a POST to a file gets 405 from nginx's static module: error_page sends it on as a GET to the same file
    conf = conf.replace("return 200 '@AFFILIATES_JSON@';", f"alias {work}/affiliates.json; "
                        "error_page 405 =200 /bench-affiliates.json; }\n        location = /bench-affiliates.json { "
                        f"internal; default_type application/json; alias {work}/affiliates.json;")
    print(f"upstream answer: {len(answer['affiliates'])} affiliates, {len(json.dumps(answer, separators=(',', ':')))} bytes", file=sys.stderr)
else:
    conf = conf.replace("@AFFILIATES_JSON@", json.dumps(answer, separators=(",", ":")))
open(f"{work}/nginx.conf", "w").write(conf)
PY
"$(command -v nginx || echo /usr/sbin/nginx)" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)

SERVERS=() PORTS=() NAMES=()
start_server() { # index WAR[|JAVA|PAYARA_JAR|JAVA_OPTS]
  local i=$1 war java jar port name java_given jar_given opts_given opts
  IFS='|' read -r war java_given jar_given opts_given <<<"$2"
  java=${java_given:-java}; jar=${jar_given:-$PAYARA_JAR}; opts=${opts_given:-$JAVA_OPTS}
  [ -f "$war" ] && [ -f "$jar" ] || { say "no WAR at $war or no Payara Micro at $jar"; exit 1; }
  port=$(free_port)
  mkdir -p "$WORK/s$i"
  cp "$war" "$WORK/s$i/mcp-web.war"
  # shellcheck disable=SC2086
  env MCP_UPSTREAM_URL="http://127.0.0.1:$UPSTREAM_PORT" MCP_DEFAULT_TENANT=demo "${ENV_TENANT[@]}" \
      MCP_SEARCH_SEMANTIC="$SEMANTIC" MCP_DATA_DIR="$WORK/s$i/data" \
      "$java" $opts -jar "$jar" --nocluster --port "$port" --rootdir "$WORK/s$i/payara-root" \
      --deploy "$WORK/s$i/mcp-web.war" >"$WORK/s$i/payara.log" 2>&1 &
  name="$i:$(basename "$war")"
  [ -z "$jar_given$java_given" ] || name+="@$(basename "$jar" .jar)"
  [ -z "$opts_given" ] || name+=" [$opts_given]"
  SERVERS[$i]=$!; PORTS[$i]=$port; NAMES[$i]=$name
  PIDS=("$!" "${PIDS[@]}")
}
post() { # port json
  curl -sS -m 10 "http://127.0.0.1:$1/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'X-Api-Key: bench-key' -d "$2"
}
started=$(date +%s%N)
for i in "${!WARS[@]}"; do start_server "$i" "${WARS[$i]}"; done
say "load average $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $JAVA_OPTS; semantic search: $SEMANTIC;" \
  "MCP_TENANT_CONCURRENCY: $TENANT_CONCURRENCY"
for i in "${!WARS[@]}"; do
  until post "${PORTS[$i]}" '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' 2>/dev/null | grep -q '"name":"execute"'; do
    kill -0 "${SERVERS[$i]}" 2>/dev/null || { tail -n 40 "$WORK/s$i/payara.log" >&2; say "Payara exited"; exit 1; }
    sleep 0.05
  done
  say "${NAMES[$i]}: first tools/list after $(( ($(date +%s%N) - started) / 1000000 )) ms (servers started together)," \
    "RSS $(awk '/^VmRSS/ {print int($2/1024)}' "/proc/${SERVERS[$i]}/status") MB"
done

run_wrk() { # script seconds port
  (cd "$BENCH_DIR/wrk" && wrk -t2 -c"$CONCURRENCY" -d"$2s" --timeout 10s -s "$BENCH_DIR/wrk/$1" "http://127.0.0.1:$3") \
    | sed -n 's/^BENCH_RESULT //p'
}

report() { # label round result ticks c2ticks classes compiles
  python3 - "$@" "$CLK_TCK" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
label, rnd, result, ticks, c2, classes, compiles, hz, load = sys.argv[1:10]
r = json.loads(result)
calls = r["requests"]; secs = r["duration_us"] / 1e6
if calls == 0:
    # a server that answers nothing within wrk's timeout (a heap too small for the load, say) is a result too
    print(f"{label} round {rnd}: no call answered in {secs:.0f} s ({sum(r['socket_errors'].values())} socket errors"
          f" or timeouts), CPU {int(ticks) / int(hz):.1f} s, load {load}", flush=True)
    sys.exit(0)
bad = r["bad_answers"] + sum(r["socket_errors"].values())
print(f"{label} round {rnd}: {calls} calls in {secs:.0f} s ({calls / secs:.0f}/s, {bad} bad: {r['bad']['tool_error']} tool errors, "
      f"{sum(r['socket_errors'].values())} socket errors or timeouts, {bad - r['bad']['tool_error'] - sum(r['socket_errors'].values())} other), "
      f"CPU {int(ticks) * 1000 / int(hz) / calls:.3f} ms/call, C2 threads {int(c2) / int(hz):.1f} s CPU, "
      f"+{classes} classes, {int(compiles) / secs:.1f} compilations/s, p50 {r['latency_us']['p50'] / 1000:.2f} ms, "
      f"p99 {r['latency_us']['p99'] / 1000:.2f} ms, load {load}", flush=True)
PY
}

measure() { # tool script
  local tool=$1 script=$2 round i pid t0 c0 cls0 comp0 result
  for i in "${!WARS[@]}"; do
    say "$tool: warm-up ${WARMUP}s at $CONCURRENCY concurrent (${NAMES[$i]})"
    run_wrk "$script" "$WARMUP" "${PORTS[$i]}" >/dev/null
  done
  for round in $(seq 1 "$ROUNDS"); do
    for i in "${!WARS[@]}"; do
      pid=${SERVERS[$i]}
      t0=$(stat_ticks "/proc/$pid/stat"); c0=$(compiler_ticks "$pid")
      cls0=$(counter "$pid" java.cls.loadedClasses); comp0=$(counter "$pid" sun.ci.totalCompiles)
      result=$(run_wrk "$script" "$SECONDS_PER_ROUND" "${PORTS[$i]}")
      report "$tool ${NAMES[$i]}" "$round" "$result" $(($(stat_ticks "/proc/$pid/stat") - t0)) \
        $(($(compiler_ticks "$pid") - c0)) $(($(counter "$pid" java.cls.loadedClasses) - cls0)) \
        $(($(counter "$pid" sun.ci.totalCompiles) - comp0))
    done
  done
  if [ -n "${BENCH_JFR:-}" ]; then
    for i in "${!WARS[@]}"; do
      jcmd "${SERVERS[$i]}" JFR.start name=cpu settings=profile >/dev/null
      run_wrk "$script" "$SECONDS_PER_ROUND" "${PORTS[$i]}" >/dev/null
      jcmd "${SERVERS[$i]}" JFR.stop name=cpu filename="${BENCH_JFR%.jfr}-$tool-$i.jfr" >/dev/null
      say "JFR recording of ${NAMES[$i]}: ${BENCH_JFR%.jfr}-$tool-$i.jfr"
    done
  fi
}

case "$TOOLS" in
  execute) measure execute mcp-execute.lua ;;
  search) measure search mcp-search.lua ;;
  both) measure execute mcp-execute.lua; measure search mcp-search.lua ;;
  *) say "usage: bench/cpu-per-call.sh [execute|search|both] [rounds]"; exit 2 ;;
esac
for i in "${!WARS[@]}"; do
  say "${NAMES[$i]}: RSS after load $(awk '/^VmRSS/ {print int($2/1024)}' "/proc/${SERVERS[$i]}/status") MB," \
    "classes loaded $(counter "${SERVERS[$i]}" java.cls.loadedClasses)," \
    "collections since the start: $(jstat -gc "${SERVERS[$i]}" | awk 'NR == 2 {printf "%d young (%.1f s), %d full (%.1f s)", $(NF-6), $(NF-5), $(NF-4), $(NF-3)}')"
done
