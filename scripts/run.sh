#!/usr/bin/env bash
# Builds Onramp (UI embedded) and launches it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

section "System packages"
system_deps
section "UI dependencies (npm ci)"
npm_ci "$ROOT/ui"
section "Build the UI"
build_ui
section "Build the app"
build_app
section_end

echo "Starting $(app_binary)"
exec "$(app_binary)" "$@"
