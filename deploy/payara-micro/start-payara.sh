#!/usr/bin/env bash
# Starts Payara Micro in the foreground, as ./run and the benchmarks do:
#
#   deploy/payara-micro/start-payara.sh PAYARA_JAR STATE_DIR [Payara Micro options: --port, --deploy, ...]
#
# The java process replaces this script (exec), so the caller's $! is the server's pid. Options always given:
# --nocluster; the runtime directory is in STATE_DIR (any --rootdir is refused).
#
# Faster starts through class-data sharing (issue 17). Plain `java -jar payara-micro.jar` unpacks its runtime and
# loads it through a class loader of its own on every start, which the JVM cannot archive. Instead, once per
# Payara Micro jar and JDK, this script unpacks the runtime into STATE_DIR/payara-micro-<version> with Payara's
# --outputlauncher (a launcher jar whose class path lists the unpacked jars), and starts that launcher. The first
# start with a new runtime is a training run: Payara boots, deploys the given applications and stops (--warmup)
# while the JVM records every class it loaded into STATE_DIR/payara-micro-<version>/classes.jsa (JDK 17 dynamic
# archive, -XX:ArchiveClassesAtExit); later starts map that archive instead of reading, parsing and verifying
# ~22,000 classes again. The archive is made anew when the Payara Micro jar or the JDK changes (both are in the
# stamp file beside it); a class of an application that changed since is simply loaded the usual way (the JVM
# compares each archived class of a web application with the bytes it is given). Nothing of it belongs in git:
# it lives under STATE_DIR (.run/ for ./run).
#
# The runtime directory is reset before every start (configuration, deployed applications, logs), so each start
# is as fresh as one of `java -jar` with a new --rootdir; only the unpacked runtime jars and the archive are kept.
#
# Environment:
#   PAYARA_JAVA       the java command [the one deploy/jdk.sh picks: Java 21+, which it needs to find either way]
#   PAYARA_JAVA_OPTS  JVM options [PAYARA_DEFAULT_JAVA_OPTS of java-options.sh beside this script, with the reasons]
#   PAYARA_CDS        jar (default): plain `java -jar PAYARA_JAR --rootdir STATE_DIR/payara-root`
#                     on: the launcher and the class-data archive as above (opt-in: ≈ 10-20 % less boot CPU on
#                         JDK 17, none on Temurin 25; ≈ 70-180 MB more RSS and a first start twice as long;
#                         bench/benchmarks-notes.md)
#                     aot: the launcher and the JDK's AOT cache instead (Java 24+, JEP 483/514/515: classes loaded
#                         and linked, method profiles), STATE_DIR/payara-micro-<version>/classes.aot, recorded by the
#                         same kind of training run (-XX:AOTCacheOutput); ≈ 20 % less boot time and CPU, ≈ 170 MB
#                         more RSS on Temurin 25 with Payara Micro 7
#                     off: the launcher without an archive
#   PAYARA_PREPARE_ONLY  1: only unpack the runtime and make the archive (a training run with the given options
#                     when there is none yet), then exit: for benchmarks that time the start that follows
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
state=$2
shift 2
for argument in "$@"; do
  [ "$argument" != --rootdir ] || { echo "start-payara.sh: the runtime directory is STATE_DIR; no --rootdir" >&2; exit 2; }
done
mkdir -p "$state"
state=$(cd "$state" && pwd)
# shellcheck source=../jdk.sh
source "$(dirname "${BASH_SOURCE[0]}")/../jdk.sh"
# shellcheck source=java-options.sh
source "$(dirname "${BASH_SOURCE[0]}")/java-options.sh"
java=${PAYARA_JAVA:-java}
# slf4j.internal.verbosity: the OpenAPI parser logs through SLF4J, which has no provider inside Payara and says so
# in three lines on every start; its log lines carry nothing for an operator (parse problems are reported by us).
# shellcheck disable=SC2206
java_opts=(${PAYARA_JAVA_OPTS:-$PAYARA_DEFAULT_JAVA_OPTS} -Dslf4j.internal.verbosity=ERROR)
# Java 24+ writes four warning lines to stderr when Hazelcast (inside Payara) uses sun.misc.Unsafe, and four more
# when ONNX Runtime (the search model) loads its native library: nothing an operator can act on, allowed outright.
if [ -n "${PAYARA_JAVA:-}" ]; then java_version=$(jdk_major "$PAYARA_JAVA"); else java_version=$JDK_FEATURE_VERSION; fi
if [ "${java_version%%.*}" -ge 24 ] 2>/dev/null; then
  java_opts+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
fi
mode=${PAYARA_CDS:-jar}

case "$mode" in
  jar)
    rm -rf "$state/payara-root"
    [ "${PAYARA_PREPARE_ONLY:-0}" != 1 ] || exit 0
    exec "$java" "${java_opts[@]}" -jar "$jar" --nocluster --rootdir "$state/payara-root" "$@" ;;
  on|off|aot) ;;
  *) echo "start-payara.sh: PAYARA_CDS must be on, aot, off or jar, was '$mode'" >&2; exit 2 ;;
