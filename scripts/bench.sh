#!/usr/bin/env bash
# Benchmarks (never part of scripts/test.sh or CI): each figure is printed as a
# ratio against its baseline measured in the same run. Results are recorded
# by hand in docs/benchmarks/.
#
#   scripts/bench.sh validation [RUNS]   full validation vs its critical path (simulator, 100 ms/request)
#   scripts/bench.sh size                release binary vs the empty Tauri app (benches/empty-app)
#   scripts/bench.sh app [LAUNCHES]      launch → first paint / first button, memory (PSS), vs the empty app
#   scripts/bench.sh all
#
# `size` and `app` build both apps in release (the empty app only here);
# `app` needs Xvfb, tauri-driver and WebKitWebDriver like the e2e tests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
EMPTY="$ROOT/benches/empty-app"

release_apps() {
  section "release builds"
  build_ui
  (cd "$ROOT" && cargo build --release -p onramp-app --features custom-protocol)
  (cd "$EMPTY" && CARGO_TARGET_DIR="$TARGET" cargo build --release --features custom-protocol)
  section_end
}

validation() {
  section "validation time"
  # BENCH_PROFILE=dev skips the release build (slower code, so ratios a little higher).
  (cd "$ROOT" && cargo bench --profile "${BENCH_PROFILE:-bench}" -p onramp-application --bench validation -- "${1:-7}")
  section_end
}

size() {
  section "binary size"
  local app="$TARGET/release/$APP_BIN_NAME" empty="$TARGET/release/onramp-empty-app"
  local a e
  a=$(stat -c %s "$app")
  e=$(stat -c %s "$empty")
  printf '%-28s %12s\n' "release binary" "bytes"
  printf '%-28s %12d\n' "Onramp" "$a" "empty Tauri app" "$e"
  awk -v a="$a" -v e="$e" 'BEGIN { printf "%-28s %12.2f  (target ≤1.8)\n", "ratio", a / e }'
  section_end
}

app() {
  section "launch and memory"
  npm_ci "$ROOT/tests/e2e"
  (cd "$ROOT/tests/e2e" &&
    ONRAMP_APP_BINARY="$TARGET/release/$APP_BIN_NAME" \
    ONRAMP_EMPTY_APP_BINARY="$TARGET/release/onramp-empty-app" \
    BENCH_LAUNCHES="${1:-5}" \
    "$ROOT/scripts/with-keyring.sh" xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
      node bench/app.bench.mjs)
  section_end
}

case "${1:-all}" in
  validation) validation "${2:-}" ;;
  size) release_apps; size ;;
  app) release_apps; app "${2:-}" ;;
  all) validation; release_apps; size; app ;;
  *) echo "usage: scripts/bench.sh [validation [RUNS]|size|app [LAUNCHES]|all]" >&2; exit 2 ;;
esac
