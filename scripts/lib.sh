# Shared helpers for run.sh and test.sh (sourced, not executed).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_BIN_NAME=onramp
TAURI_DRIVER_VERSION=2.1.0

# Prints a section header and, when the section ends, how long it took.
section() {
  section_end
  SECTION_NAME="$1"
  SECTION_START=$(date +%s)
  printf '\n==== %s ====\n' "$SECTION_NAME"
}
section_end() {
  if [ -n "${SECTION_NAME:-}" ]; then
    printf -- '---- %s: %ss\n' "$SECTION_NAME" "$(( $(date +%s) - SECTION_START ))"
    SECTION_NAME=""
  fi
}

# The app binary cargo builds, wherever CARGO_TARGET_DIR points.
app_binary() {
  local target="${CARGO_TARGET_DIR:-$ROOT/target}"
  echo "$target/debug/$APP_BIN_NAME"
}

system_deps() {
  if ! "$ROOT/scripts/system-deps.sh"; then
    echo "onramp: the system packages above are required; see README.md (\"Without root\")." >&2
    exit 3
  fi
}

# npm ci only when package-lock.json changed since the last install here.
npm_ci() {
  local dir="$1"
  local stamp="$dir/node_modules/.onramp-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "$dir: node_modules up to date"
    return
  fi
  (cd "$dir" && npm ci --no-audit --no-fund)
  cp "$dir/package-lock.json" "$stamp"
}

build_ui() {
  (cd "$ROOT/ui" && npm run build)
}

# The app with the UI embedded and served over tauri:// (production path).
build_app() {
  (cd "$ROOT" && cargo build -p onramp-app --features custom-protocol)
}
