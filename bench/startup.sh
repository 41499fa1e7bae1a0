#!/usr/bin/env bash
# Startup time and memory of the server (issue 17): JVM start -> first successful tools/list, and the RSS then.
#
#   bench/startup.sh [runs] [CONFIG ...]          (default: 3 runs of the configuration ./run uses)
#
# A CONFIG is "label|environment|JVM options|Payara Micro options", e.g.
#   'serial|MALLOC_ARENA_MAX=2|-Xmx256m -XX:+UseSerialGC|--nohazelcast'   or   'before|PAYARA_CDS=jar||'
# (empty JVM options: ./run's defaults). The environment may name another JDK and another Payara Micro jar:
#   'p7|PAYARA_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java PAYARA_MICRO_JAR=/path/payara-micro-7.2026.11.jar||'
# ('PAYARA_MICRO_JAR' is read by this script; the default is the version in pom.xml). With several CONFIGs the runs alternate (A B A B ...), so a machine whose
# load changes meanwhile affects each alike: compare the ratios of a pair, not figures across runs. Each
# configuration first gets one unmeasured start (the class-data archive is made then, the metrics database
# created). Each run starts Payara Micro the way ./run does (deploy/payara-micro/start-payara.sh: the same
# options, the same class-data archive) on a random loopback port, polls tools/list every 50 ms, records:
#   tools_list_ms  JVM start -> first tools/list that lists execute
#   ready_ms       JVM start -> what ./run calls ready (/health/ready and, with both WARs, the console answers)
#   payara_ms      Payara's own "ready in" (its boot + deployments, from its log)
#   cpu_s          CPU seconds (user + system) the JVM used up to the first tools/list: less disturbed by a busy
#                  machine than the wall time
#   rss_mb         RSS at the first tools/list (files: of it mapped files, shared with other processes: the
#                  class-data archive, jars, libraries); rss_model_mb: RSS 3 s after the semantic model has loaded (the
#                  operation vectors follow it; STARTUP_SEMANTIC=on), or 10 s after the first tools/list (off)
#   classes        classes loaded at the first tools/list / of them from the class-data archive (jcmd PerfCounter)
# Knobs:
#   STARTUP_WARS      both (mcp-web + admin-ui, as ./run) [both] | mcp-web (mcp-web.war alone, as bench/run.sh)
#   STARTUP_SEMANTIC  MCP_SEARCH_SEMANTIC of the server [on, as ./run]
#   STARTUP_THREADS   1: also print the CPU seconds of the JVM's threads up to the first tools/list, grouped by
#                     name (JIT compilers, GC, main = deployment, ...)
#   STARTUP_WARMUP    unmeasured starts per configuration first [1]
#   STARTUP_STATE     Payara's state directory (unpacked runtime, class-data archive), shared by all configurations
#                     [a new one in the work directory]; an existing one skips making the archive again
#   STARTUP_KEEP      1: leave the work directory (logs) in place
# Needs the built WARs (mvn -B -DskipTests package). The sandbox upstream (WireMock) is started once for all runs
# and every process it started is stopped on exit.
set -Eeuo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
source "$ROOT/deploy/jdk.sh"
RUNS=${1:-3}
shift || true
CONFIGS=("$@")
[ ${#CONFIGS[@]} -gt 0 ] || CONFIGS=("run|||")
WARS_MODE=${STARTUP_WARS:-both}
SEMANTIC=${STARTUP_SEMANTIC:-on}
WORK=$(mktemp -d /tmp/startup.XXXXXX)
STATE=${STARTUP_STATE:-$WORK/payara-state}
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${STARTUP_KEEP:-0}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# a signal ends the script through exit, so the EXIT trap stops the servers too (as bench/run.sh does)
trap 'exit 130' INT
trap 'exit 143' TERM
say() { printf '%s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
CLK_TCK=$(getconf CLK_TCK)
cpu_seconds() { sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$CLK_TCK" '{printf "%.1f", ($12 + $13) / hz}'; }
rss_mb() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
# the part of the RSS that is mapped files (the class-data archive, jars, libraries): shared between processes
rss_file_mb() { awk '/^RssFile/ {print int($2 / 1024)}' "/proc/$1/status"; }
version_of() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1; }
answers() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }
tools_list() {
  curl -sS -m 5 "http://127.0.0.1:$1/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'X-Api-Key: demo-key' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' 2>/dev/null | grep -q '"name":"execute"'
}
millis() { date +%s%3N; }
# CPU seconds per thread-name group (digits and pool numbers dropped), largest first
thread_cpu() {
  local task
  for task in /proc/"$1"/task/*; do
    { printf '%s\t%s\n' "$(tr -d '0-9' <"$task/comm" | sed 's/[-_ :#]*$//')" "$(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')"; } 2>/dev/null
  done | awk -F'\t' -v hz="$CLK_TCK" '{t[$1] += $2} END {for (n in t) if (t[n] > 0) printf "%.1f %s\n", t[n] / hz, n}' \
    | sort -rn | head -n 12 | awk '{s = s sprintf("%s%s", (NR > 1 ? ", " : ""), $0)} END {print "    threads: " s}'
}

PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$(version_of payara.version)/payara-micro-$(version_of payara.version).jar"
WIREMOCK_JAR="$HOME/.m2/repository/org/wiremock/wiremock-standalone/$(version_of wiremock.version)/wiremock-standalone-$(version_of wiremock.version).jar"
for jar in "$PAYARA_JAR" "$WIREMOCK_JAR"; do
  [ -f "$jar" ] || { say "$jar is missing: run ./run once (it fetches both)"; exit 1; }
done
DEPLOY=(--deploy "$ROOT/mcp-web/target/mcp-web.war")
[ "$WARS_MODE" = both ] && DEPLOY+=(--deploy "$ROOT/admin-ui/target/admin-ui.war")

SANDBOX_PORT=$(free_port)
java -Xmx256m -jar "$WIREMOCK_JAR" --root-dir "$ROOT/sandbox" --port "$SANDBOX_PORT" --bind-address 127.0.0.1 \
  --disable-banner >"$WORK/sandbox.log" 2>&1 &
PIDS+=($!)

one_run() { # config index, run number
  local label environment java_opts payara_opts
  IFS='|' read -r label environment java_opts payara_opts <<<"${CONFIGS[$1]}"
  local dir="$WORK/$label" port started pid t_list t_ready cpu rss rss_file classes payara rss_model jar=$PAYARA_JAR
  if [[ $environment =~ PAYARA_MICRO_JAR=([^ ]+) ]]; then
    jar=${BASH_REMATCH[1]}
    [ -f "$jar" ] || { say "$label: no Payara Micro jar at $jar"; exit 1; }
  fi
  mkdir -p "$dir"
  port=$(free_port)
  started=$(millis)
  # shellcheck disable=SC2086
  env MCP_UPSTREAM_URL="http://127.0.0.1:$SANDBOX_PORT" MCP_DEFAULT_TENANT=demo MCP_SEARCH_SEMANTIC="$SEMANTIC" \
      MCP_DATA_DIR="$dir/data" MCP_ADMIN_PASSWORD=startup-bench MCP_LOG_LEVEL=INFO \
      ${java_opts:+PAYARA_JAVA_OPTS="$java_opts"} $environment \
      "$ROOT/deploy/payara-micro/start-payara.sh" "$jar" "$STATE" --port "$port" $payara_opts \
      "${DEPLOY[@]}" >"$dir/payara-$2.log" 2>&1 &
  pid=$!
  PIDS=("$pid" "${PIDS[@]}")
  until tools_list "$port"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$dir/payara-$2.log" >&2; say "$label: Payara exited"; exit 1; }
    sleep 0.05
  done
  t_list=$(( $(millis) - started ))
  # the java process is the script's exec'd child: same pid
  cpu=$(cpu_seconds "$pid"); rss=$(rss_mb "$pid"); rss_file=$(rss_file_mb "$pid")
  local threads=""
  [ "${STARTUP_THREADS:-0}" = 1 ] && threads=$(thread_cpu "$pid")
  classes=$(jcmd "$pid" PerfCounter.print 2>/dev/null | awk -F= '$1 == "java.cls.loadedClasses" {n = $2}
    $1 == "java.cls.sharedLoadedClasses" {s = $2} END {if (n != "") printf "%d/%d", n + s, s}' || true)
  until answers "http://127.0.0.1:$port/health/ready" \
        && { [ "$WARS_MODE" != both ] || answers "http://127.0.0.1:$port/admin/api/login-info"; }; do
    sleep 0.05
  done
  t_ready=$(( $(millis) - started ))
  payara=$(grep -o 'ready in [0-9,.]* *(ms)\|ready in [0-9,.]* ms' "$dir/payara-$2.log" | head -n 1 | tr -dc '0-9' || true)
  if [ "$SEMANTIC" = on ]; then
    # the model loads in the background; the operation vectors follow (from the cache after the first run)
    for _ in $(seq 1 1200); do
      grep -q 'Semantic search model loaded\|Semantic search is OFF' "$dir/payara-$2.log" && break
      sleep 0.1
    done
    sleep 3
  else
    sleep 10
  fi
  rss_model=$(rss_mb "$pid")
  printf '%-12s run %s  tools_list_ms %6s  ready_ms %6s  payara_ms %6s  cpu_s %5s  rss_mb %4s (files %3s)  rss_model_mb %4s  classes %11s  load %s\n' \
    "$label" "$2" "$t_list" "$t_ready" "${payara:-?}" "$cpu" "$rss" "$rss_file" "$rss_model" "${classes:-?}" "$(cut -d' ' -f1 /proc/loadavg)"
  [ -z "$threads" ] || printf '%s\n' "$threads"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

say "startup: $RUNS run(s) of ${#CONFIGS[@]} configuration(s), WARs: $WARS_MODE, semantic: $SEMANTIC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for warmup in $(seq 1 "${STARTUP_WARMUP:-1}"); do
  for i in "${!CONFIGS[@]}"; do one_run "$i" 0 | sed 's/ run 0 / warm-up/' >&2; done
done
for run in $(seq 1 "$RUNS"); do
  for i in "${!CONFIGS[@]}"; do one_run "$i" "$run"; done
done
