#!/usr/bin/env bash
# The docker-compose.yml topology as native processes on this machine, for machines without Docker and for
# the fault drill: PostgreSQL (OS package), two clustered Payara Micro instances with both WARs, Caddy (OS
# package) in front with deploy/caddy/Caddyfile, and the sandbox upstream (WireMock). The instances get the
# environment and Payara options of docker-compose.yml itself (read from it; only host names, ports and
# paths are put in for loopback), the pre-boot commands of deploy/payara-micro/, and Caddy runs the very
# Caddyfile compose mounts.
#
#   deploy/local-cluster.sh up            # build if needed, start everything, print the URLs
#   deploy/local-cluster.sh status        # one JSON object: front URL, instances (name, pid, port), postgres
#   deploy/local-cluster.sh kill mcp-1    # SIGKILL one instance
#   deploy/local-cluster.sh stop mcp-2    # SIGTERM: graceful (readiness DOWN, calls in flight finish)
#   deploy/local-cluster.sh start mcp-2   # start it again, wait until it is ready
#   deploy/local-cluster.sh restart-db    # restart PostgreSQL
#   deploy/local-cluster.sh down          # stop everything it started (by pid)
#   deploy/local-cluster.sh drill         # the fault drill under load (see README "The fault drill")
#   deploy/local-cluster.sh sql 'SELECT …' | dump | logs   # query / dump the metrics database, list the log files
#
# State (pids, ports, logs, the PostgreSQL data, Caddy's local CA) lives in .run/cluster/. Settings: the
# compose variables (MCP_ADMIN_PASSWORD, MCP_TENANT_DOMAIN, POSTGRES_PASSWORD, ...) and FRONT_PORT (HTTPS port
# of Caddy, default: a free one). As root on Debian it installs postgresql, caddy and python3-yaml when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source "$ROOT/deploy/jdk.sh"
STATE=.run/cluster
INSTANCES=(mcp-1 mcp-2)
READY_TIMEOUT=${READY_TIMEOUT:-300}

log() { echo "[local-cluster] $*" >&2; }
die() { log "error: $*"; exit 1; }
version_of() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

# ---------- prerequisites ----------

pg_bin() {
  if command -v initdb >/dev/null; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$newest" ] && [ -x "$newest/initdb" ] && echo "$newest"
}

prerequisites() {
  local missing=()
  command -v mvn >/dev/null || die "needs Maven (and Java 21+, which deploy/jdk.sh found)"
  command -v python3 >/dev/null || missing+=(python3)
  python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
  command -v caddy >/dev/null || missing+=(caddy)
  [ -n "$(pg_bin || true)" ] || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "installing ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
      # the packages start their own services where systemd runs; this script starts its own
      systemctl disable --now caddy postgresql >/dev/null 2>&1 || true
    else
      die "missing ${missing[*]} (install them, or run as root on Debian)"
    fi
  fi
}

fetch_jar() { # groupId artifactId version
  local jar=".run/$2-$3.jar"
  mkdir -p .run
  [ -f "$jar" ] || mvn -B -q dependency:copy -Dartifact="$1:$2:$3" -DoutputDirectory=.run >&2
  echo "$jar"
}

# ---------- state ----------

save() { echo "$1=$2" >>"$STATE/ports.env"; }
load_state() {
  [ -f "$STATE/ports.env" ] || die "no cluster here: run 'deploy/local-cluster.sh up' first"
  # shellcheck disable=SC1090
  source "$STATE/ports.env"
}
pid_of() { cat "$STATE/$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
port_of() { local var="PORT_${1//-/_}"; echo "${!var}"; }
grid_port_of() { local var="GRID_${1//-/_}"; echo "${!var}"; }

# ---------- settings from docker-compose.yml ----------

# The environment and command line compose gives an instance, for loopback: compose's host names and
# container paths are replaced by this machine's ports and files. Printed as NUL-separated words:
# KEY=VALUE pairs, then "--", then the Payara Micro arguments.
compose_instance() { # name
  NAME="$1" PORT="$(port_of "$1")" GRID="$(grid_port_of "$1")" MEMBERS="127.0.0.1:$GRID_mcp_1,127.0.0.1:$GRID_mcp_2" \
  PG_PORT="$PG_PORT" SANDBOX_PORT="$SANDBOX_PORT" ROOT="$ROOT" python3 - <<'PY'
import os, re, sys, yaml
env = os.environ
compose = yaml.safe_load(open(os.path.join(env["ROOT"], "docker-compose.yml")))
service = compose["services"][env["NAME"]]
def interpolate(value):
    # ${VAR:-default} and ${VAR} as compose does, from this shell's environment
    def one(m):
        name, default = m.group(1), m.group(3) or ""
        return env.get(name) or default
    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-([^}]*))?\}", one, str(value))
