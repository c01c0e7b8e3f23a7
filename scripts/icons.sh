#!/usr/bin/env bash
# Regenerates the icon set in icons/ from icons/source/onramp.svg.
# Needs rsvg-convert (Debian: librsvg2-bin) and Node (npx fetches @tauri-apps/cli).
set -euo pipefail
cd "$(dirname "$0")/.."
rsvg-convert -w 1024 -h 1024 icons/source/onramp.svg -o icons/source/onramp-1024.png
npx -y @tauri-apps/cli@2 icon icons/source/onramp-1024.png -o icons
# Desktop app only: drop the mobile launcher sets the CLI also writes.
rm -rf icons/android icons/ios
