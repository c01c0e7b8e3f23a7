#!/usr/bin/env bash
# The long run of every property test of outside input (docs/fuzzing.md):
# each property runs batch after batch, with fresh random seeds, until its
# time is up, and the script prints one Markdown row per property.
#   scripts/long-fuzz.sh [minutes per property, default 10] [name regex]
# Not part of scripts/test.sh: CI runs each property's default 256 cases.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
filter=${2:-}
batch=${LONG_FUZZ_BATCH:-2000}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/onramp/target}

# crate, test target ("lib" for unit tests), property
properties=(
  "onramp-core parsers profile_and_record_files_never_panic"
  "onramp-core parsers endpoint_urls_never_panic_and_map_back"
  "onramp-core parsers capped_reads_return_the_file_or_refuse_it"
  "onramp-core lib http::redirect::tests::redirect_targets_are_judged_and_redacted"
  "onramp-sim lib intacct::parse::tests::requests_never_panic"
  "onramp-intacct parsers gateway_answers_never_panic"
  "onramp-intacct parsers rest_token_answers_never_panic"
  "onramp-netsuite parsers error_bodies_never_panic"
  "onramp-netsuite parsers pasted_redirect_addresses_never_panic"
  "onramp-netsuite parsers account_ids_never_panic"
  "onramp-netsuite parsers keys_and_certificates_never_panic"
  "onramp-netsuite parsers token_responses_never_panic"
)

# Build once, then run private copies: later builds in the same target dir
# cannot replace a binary under a running batch.
bins=$(mktemp -d)
trap 'rm -rf "$bins"' EXIT
executable() { # crate target
  local kind=(--test "$2")
  [ "$2" = lib ] && kind=(--lib)
  cargo test -q -p "$1" "${kind[@]}" --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1
}

echo "| property | batches × cases | cases | wall time | result |"
echo "| --- | ---: | ---: | ---: | --- |"
for entry in "${properties[@]}"; do
  read -r crate target name <<<"$entry"
  [[ -n "$filter" && ! "$name" =~ $filter ]] && continue
  key="$crate-$target"
  if [ ! -x "$bins/$key" ]; then
    cp "$(executable "$crate" "$target")" "$bins/$key"
  fi
  start=$(date +%s)
  deadline=$((start + minutes * 60))
  runs=0
  result=pass
  while [ "$(date +%s)" -lt "$deadline" ]; do
    left=$((deadline - $(date +%s) + 120))
    # A batch that outlives the property's time plus two minutes is a hang.
    if ! PROPTEST_CASES=$batch timeout "$left" "$bins/$key" --exact "$name" -q \
      >"$bins/out" 2>&1; then
      result="FAILED after $runs batches: $(grep -m1 -E 'panicked|minimal failing|Timeout|error' "$bins/out" || echo "timeout")"
      break
    fi
    runs=$((runs + 1))
  done
  wall=$(($(date +%s) - start))
  echo "| \`$name\` | $runs × $batch | $((runs * batch)) | ${wall} s | $result |"
done
