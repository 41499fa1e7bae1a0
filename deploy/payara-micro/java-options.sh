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
# - 512 MB of heap: upstream answers are read whole before they are shaped, and a real one can be megabytes; a
#   320 MB heap cost no CPU with the benchmark's small answers (bench/benchmarks-notes.md, "Where the RSS after a
#   load goes").
# - http.maxConnections: idle keep-alive connections per host kept by the JDK's HttpURLConnection (default 5);
#   execute's own connection pool is sized by MCP_INSTANCE_CONCURRENCY.
PAYARA_DEFAULT_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC -Dhttp.maxConnections=64"
