#!/usr/bin/env bash
# Build step (daprj-dist, phase package): runs the packaged sidecar once under a small HTTP workload so that the JVM
# writes lib/daprj.aot, the AOT cache bin/daprd and bin/daprj start from (about 40% less start-up CPU; README).
# A failed training leaves no cache and does not fail the build: the commands simply start without it.
# Usage: train.sh INSTALL_DIR   (skip with -Ddaprj.aot.skip=true)
set -euo pipefail
install=$1
cache=$install/lib/daprj.aot
rm -f "$cache"

home=$(mktemp -d)
log=$home/training.log
pid=""
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$home"
}
trap cleanup EXIT
give_up() {
  echo "aot: WARNING: no AOT cache ($1); bin/daprd and bin/daprj will start without one. Log:" >&2
  tail -20 "$log" >&2 || true
  rm -f "$cache"
  exit 0
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 50); do
  port=$((20000 + RANDOM % 20000))
  port_free "$port" && port_free $((port + 1)) && port_free $((port + 2)) && break
done

# METHOD PATH [BODY] -> prints the HTTP status; plain bash so the build needs no curl.
http_status() {
  local body=${3-} status=000
  exec 3<>"/dev/tcp/127.0.0.1/$port" || { echo 000; return 0; }
  printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#body}" "$body" >&3
  read -r _ status _ <&3 || true
  exec 3<&- 3>&-
  echo "${status:-000}"
}

DAPRJ_HOME=$home DAPRJ_AOT_TRAINING=1 "$install/bin/daprd" --app-id aot-training --dapr-http-port "$port" \
  --dapr-grpc-port $((port + 1)) --metrics-port $((port + 2)) --dapr-graceful-shutdown-seconds 0 --log-level warn \
  >"$log" 2>&1 &
pid=$!

waited=0
until [[ $(http_status GET /v1.0/healthz 2>/dev/null) == 204 ]]; do
  kill -0 "$pid" 2>/dev/null || give_up "the sidecar exited during start-up"
  ((waited < 600)) || give_up "the sidecar was not healthy within 120 s"
  sleep 0.2
  waited=$((waited + 1))
done

# The routes every app uses first: state (single, bulk, transaction, delete), metadata, health, an invocation error.
for round in 1 2 3; do
  http_status POST /v1.0/state/statestore "[{\"key\":\"k$round\",\"value\":{\"n\":$round}}]" >/dev/null
  http_status GET "/v1.0/state/statestore/k$round" >/dev/null
  http_status POST /v1.0/state/statestore/bulk "{\"keys\":[\"k$round\",\"missing\"]}" >/dev/null
  http_status POST /v1.0/state/statestore/transaction \
    "{\"operations\":[{\"operation\":\"upsert\",\"request\":{\"key\":\"t$round\",\"value\":\"v\"}}]}" >/dev/null
  http_status DELETE "/v1.0/state/statestore/k$round" >/dev/null
  http_status GET /v1.0/state/nostore/x >/dev/null
  http_status GET /v1.0/metadata >/dev/null
  http_status GET /v1.0/healthz/outbound >/dev/null
  http_status POST /v1.0/invoke/nobody/method/hello '{}' >/dev/null
done

# SIGTERM: the JVM shuts down normally and writes the cache on its way out.
kill -TERM "$pid"
wait "$pid" || true
pid=""
[[ -s $cache ]] || give_up "the JVM wrote no cache"
echo "aot: wrote $cache ($(($(stat -c %s "$cache") / 1048576)) MiB)"