esac

runtime="$state/$(basename "$jar" .jar)"
archive="$runtime/classes.jsa"
archive_kind="class-data archive"
if [ "$mode" = aot ]; then
  [ "${java_version%%.*}" -ge 24 ] 2>/dev/null \
    || { echo "start-payara.sh: PAYARA_CDS=aot needs Java 24 or newer; $java is Java ${java_version:-?}" >&2; exit 2; }
  archive="$runtime/classes.aot"
  archive_kind="AOT cache"
fi
# What the unpacked runtime and its archive were made from: another jar or another JDK makes both anew.
stamp="$(stat -c '%n %s %Y' "$jar") | $("$java" -version 2>&1 | tr '\n' ' ')"
if [ "$(cat "$runtime/stamp" 2>/dev/null || true)" != "$stamp" ]; then
  rm -rf "$runtime"
  mkdir -p "$runtime"
  # the launcher refuses a --rootdir of its own: its directory is the runtime directory
  "$java" -jar "$jar" --rootdir "$runtime" --outputlauncher >"$runtime/outputlauncher.log" 2>&1 \
    || { cat "$runtime/outputlauncher.log" >&2; echo "start-payara.sh: could not unpack $jar" >&2; exit 1; }
  # what a fresh start begins with; everything else in the directory is reset from it before each start
  mkdir "$runtime/pristine"
  for entry in "$runtime"/*; do
    case "$(basename "$entry")" in runtime|launch-micro.jar|META-INF|pristine|outputlauncher.log) ;; *) mv "$entry" "$runtime/pristine/" ;; esac
  done
  printf '%s\n' "$stamp" >"$runtime/stamp"
fi

reset_runtime() {
  local entry
  for entry in "$runtime"/* "$runtime"/.[!.]*; do
    [ -e "$entry" ] || continue
    case "$(basename "$entry")" in
      runtime|launch-micro.jar|META-INF|pristine|stamp|classes.jsa|classes.aot|outputlauncher.log|training.log) ;;
      *) rm -rf "$entry" ;;
    esac
  done
  cp -a "$runtime/pristine/." "$runtime/"
}

# The training run must not answer on the caller's port: whoever waits for the server would take it for ready.
training_arguments() {
  local next_is_port=false argument
  for argument in "$@"; do
    if $next_is_port; then argument=$((20000 + RANDOM % 30000)); next_is_port=false; fi
    [ "$argument" != --port ] || next_is_port=true
    printf '%s\0' "$argument"
  done
  printf '%s\0' --autobindhttp --warmup
}

if { [ "$mode" = on ] || [ "$mode" = aot ]; } && [ ! -f "$archive" ]; then
  echo "Preparing the $archive_kind of Payara Micro for faster starts (once per Payara/JDK version; log in $runtime/training.log)…" >&2
  reset_runtime
  mapfile -d '' training < <(training_arguments "$@")
  # -Xlog: the dump lists every class it leaves out (not linked, generated reflection accessors) as a warning
  if [ "$mode" = aot ]; then
    record=(-XX:AOTCacheOutput="$archive.tmp" -Xlog:aot=error,cds=error)
  else
    record=(-XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=error,cds+dynamic=error)
  fi
  "$java" "${java_opts[@]}" "${record[@]}" \
    -jar "$runtime/launch-micro.jar" --nocluster "${training[@]}" >"$runtime/training.log" 2>&1 &
  trainer=$!
  # stopped meanwhile (Ctrl-C in ./run): the training JVM goes too, and no half-written archive is kept
  trap 'kill "$trainer" 2>/dev/null; wait "$trainer" 2>/dev/null; rm -f "$archive.tmp"; exit 143' TERM INT HUP
  if wait "$trainer" && [ -s "$archive.tmp" ]; then
    mv "$archive.tmp" "$archive"
  else
    rm -f "$archive.tmp"
    echo "start-payara.sh: the training run failed (see $runtime/training.log); starting without the archive" >&2
  fi
  trap - TERM INT HUP
fi

[ "${PAYARA_PREPARE_ONLY:-0}" != 1 ] || exit 0
reset_runtime
share=()
# ArchiveRelocationMode=0: map the archive at the address it was made for, as JDK 17 did by default until 17.0.x
# (Debian's 17.0.15 relocates it to a random address on every start: each of its pointers is rewritten, which costs
# time and turns the ~150 MB of mapped file into private memory of the process); relocated only when that address
# is taken.
[ "$mode" = aot ] && [ -f "$archive" ] && share=(-XX:AOTCache="$archive")
[ "$mode" = on ] && [ -f "$archive" ] && share=(-XX:SharedArchiveFile="$archive" -XX:+UnlockDiagnosticVMOptions
  -XX:ArchiveRelocationMode=0)
exec "$java" "${java_opts[@]}" "${share[@]}" -jar "$runtime/launch-micro.jar" --nocluster "$@"
