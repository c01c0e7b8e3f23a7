#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring,
# so the real OS keychain code paths run in CI and tests without a desktop.
# The keyring daemon keeps its files in its own temporary folder, never in the
# HOME/XDG folders the command under test uses.
set -euo pipefail
if [ -z "${ONRAMP_KEYRING_SESSION:-}" ]; then
  export ONRAMP_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
# The daemon's files and password: the same ones when it is started again, so
# a restarted daemon opens the same unlocked keyring with what was stored.
start_keyring() {
  # A non-empty password: gnome-keyring stores a keyring with an empty one unencrypted.
  while IFS= read -r line; do
    [ -n "$line" ] && export "${line?}"
  done < <(printf 'onramp-test-keyring' | HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" \
    XDG_CONFIG_HOME="$keyring_home/config" gnome-keyring-daemon --unlock --components=secrets)
}
# `with-keyring.sh --restart`, from inside the session: the end-to-end harness
# starts the daemon again if it exited (gnome-keyring has aborted mid-run).
if [ "${1:-}" = "--restart" ]; then
  keyring_home=${ONRAMP_KEYRING_HOME:?with-keyring.sh --restart runs inside a keyring session}
  start_keyring
  exit 0
fi
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/onramp-keyring.XXXXXX")
export ONRAMP_KEYRING_HOME="$keyring_home"
trap 'rm -rf "$keyring_home"' EXIT
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -w "${XDG_RUNTIME_DIR}" ]; then
  export XDG_RUNTIME_DIR="$keyring_home/run"
  mkdir -m 700 -p "$XDG_RUNTIME_DIR"
fi
start_keyring
"$@"
