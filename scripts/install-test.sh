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
window_tests "$ROOT/tests/install" "/usr/bin/$APP_BIN_NAME" 300 ONRAMP_PACKAGE="$pkg" || exit 1
