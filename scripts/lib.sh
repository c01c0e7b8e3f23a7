# Shared helpers for run.sh and test.sh (sourced, not executed).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_BIN_NAME=onramp
TAURI_DRIVER_VERSION=2.1.0
WINDOWS_TARGET=x86_64-pc-windows-gnu

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
  check_toolchains
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

# The Tauri CLI pinned in ui/package.json (its npm package carries the binary).
tauri_cli() {
  (cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" "$@")
}

# The workspace version, which the installers carry.
app_version() {
  sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1
}

# Where the Tauri CLI puts the installers of a `debug` or `release` build.
bundle_dir() {
  echo "${CARGO_TARGET_DIR:-$ROOT/target}/$1/bundle"
}

# The app with the UI embedded and served over tauri:// (production path).
build_app() {
  (cd "$ROOT" && cargo build -p onramp-app --features custom-protocol)
}

# The Windows standard library for the type check; rustup fetches it once.
windows_std() {
  if rustc --print sysroot | xargs -I{} test -d "{}/lib/rustlib/$WINDOWS_TARGET"; then return; fi
  command -v rustup >/dev/null || { echo "onramp: the $WINDOWS_TARGET standard library is missing; install Rust with rustup (https://rustup.rs)" >&2; exit 3; }
  rustup target add "$WINDOWS_TARGET"
}

# Rust and Node come from their own installers (rustup, nodejs.org or a
# distribution package), not from system-deps.sh: say so clearly if missing.
check_toolchains() {
  command -v cargo >/dev/null || { echo "onramp: Rust is missing: install it from https://rustup.rs" >&2; exit 3; }
  command -v node >/dev/null || { echo "onramp: Node.js 20.19+ is missing: install it (https://nodejs.org)" >&2; exit 3; }
  local v; v=$(node -p 'process.versions.node')
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || { echo "onramp: Node.js $v is too old; the UI build needs 20.19 or newer" >&2; exit 3; }
}

# Runs the node tests in $1 against the app binary $2 in a real window (Xvfb,
# a private keyring), the whole run within $3 seconds and each test within 3
# minutes, so a hang fails with its output instead of running into CI's limit.
# Further VAR=value arguments go into the tests' environment. -noreset: by
# default the X server resets when its last client leaves (between two apps),
# and an app connecting during that reset cannot open the display. On failure
# the X server's messages are printed.
window_tests() {
  local dir="$1" binary="$2" secs="$3"
  shift 3
  local xvfb_log
  xvfb_log=$(mktemp "${TMPDIR:-/tmp}/onramp-xvfb.XXXXXX")
  if ! (cd "$dir" && env ONRAMP_APP_BINARY="$binary" "$@" timeout --kill-after=30 "$secs" \
    "$ROOT/scripts/with-keyring.sh" \
    xvfb-run -a -e "$xvfb_log" --server-args="-screen 0 1280x800x24 -noreset" \
    node --test --test-concurrency=1 --test-timeout=180000); then
    echo "The X server's messages:" >&2
    cat "$xvfb_log" >&2
    rm -f "$xvfb_log"
    return 1
  fi
  rm -f "$xvfb_log"
}
