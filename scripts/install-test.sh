#!/usr/bin/env bash
# Installs Onramp's .deb ($1), runs tests/install against the installed app
# (Xvfb, tauri-driver, a private keyring) and removes the package again, also
# when a test fails. Refuses to run where Onramp is installed already: the
# test removes the package, and the machine must be left as it was found.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
deb=$(realpath "$1")
pkg=$(dpkg-deb -f "$deb" Package)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

installed() { dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; }
if installed; then
  echo "onramp: $pkg is installed on this machine; the install test would remove it. Remove it first." >&2
  exit 3
fi
trap 'if installed; then echo "removing $pkg"; $SUDO dpkg -r "$pkg" >/dev/null; fi' EXIT

$SUDO dpkg -i "$deb"
xvfb_log=$(mktemp "${TMPDIR:-/tmp}/onramp-xvfb.XXXXXX")
if ! (cd "$ROOT/tests/install" && ONRAMP_APP_BINARY=/usr/bin/$APP_BIN_NAME ONRAMP_PACKAGE="$pkg" \
  timeout --kill-after=30 300 "$ROOT/scripts/with-keyring.sh" \
  xvfb-run -a -e "$xvfb_log" --server-args="-screen 0 1280x800x24 -noreset" \
  node --test --test-concurrency=1 --test-timeout=180000); then
  echo "The X server's messages:" >&2
  cat "$xvfb_log" >&2
  rm -f "$xvfb_log"
  exit 1
fi
rm -f "$xvfb_log"
