#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Onramp needs to build, run and test.
# Idempotent: does nothing when every package is already present.
set -euo pipefail
PKGS=(libwebkit2gtk-4.1-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev
      build-essential pkg-config libssl-dev curl file
      webkit2gtk-driver xvfb xauth xdotool dbus dbus-x11 gnome-keyring libsecret-tools libxml2-utils
      python3-venv openssl poppler-utils
      gcc-mingw-w64-x86-64-win32 rpm desktop-file-utils xdg-utils libglib2.0-bin)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "onramp: installing system packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"
  elif command -v sudo >/dev/null; then SUDO="sudo"
  else
    echo "onramp: these packages are missing and this user cannot install them:" >&2
    echo "  ${missing[*]}" >&2
    echo "Ask an administrator to run:  sudo apt-get install -y ${missing[*]}" >&2
    exit 3
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
