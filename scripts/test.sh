#!/usr/bin/env bash
# Runs everything: system packages, lint gates, Rust tests (with a real
# keychain), UI tests, the app build with the UI embedded, end-to-end tests.
# Stops at the first failing section.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
TOTAL_START=$(date +%s)
trap 'rc=$?; if [ $rc -ne 0 ]; then echo; echo "FAILED in section: ${SECTION_NAME:-setup} (exit $rc)" >&2; fi' EXIT

section "System packages"
system_deps

section "tauri-driver"
if cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
  echo "tauri-driver $TAURI_DRIVER_VERSION already installed"
else
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi

section "npm ci (ui, tests/e2e)"
(cd ui && npm ci --no-audit --no-fund)
(cd tests/e2e && npm ci --no-audit --no-fund)

section "Lint: cargo fmt"
cargo fmt --all --check

section "Lint: cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

section "Lint: Windows type check (every crate, x86_64-pc-windows-gnu)"
# The Windows code paths (native dialog, keychain, deep links) compile and
# are warning-free; mingw-w64 builds the C parts (ring). Tests are left out.
windows_std
RUSTFLAGS="-D warnings" cargo check --workspace --lib --bins --target "$WINDOWS_TARGET"

section "Lint: TypeScript (tsc, eslint)"
(cd ui && npx tsc --noEmit && npx eslint . --max-warnings 0)
for f in tests/e2e/*.test.mjs tests/e2e/lib/*.mjs tests/install/*.test.mjs; do node --check "$f"; done

section "Rust tests (workspace, real keychain in a private D-Bus session)"
# Keychain tests are marked #[ignore] because they need a Secret Service; the
# private session provides one, so they run here.
scripts/with-keyring.sh cargo test --workspace -- --include-ignored

section "Conformance: public Intacct and NetSuite clients against the simulator"
tests/conformance/run.sh

section "UI tests (vitest)"
(cd ui && npx vitest run)

section "Build the UI and the app (UI embedded)"
build_ui
build_app

section "End-to-end tests (Xvfb, tauri-driver, real keychain)"
# The longest test takes ~11 s; the whole section gets 20 minutes.
window_tests tests/e2e "$(app_binary)" 1200

section "Install test (the debug build as a .deb: install, launch, xdg-open a redirect, remove)"
scripts/package.sh --debug
scripts/install-test.sh "$(bundle_dir debug)/deb/Onramp_$(app_version)_amd64.deb"
section_end

echo
echo "All sections passed in $(( $(date +%s) - TOTAL_START ))s."
