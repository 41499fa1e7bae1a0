# shellcheck shell=bash
# The JVM options Payara Micro runs with unless the caller gives its own (JAVA_OPTS of ./run, PAYARA_JAVA_OPTS of
# start-payara.sh, BENCH_JAVA_OPTS of the benchmarks). Sourced by those scripts, so a change here reaches ./run and
# every benchmark alike; the integration tests (SharedServer, arquillian.xml) and docker-compose.yml name the same
# options and say so.
#
# - the serial collector: on two cores with a 512 MB heap it cost 13-23 % less CPU per call than G1 (256 and 64
#   concurrent), with a lower p99, measured in turns on the same WAR (bench/benchmarks-notes.md, "Garbage
#   collector"); G1's concurrent threads and write barriers compete with the requests for the two cores. On a
#   larger machine with a larger heap, G1 (the JVM's own choice there) is the one to measure first.
# - 320 MB of heap: an upstream answer is read whole, up to MCP_MAX_UPSTREAM_BYTES (1 MiB), and parsed before it is
#   shaped, about 4.5 bytes of heap per byte of answer; MCP_INSTANCE_ANSWER_BYTES (16 MiB) bounds the answers held
#   by all calls together, so the heap is sized for that bound, not for 128 calls with 1 MiB answers each. With the
#   benchmark's small answers 320 MB cost no CPU against 512 MB and kept 170-200 MB less RSS; with 128 calls of 1 MB
#   answers in flight it served every call, at up to 1.3x the CPU per call of 512 MB (more full collections).
#   Without the bound, 320 MB answered no call at all under that load (bench/benchmarks-notes.md, "Answer bytes
#   held at once"). An operator whose calls bring large answers at high concurrency can give -Xmx512m.
# - http.maxConnections: idle keep-alive connections per host kept by the JDK's HttpURLConnection (default 5);
#   execute's own connection pool is sized by MCP_INSTANCE_CONCURRENCY.
PAYARA_DEFAULT_JAVA_OPTS="-Xmx320m -XX:+UseSerialGC -Dhttp.maxConnections=64"
