#!/usr/bin/env bash
# Conformance: clients nobody here wrote, driven against Onramp's simulator.
#   - Sage's Intacct SDK for Node (intacct/, npm ci from the committed lockfile)
#   - the `netsuite-rest` npm client (netsuite-rest/, npm ci from its lockfile)
#   - the `netsuite` Python client (netsuite/, pinned, in a venv under the cache dir)
# Starts `onramp-cli sim` for the scenarios needed and a loopback HTTPS proxy
# (lib/forward-proxy.mjs, TLS with a throwaway CA made here) that forwards
# https://HOST/path to the simulator as B/HOST/path. Ends with `N passed, N failed`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
CACHE="${ONRAMP_CONFORMANCE_CACHE:-$TARGET/conformance}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/onramp-conformance.XXXXXX")"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building onramp-cli"
(cd "$ROOT" && cargo build -q -p onramp-cli)
CLI="$TARGET/debug/onramp-cli"

# Starts a background process writing stdout to $2 and puts its first line in
# the variable named $1. Not called as $(start …): a subshell would keep the pid
# from PIDS, and the process would outlive the run.
start() {
  local var="$1" out="$2"; shift 2
  "$@" >"$out" 2>"$out.err" &
  PIDS+=("$!")
  for _ in $(seq 1 100); do
    if [ -s "$out" ]; then
      printf -v "$var" '%s' "$(head -n1 "$out")"
      return
    fi
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "could not start: $*" >&2
  cat "$out.err" >&2
  exit 1
}

# A test CA and one certificate for the real hosts the clients call.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Onramp conformance test CA" \
  -keyout "$WORK/ca.key" -out "$WORK/ca.pem" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=onramp-conformance" \
  -keyout "$WORK/host.key" -out "$WORK/host.csr" 2>/dev/null
printf '%s\n' \
  "subjectAltName=DNS:*.intacct.com,DNS:*.suitetalk.api.netsuite.com,DNS:*.restlets.api.netsuite.com" \
  "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
  "extendedKeyUsage=serverAuth" "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid" \
  >"$WORK/host.ext"
openssl x509 -req -in "$WORK/host.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial \
  -days 2 -extfile "$WORK/host.ext" -out "$WORK/host.pem" 2>/dev/null

start INTACCT "$WORK/intacct.url" "$CLI" sim --scenario "$HERE/scenarios/intacct.toml"
start INTACCT_GW "$WORK/intacct-gw.url" "$CLI" sim --scenario "$HERE/scenarios/intacct-gateway401.toml"
start NETSUITE "$WORK/netsuite.url" "$CLI" sim --scenario netsuite/happy
start PROXY_PORT "$WORK/proxy.port" node "$HERE/lib/forward-proxy.mjs" \
  --cert "$WORK/host.pem" --key "$WORK/host.key" --log "$WORK/proxy.log" \
  --route "intacct.com=$INTACCT" --route "netsuite.com=$NETSUITE"
# The same real hosts, answered by the newer-gateway company.
start PROXY_GW_PORT "$WORK/proxy-gw.port" node "$HERE/lib/forward-proxy.mjs" \
  --cert "$WORK/host.pem" --key "$WORK/host.key" --route "intacct.com=$INTACCT_GW"
echo "simulators: Intacct $INTACCT (newer gateway: $INTACCT_GW), NetSuite $NETSUITE"

# Installs only when the pinned versions changed since the last install.
stamp_ok() { [ -f "$2" ] && cmp -s "$1" "$2"; }
for dir in intacct netsuite-rest; do
  if ! stamp_ok "$HERE/$dir/package-lock.json" "$HERE/$dir/node_modules/.onramp-lock-stamp"; then
    (cd "$HERE/$dir" && npm ci --no-audit --no-fund --silent)
    cp "$HERE/$dir/package-lock.json" "$HERE/$dir/node_modules/.onramp-lock-stamp"
  fi
done
VENV="$CACHE/venv"
if ! stamp_ok "$HERE/netsuite/requirements.txt" "$VENV/.onramp-requirements-stamp"; then
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps -r "$HERE/netsuite/requirements.txt"
  cp "$HERE/netsuite/requirements.txt" "$VENV/.onramp-requirements-stamp"
fi

# Runs one node:test file; prints its spec report, then sets PASS/FAIL from its TAP summary.
node_suite() {
  local dir="$1" file="$2"; shift 2
  (cd "$HERE/$dir" && env "$@" CONF_PROXY_PORT="$PROXY_PORT" CONF_CA_FILE="$WORK/ca.pem" \
    timeout 120 node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$WORK/$dir.tap" "$file") || true
  PASS=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$WORK/$dir.tap" | tail -n1)
  FAIL=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$WORK/$dir.tap" | tail -n1)
  PASS=${PASS:-0}; FAIL=${FAIL:-0}
  # A suite that reported nothing (crashed, timed out) counts as a failure.
  if [ "$PASS$FAIL" = "00" ]; then FAIL=1; fi
}

echo; echo "== Sage Intacct SDK for Node (@intacct/intacct-sdk) =="
node_suite intacct sdk.test.mjs CONF_PROXY_LOG="$WORK/proxy.log" \
  CONF_PROXY_GATEWAY401_PORT="$PROXY_GW_PORT" CONF_INTACCT_SIM="$INTACCT"
ia_pass=$PASS; ia_fail=$FAIL

echo; echo "== netsuite-rest (npm) =="
node_suite netsuite-rest client.test.mjs
nr_pass=$PASS; nr_fail=$FAIL

echo; echo "== netsuite (PyPI) =="
(cd "$HERE/netsuite" && HTTPS_PROXY="http://127.0.0.1:$PROXY_PORT" NO_PROXY="" no_proxy="" \
  SSL_CERT_FILE="$WORK/ca.pem" timeout 120 "$VENV/bin/python" -W ignore::DeprecationWarning \
  -m unittest -v test_netsuite_client \
  2>&1 | tee "$WORK/netsuite.out") || true
# unittest ends with `Ran N tests` and `OK` or `FAILED (failures=F, errors=E)`.
ns_ran=$(sed -n 's/^Ran \([0-9]*\) tests\{0,1\} in .*/\1/p' "$WORK/netsuite.out")
ns_fail=0
for kind in failures errors; do
  n=$(sed -n "s/^FAILED (.*$kind=\([0-9]*\).*/\1/p" "$WORK/netsuite.out")
  ns_fail=$((ns_fail + ${n:-0}))
done
ns_pass=$(( ${ns_ran:-0} - ns_fail ))
if [ -z "$ns_ran" ] || [ "$ns_ran" -eq 0 ]; then ns_fail=$((ns_fail + 1)); fi

PASSED=$((ia_pass + nr_pass + ns_pass))
FAILED=$((ia_fail + nr_fail + ns_fail))
echo
echo "Intacct SDK: $ia_pass passed, $ia_fail failed; netsuite-rest: $nr_pass passed, $nr_fail failed;" \
  "netsuite (PyPI): $ns_pass passed, $ns_fail failed"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
