#!/usr/bin/env bash
# Takes docs/screenshots/home.png: the built app's home screen in a virtual
# display, with a few example setups and a throwaway HOME. Needs the app built
# (./scripts/run.sh or test.sh), xvfb-run and ImageMagick's `import`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
data="$home/.local/share/com.onramp.app"
mkdir -p "$data" "$ROOT/docs/screenshots"
cat > "$data/onramp-state.json" <<'JSON'
{ "schema_version": 2, "clients": [], "setups": [
  { "id": "a", "erp": "netsuite", "label": "Acme Corp – billing connector", "client_id": null,
    "environment": "sandbox", "practice_scenario": null, "account_id": "1234567_SB1", "entity_id": null,
    "profile_id": null, "auth_method": "oauth2-code", "current_step": "role",
    "steps": { "account": { "status": "done", "updated_at": "2026-01-05T09:00:00Z" } },
    "fields": {}, "last_run": null, "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:30:00Z" },
  { "id": "b", "erp": "intacct", "label": "Globex – accounting sync", "client_id": null,
    "environment": "production", "practice_scenario": null, "account_id": "globex", "entity_id": "US01",
    "profile_id": null, "auth_method": null, "current_step": "company", "steps": {},
    "fields": {}, "last_run": null, "created_at": "2026-01-04T14:00:00Z", "updated_at": "2026-01-04T14:00:00Z" }
] }
JSON
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
  "$ROOT/scripts/with-keyring.sh" xvfb-run -a --server-args="-screen 0 1024x720x24" \
  bash -c "\"$(app_binary)\" & pid=\$!; sleep 6; import -window root \"$ROOT/docs/screenshots/home.png\"; kill \$pid"
echo "wrote docs/screenshots/home.png"
