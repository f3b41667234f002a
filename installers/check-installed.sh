#!/usr/bin/env bash
# Checks an installed SSTP Doctor command-line launcher the way installers/smoke-test-linux.sh does:
# `--version` shows the pom's version; a probe against the built-in responder (serve, scenario
# working, its CA trusted) exits 0 with the SSTP answer CALL_CONNECT_ACK; against the nak scenario it exits 1.
# Used by the macOS job of .github/workflows/installers.yml (bash 3.2 there: no newer bash features).
# Usage:  installers/check-installed.sh LAUNCHER
#   e.g.  installers/check-installed.sh "/Applications/SSTP Doctor.app/Contents/MacOS/sstp-doctor"
set -euo pipefail
APP=${1:?usage: check-installed.sh LAUNCHER}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
FAILED=0
ok()  { printf '  ok    %s\n' "$*"; }
bad() { printf '  FAIL  %s\n' "$*"; FAILED=$((FAILED + 1)); }

echo "== $APP --version"
version_out=$("$APP" --version 2>&1) || bad "--version exited with $?"
echo "$version_out" | sed 's/^/  | /'
pom_version=$(sed -n 's/^version=//p' "$ROOT/target/maven-archiver/pom.properties" 2>/dev/null || true)
if [ -n "$pom_version" ] && echo "$version_out" | grep -qF "SSTP Doctor $pom_version"; then
  ok "version $pom_version"
else
  bad "expected 'SSTP Doctor ${pom_version:-<pom version>}'"
fi

serve() { # serve SCENARIO: starts the responder, sets PORT
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  "$APP" serve --port 0 --scenario "$1" --write-ca "$WORK/ca.pem" --for 120s >"$WORK/serve-$1.log" 2>&1 &
  SERVER=$!
  PORT=""
  for _ in $(seq 1 300); do
    PORT=$(sed -n 's/^Listening on [^ ]*:\([0-9]*\)\..*/\1/p' "$WORK/serve-$1.log")
    [ -n "$PORT" ] && return 0
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.1
  done
  sed 's/^/  | /' "$WORK/serve-$1.log"
  return 1
}

echo "== probe against the built-in responder (scenario working)"
if serve working; then
  set +e
  "$APP" probe "localhost:$PORT" --proxy none --trust-ca "$WORK/ca.pem" --json >"$WORK/probe.json" 2>"$WORK/probe.err"
  code=$?
  set -e
  # The Call Connect Ack; the verdict may be a warning (Windows 7 and the responder's TLS), which exits 0 too.
  if [ $code -eq 0 ] && grep -q '"answer" *: *"CALL_CONNECT_ACK"' "$WORK/probe.json"; then
    ok "probe exit code 0, SSTP answer CALL_CONNECT_ACK"
  else
    bad "probe exit code $code (expected 0 and the SSTP answer CALL_CONNECT_ACK)"
    head -40 "$WORK/probe.json" "$WORK/probe.err" | sed 's/^/  | /'
  fi
else
  bad "serve did not start"
fi

echo "== probe against the built-in responder (scenario nak)"
if serve nak; then
  set +e
  "$APP" probe "localhost:$PORT" --proxy none --trust-ca "$WORK/ca.pem" >"$WORK/nak.txt" 2>&1
  code=$?
  set -e
  [ $code -eq 1 ] && ok "probe exit code 1 (failure diagnosed)" || { bad "probe exit code $code, expected 1"; sed 's/^/  | /' "$WORK/nak.txt"; }
else
  bad "serve did not start"
fi

if [ $FAILED -gt 0 ]; then echo "$FAILED check(s) failed"; exit 1; fi
echo "all checks passed"