out = []
environment = {k: interpolate(v) for k, v in service["environment"].items()}
environment["MCP_UPSTREAM_URL"] = env.get("MCP_UPSTREAM_URL") or "http://127.0.0.1:" + env["SANDBOX_PORT"]
environment["MCP_DB_URL"] = re.sub(r"//postgres:5432/", "//127.0.0.1:" + env["PG_PORT"] + "/", environment["MCP_DB_URL"])
environment["MCP_INSTANCE_NAME"] = env["NAME"]
for key, value in environment.items():
    out.append(key + "=" + value)
out.append("--")
mounts = {}
for volume in service.get("volumes", []):
    host, container = volume.split(":")[0:2]
    mounts[container] = os.path.normpath(os.path.join(env["ROOT"], host))
command = [mounts.get(word, word) for word in service["command"]]
for i, word in enumerate(command[:-1]):
    if word == "--clustermode":
        command[i + 1] = "tcpip:" + env["MEMBERS"]
    elif word == "--startport":
        command[i + 1] = env["GRID"]
command += ["--port", env["PORT"], "--interfaces", "127.0.0.1", "--nohostaware"]
out += command
sys.stdout.write("\0".join(out))
PY
}

compose_value() { # service key default: one environment value of a compose service, interpolated
  SERVICE="$1" KEY="$2" ROOT="$ROOT" python3 - <<'PY'
import os, re, yaml
env = os.environ
value = str(yaml.safe_load(open(os.path.join(env["ROOT"], "docker-compose.yml")))["services"][env["SERVICE"]]["environment"][env["KEY"]])
print(re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-([^}]*))?\}", lambda m: env.get(m.group(1)) or (m.group(3) or ""), value))
PY
}

# ---------- PostgreSQL ----------

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_dir() { # the data lives under .run/cluster unless the server's user cannot reach it (a home folder)
  local dir="$ROOT/$STATE/postgres"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$ROOT/$STATE" 2>/dev/null; then
    dir="${TMPDIR:-/tmp}/trackdesk-cluster-$(echo "$ROOT" | md5sum | cut -c1-8)/postgres"
  fi
  echo "$dir"
}

pg_start() {
  local bin dir; bin=$(pg_bin); dir=$(pg_dir)
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
    -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  head -n 1 "$dir/data/postmaster.pid" >"$STATE/postgres.pid"
}

pg_stop() {
  local bin dir; bin=$(pg_bin); dir=$(pg_dir)
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 120 stop >/dev/null || true
  rm -f "$STATE/postgres.pid"
}

pg_init() {
  local bin dir user password db; bin=$(pg_bin); dir=$(pg_dir)
  user=$(compose_value postgres POSTGRES_USER); password=$(compose_value postgres POSTGRES_PASSWORD)
  db=$(compose_value postgres POSTGRES_DB)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    mkdir -p "$dir"
    local pwfile="$dir/pwfile"
    ( umask 077; printf '%s\n' "$password" >"$pwfile" )
    [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$pwfile" --auth-host=scram-sha-256 \
      --auth-local=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || die "initdb failed; see $dir/initdb.log"
    rm -f "$pwfile"
    pg_start
    as_postgres "$bin/createdb" -h "$dir" -p "$PG_PORT" -U "$user" "$db"
  else
    pg_start
  fi
}

pg_sql() { # runs SQL in the metrics database, prints the result unaligned
  local bin dir; bin=$(pg_bin); dir=$(pg_dir)
  as_postgres "$bin/psql" -h "$dir" -p "$PG_PORT" -U "$(compose_value postgres POSTGRES_USER)" \
    -d "$(compose_value postgres POSTGRES_DB)" -At -c "$1"
}

# ---------- instances, sandbox, Caddy ----------

start_instance() { # name
  local name=$1 words=() environment=() arguments=() seen=0
  running "$name" && { log "$name is running (pid $(pid_of "$name"))"; return; }
  while IFS= read -r -d '' word; do words+=("$word"); done < <(compose_instance "$name"; printf '\0')
  for word in "${words[@]}"; do
    if [ "$word" = "--" ]; then seen=1; continue; fi
    [ -z "$word" ] && continue
    if [ $seen = 0 ]; then environment+=("$word"); else arguments+=("$word"); fi
  done
  # JDK_JAVA_OPTIONS (from compose) is read by the java launcher itself
  env "${environment[@]}" setsid java -jar "$PAYARA_JAR" "${arguments[@]}" >>"$STATE/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
  log "$name: pid $!, http://127.0.0.1:$(port_of "$name")/ (log $STATE/$name.log)"
}

await_ready() { # name
  local name=$1 port; port=$(port_of "$1")
  for _ in $(seq "$READY_TIMEOUT"); do
    running "$name" || die "$name exited; see $STATE/$name.log"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$port/health/ready" || true)" = 200 ] && return 0
    sleep 1
  done
  die "$name not ready after $READY_TIMEOUT s; see $STATE/$name.log"
}

