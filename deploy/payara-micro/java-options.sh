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
# - 512 MB of heap: an upstream answer is read whole, up to MCP_MAX_UPSTREAM_BYTES (1 MiB), and parsed before it is
#   shaped: about 6.5 MB per call in flight at that size. A 320 MB heap cost no CPU with the benchmark's small
#   answers and held one tenant's worst case too (16 such calls in flight: no error, the same CPU per call, p99
#   twice as long), but leaves room for one tenant's, not several at once (bench/benchmarks-notes.md, "Upstream
#   answers bounded"). An operator with few tenants or small answers can set -Xmx320m: about 170-200 MB less RSS.
# - http.maxConnections: idle keep-alive connections per host kept by the JDK's HttpURLConnection (default 5);
#   execute's own connection pool is sized by MCP_INSTANCE_CONCURRENCY.
PAYARA_DEFAULT_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC -Dhttp.maxConnections=64"
