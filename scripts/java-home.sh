# shellcheck shell=bash
# Sourced (by scripts/* and by the distribution's bin/daprd, bin/daprj): finds a JDK 25 or newer and exports JAVA_HOME.
# Looks at, in order: $JAVA_HOME if it is 25+, /usr/lib/jvm/temurin-25*, the `java` on PATH if it is 25+.
# The machine's default java may be 17, so JAVA_HOME alone is not trusted.

# Prints the feature version (8, 17, 25 …) of the Java home $1, or nothing.
daprj_java_feature_version() {
  local home=$1 version=""
  if [[ -r $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z $version && -x $home/bin/java ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  version=${version#1.}
  printf '%s\n' "${version%%[!0-9]*}"
}

daprj_is_java_25() {
  local feature
  feature=$(daprj_java_feature_version "$1")
  [[ -x $1/bin/java && $feature =~ ^[0-9]+$ ]] && ((feature >= 25))
}

# Prints the Java home to use, or explains on stderr and fails.
daprj_find_java_home() {
  local candidate found=""
  if [[ -n ${JAVA_HOME:-} ]] && daprj_is_java_25 "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25*; do
    if [[ -d $candidate ]] && daprj_is_java_25 "$candidate"; then
      found=$candidate # the glob is sorted; the last one is the newest
    fi
  done
  if [[ -z $found ]] && candidate=$(command -v java); then
    candidate=$(dirname "$(dirname "$(readlink -f "$candidate")")")
    if daprj_is_java_25 "$candidate"; then
      found=$candidate
    fi
  fi
  if [[ -z $found ]]; then
    echo "daprj: no Java 25 found (looked at \$JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/temurin-25*, and 'java' on PATH)." >&2
    echo "daprj: install a JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  printf '%s\n' "$found"
}

if daprj_java_home_found=$(daprj_find_java_home); then
  export JAVA_HOME=$daprj_java_home_found
  unset daprj_java_home_found
else
  unset daprj_java_home_found
  # shellcheck disable=SC2317 # exit only when run instead of sourced
  return 1 2>/dev/null || exit 1
fi