start_sandbox() {
  [ -n "${MCP_UPSTREAM_URL:-}" ] && return
  running sandbox && return
  local jar; jar=$(fetch_jar org.wiremock wiremock-standalone "$(version_of wiremock.version)")
  setsid java -Xmx512m -jar "$jar" --root-dir sandbox --port "$SANDBOX_PORT" --bind-address 127.0.0.1 \
    --disable-banner --no-request-journal --container-threads 200 >>"$STATE/sandbox.log" 2>&1 </dev/null &
  echo $! >"$STATE/sandbox.pid"
}

start_caddy() {
  running caddy && return
  # compose's proxy settings, with the instances and ports of this machine
  MCP_TENANT_DOMAIN="$TENANT_DOMAIN" MCP_UPSTREAMS="127.0.0.1:$PORT_mcp_1 127.0.0.1:$PORT_mcp_2" \
  CADDY_HTTPS_PORT="$FRONT_PORT" CADDY_HTTP_PORT="$FRONT_HTTP_PORT" \
  XDG_DATA_HOME="$ROOT/$STATE/caddy/data" XDG_CONFIG_HOME="$ROOT/$STATE/caddy/config" \
    setsid caddy run --adapter caddyfile --config deploy/caddy/Caddyfile >>"$STATE/caddy.log" 2>&1 </dev/null &
  echo $! >"$STATE/caddy.pid"
}

front_url() { echo "https://${DEFAULT_TENANT}.${TENANT_DOMAIN}:$FRONT_PORT"; }

await_front() {
  for _ in $(seq 120); do
    running caddy || die "Caddy exited; see $STATE/caddy.log"
    if curl -sk -m 5 "$(front_url)/mcp" --resolve "${DEFAULT_TENANT}.${TENANT_DOMAIN}:$FRONT_PORT:127.0.0.1" \
         -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' -H 'X-Api-Key: ping' \
         -d '{"jsonrpc":"2.0","id":0,"method":"ping"}' | grep -q '"result"'; then return 0; fi
    sleep 1
  done
  die "the front does not answer; see $STATE/caddy.log"
}

stop_pid() { # name timeout-seconds: SIGTERM, then SIGKILL after the timeout
  local name=$1 pid; pid=$(pid_of "$1")
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    echo "$(now_ms)" >"$STATE/last-fault.ms"
    for _ in $(seq "$2"); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in $2 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$STATE/$name.pid"
}

check_instance_name() {
  [[ " ${INSTANCES[*]} " == *" $1 "* ]] || die "unknown instance '$1' (${INSTANCES[*]})"
}

# ---------- commands ----------

cmd_up() {
  prerequisites
  mkdir -p "$STATE"
  if [ "${BUILD:-0}" = 1 ] || [ ! -f mcp-web/target/mcp-web.war ] || [ ! -f admin-ui/target/admin-ui.war ]; then
    log "building the WARs (mvn package, tests skipped)"
    mvn -B -q -DskipTests package
  fi
  if [ ! -f "$STATE/ports.env" ]; then
    save PAYARA_JAR "$(fetch_jar fish.payara.extras payara-micro "$(version_of payara.version)")"
    save PG_PORT "$(free_port)"
    save SANDBOX_PORT "$(free_port)"
    save PORT_mcp_1 "$(free_port)"; save PORT_mcp_2 "$(free_port)"
    save GRID_mcp_1 "$(free_port)"; save GRID_mcp_2 "$(free_port)"
    save FRONT_PORT "${FRONT_PORT:-$(free_port)}"
    save FRONT_HTTP_PORT "$(free_port)"
    save TENANT_DOMAIN "$(compose_value proxy MCP_TENANT_DOMAIN)"
    save DEFAULT_TENANT "$(compose_value mcp-1 MCP_DEFAULT_TENANT)"
  fi
  # a second "up" starts only what is not running, on the ports chosen the first time
  load_state
  if ! running postgres; then
    log "PostgreSQL on 127.0.0.1:$PG_PORT (data in $(pg_dir))"
    pg_init
  fi
  start_sandbox
  for name in "${INSTANCES[@]}"; do start_instance "$name"; done
  for name in "${INSTANCES[@]}"; do await_ready "$name"; done
  start_caddy
  await_front
  cmd_urls
}

