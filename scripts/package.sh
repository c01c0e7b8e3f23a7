#!/usr/bin/env bash
# Builds Onramp's Linux installers and reports their sizes and the binary's.
#   scripts/package.sh           release build, then the .deb and the .rpm
#   scripts/package.sh --debug   the .deb of the debug build test.sh has made
#                                (no compiling: for the install test)
# ONRAMP_BUNDLES=deb,rpm,appimage adds an AppImage where github.com is
# reachable (the bundler downloads linuxdeploy from there).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

mode=release
if [ "${1:-}" = "--debug" ]; then mode=debug; fi
bundles=${ONRAMP_BUNDLES:-deb,rpm}

if [ "$mode" = release ]; then
  section "System packages"
  system_deps
  section "UI dependencies (npm ci)"
  npm_ci "$ROOT/ui"
  section "Release build and installers ($bundles)"
  # Runs the UI build (beforeBuildCommand) and cargo with the release profile.
  tauri_cli build --ci --bundles "$bundles" --features custom-protocol
else
  section "Installer of the debug build (deb)"
  bundles=deb
  tauri_cli bundle --ci --debug --bundles deb --features custom-protocol
fi

section "Check the installers"
dir=$(bundle_dir "$mode")
entry=$(mktemp -d "${TMPDIR:-/tmp}/onramp-package.XXXXXX")
trap 'rm -rf "$entry"' EXIT
version=$(app_version)
deb="$dir/deb/Onramp_${version}_amd64.deb"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$entry" usr/share/applications/Onramp.desktop
desktop-file-validate "$entry/usr/share/applications/Onramp.desktop"
grep -qx 'Exec=onramp %u' "$entry/usr/share/applications/Onramp.desktop"
grep -qx 'MimeType=x-scheme-handler/com.onramp.app' "$entry/usr/share/applications/Onramp.desktop"
echo "desktop entry: valid, registers com.onramp.app:// and passes the address (%u)"
rpm_file="$dir/rpm/Onramp-${version}-1.x86_64.rpm"
if [ "$mode" = release ] && [ -e "$rpm_file" ]; then
  rpm -qlp "$rpm_file" | grep -qx /usr/share/applications/Onramp.desktop
  rpm -qlp "$rpm_file" | grep -qx /usr/bin/$APP_BIN_NAME
  echo "rpm: holds the program and the same desktop entry"
fi

size() { printf '%-60s %6s MiB (%s bytes)\n' "$(basename "$1")" "$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$1")/1048576}")" "$(stat -c %s "$1")"; }
size "${CARGO_TARGET_DIR:-$ROOT/target}/$mode/$APP_BIN_NAME"
for f in "$deb" "$rpm_file" "$dir/appimage/Onramp_${version}_amd64.AppImage"; do
  [ -e "$f" ] && case ",$bundles," in *,"$(basename "$(dirname "$f")")",*) size "$f" ;; esac
done
section_end
