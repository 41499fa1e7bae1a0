# Sourced, not run: picks the JDK for Maven, Payara Micro and the tests, as ./run, ./test, the benchmarks and the
# cluster scripts do. Payara Micro 7 (Jakarta EE 11) needs Java 21 or newer; the code itself compiles for Java 17.
#
#   source "$ROOT/deploy/jdk.sh"     # exports JAVA_HOME and puts its bin/ first on PATH, or exits with the reason
#
# It also exports JDK_FEATURE_VERSION (21, 25, ...), so a script it starts that sources it again (./run, then
# start-payara.sh) keeps the choice instead of probing the JDK a second time, and jdk_major for other java commands.
#
# Tried in this order, the first of Java 21+ wins: $JAVA_HOME, the `java` on PATH, the Temurin 25 JDK at its Debian
# path (/usr/lib/jvm/temurin-25-jdk-amd64, beside the default JDK 17 on our machines).

jdk_major() { # java command -> its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

jdk_select() {
  local candidate major
  if [ -n "${JDK_FEATURE_VERSION:-}" ] && [ -x "${JAVA_HOME:-}/bin/java" ]; then
    return 0
  fi
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
      /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$candidate")")")
      PATH="$JAVA_HOME/bin:$PATH"
      JDK_FEATURE_VERSION=${major%%.*}
      export JAVA_HOME PATH JDK_FEATURE_VERSION
      # Maven 3.8's Guava uses sun.misc.Unsafe, which Java 24+ warns about in four lines on every mvn start
      if [ "${major%%.*}" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
        export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow${MAVEN_OPTS:+ $MAVEN_OPTS}"
      fi
      return 0
    fi
  done
  echo "No Java 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, java on PATH: $(command -v java || echo none))." >&2
  echo "Payara Micro 7 needs one: install e.g. Temurin 25 and set JAVA_HOME to it." >&2
  return 1
}

jdk_select || exit 1