cmd_urls() {
  echo "front:   $(front_url)/mcp   (TLS from Caddy's local CA: curl -k, or trust $STATE/caddy/data/caddy/pki/authorities/local/root.crt)"
  echo "console: $(front_url)/admin/   (user ${MCP_ADMIN_USER:-admin}, password MCP_ADMIN_PASSWORD$([ -z "${MCP_ADMIN_PASSWORD:-}" ] && echo ' — not set: nobody can log in'))"
}

cmd_status() {
  load_state
  local json_in=""
  for name in "${INSTANCES[@]}"; do
    json_in+="$name $(running "$name" && pid_of "$name" || echo null) $(port_of "$name")"$'\n'
  done
  FRONT="$(front_url)/mcp" PG_PID="$(running postgres && pid_of postgres || echo null)" PG_PORT="$PG_PORT" \
  CADDY_PID="$(running caddy && pid_of caddy || echo null)" INSTANCES_TEXT="$json_in" python3 - <<'PY'
import json, os
def pid(text): return None if text == "null" else int(text)
instances = []
for line in os.environ["INSTANCES_TEXT"].strip().splitlines():
    name, p, port = line.split()
    instances.append({"name": name, "pid": pid(p), "port": int(port)})
print(json.dumps({"front": os.environ["FRONT"], "instances": instances,
                  "postgres": {"pid": pid(os.environ["PG_PID"]), "port": int(os.environ["PG_PORT"])},
                  "proxy": {"pid": pid(os.environ["CADDY_PID"])}}))
PY
}

gone() { # pid: the process has exited and its sockets are closed
  # no such process, or a zombie main thread that is its last thread: the open files (sockets) are released
  # by the last thread to exit, so a zombie main thread alone is not enough (measured: the JVM's sockets
  # closed ~170 ms after its main thread became a zombie)
  local state; state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
  [ -z "$state" ] || { [ "$state" = Z ] && [ "$(ls "/proc/$1/task" 2>/dev/null | wc -l)" -le 1 ]; }
}

cmd_kill() { load_state; check_instance_name "$1"; local pid; pid=$(pid_of "$1")
  running "$1" || die "$1 is not running"
  kill -KILL "$pid"; echo "$(now_ms)" >"$STATE/last-fault.ms"
  # a killed JVM needs a moment to die (its memory is freed before its sockets are closed): until then its
  # kernel still accepts connections and requests, which then fail; the drill counts those apart
  for _ in $(seq 3000); do gone "$pid" && break; sleep 0.01; done
  echo "$(now_ms)" >"$STATE/last-exit.ms"
  rm -f "$STATE/$1.pid"; log "$1 (pid $pid) killed, gone after $(( $(cat "$STATE/last-exit.ms") - $(cat "$STATE/last-fault.ms") )) ms"; }

cmd_stop() { load_state; check_instance_name "$1"; running "$1" || die "$1 is not running"
  # the shutdown grace of compose (20 s) plus time to undeploy
  stop_pid "$1" 90; log "$1 stopped"; }

cmd_start() { load_state; check_instance_name "$1"; start_instance "$1"; await_ready "$1"; log "$1 ready"; }

cmd_restart_db() { load_state; echo "$(now_ms)" >"$STATE/last-fault.ms"; pg_stop; pg_start; log "PostgreSQL restarted (pid $(pid_of postgres))"; }

cmd_down() {
  [ -f "$STATE/ports.env" ] || { log "nothing to stop"; return; }
  load_state
  stop_pid caddy 20
  for name in "${INSTANCES[@]}"; do stop_pid "$name" 90 & done
  wait
  stop_pid sandbox 20
  pg_stop
  rm -f "$STATE/ports.env"
  log "down"
}

cmd_dump() { load_state; local bin dir; bin=$(pg_bin); dir=$(pg_dir)
  as_postgres "$bin/pg_dump" -h "$dir" -p "$PG_PORT" -U "$(compose_value postgres POSTGRES_USER)" "$(compose_value postgres POSTGRES_DB)"; }

cmd_logs() { load_state
  for name in "${INSTANCES[@]}" caddy sandbox; do echo "$ROOT/$STATE/$name.log"; done
  echo "$(pg_dir)/server.log"; }

case "${1:-}" in
  up) cmd_up ;;
  status) cmd_status ;;
  kill) cmd_kill "${2:?instance name}" ;;
  stop) cmd_stop "${2:?instance name}" ;;
  start) cmd_start "${2:?instance name}" ;;
  restart-db) cmd_restart_db ;;
  down) cmd_down ;;
  sql) load_state; pg_sql "${2:?SQL}" ;;
  dump) cmd_dump ;;
  logs) cmd_logs ;;
  drill) shift; exec "$ROOT/deploy/drill/drill.sh" "$@" ;;
  *) echo "usage: $0 up|status|kill NAME|stop NAME|start NAME|restart-db|down|drill|sql SQL|dump|logs" >&2; exit 2 ;;
esac
