# shellcheck shell=bash
# Sourced by bin/daprd and bin/daprj (which set DAPRJ_INSTALL): finds Java 25 and replaces the shell with the JVM,
# so signals (SIGTERM from 'daprj stop', Ctrl-C) reach the JVM's shutdown hooks directly.

# shellcheck source=SCRIPTDIR/../../../scripts/java-home.sh
source "$DAPRJ_INSTALL/libexec/java-home.sh" || exit 1

# Tuned for a small sidecar (measurements in the README): serial GC, small thread stacks, a capped heap, metaspace
# and code cache. DAPRJ_JAVA_OPTS, when set (even to nothing), replaces them.
DAPRJ_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms16m -Xmx256m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m"

# Not tuning but correctness: sqlite-jdbc loads a native library, Netty reads off-heap through Unsafe.
DAPRJ_REQUIRED_JAVA_OPTS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

# The AOT cache the build trained (daprj-dist/src/aot/train.sh); it holds classes loaded and linked ahead of time.
DAPRJ_AOT_CACHE=$DAPRJ_INSTALL/lib/daprj.aot

# The jars in a fixed order (not lib/*, whose order is the file system's): the AOT cache must see the same class path.
daprj_classpath() {
  local jars
  jars=$(LC_ALL=C; printf '%s:' "$DAPRJ_INSTALL"/lib/*.jar)
  printf '%s' "${jars%:}"
}

daprj_launch() {
  local main=$1
  shift
  local -a opts aot=()
  read -r -a opts <<<"${DAPRJ_JAVA_OPTS-$DAPRJ_DEFAULT_JAVA_OPTS}"
  if [[ -n ${DAPRJ_AOT_TRAINING:-} ]]; then
    aot=("-XX:AOTCacheOutput=$DAPRJ_AOT_CACHE")
  elif [[ -r $DAPRJ_AOT_CACHE ]]; then
    # A cache that does not fit (another JDK build, changed jars) is skipped by the JVM; only start-up is slower.
    aot=("-XX:AOTCache=$DAPRJ_AOT_CACHE" "-Xlog:aot*=off" "-Xlog:cds*=off")
  fi
  exec "$JAVA_HOME/bin/java" "${DAPRJ_REQUIRED_JAVA_OPTS[@]}" ${opts[@]+"${opts[@]}"} ${aot[@]+"${aot[@]}"} \
    -cp "$(daprj_classpath)" "$main" "$@"
}
