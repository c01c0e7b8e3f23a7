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
{ "schema_version": 3,
  "clients": [
    { "id": "c1", "name": "Acme Corp", "notes": "", "created_at": "2026-01-02T09:00:00Z" },
    { "id": "c2", "name": "Globex", "notes": "", "created_at": "2026-01-03T09:00:00Z" } ],
  "setups": [
  { "id": "a", "erp": "netsuite", "label": "Billing connector (sandbox)", "client_id": "c1",
    "environment": "sandbox", "practice_scenario": null, "account_id": "1234567_SB1", "entity_id": null,
    "profile_id": null, "auth_method": "oauth2-code", "current_step": "role",
    "steps": { "account": { "status": "done", "updated_at": "2026-01-05T09:00:00Z" } },
    "fields": {}, "last_run": null, "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:30:00Z" },
  { "id": "c", "erp": "netsuite", "label": "Billing connector (production)", "client_id": "c1",
    "environment": "production", "practice_scenario": null, "account_id": "1234567", "entity_id": null,
    "profile_id": null, "auth_method": "oauth2-m2m", "current_step": "report", "steps": {},
    "fields": { "netsuite": { "certificate_expires_at": "2026-12-10T00:00:00Z" } },
    "last_run": { "run_id": "r1", "passed": 11, "failed": 0, "warned": 0, "skipped": 0, "cancelled": false,
      "timed_out": false, "started_at": "2026-11-20T10:00:00Z", "finished_at": "2026-11-20T10:00:02Z" },
    "created_at": "2026-11-18T09:00:00Z", "updated_at": "2026-11-20T10:00:02Z" },
  { "id": "b", "erp": "intacct", "label": "Accounting sync", "client_id": "c2",
    "environment": "production", "practice_scenario": null, "account_id": "globex", "entity_id": "US01",
    "profile_id": null, "auth_method": null, "current_step": "validate", "steps": {},
    "fields": {},
    "last_run": { "run_id": "r2", "passed": 7, "failed": 2, "warned": 0, "skipped": 1, "cancelled": false,
      "timed_out": false, "started_at": "2026-11-21T15:00:00Z", "finished_at": "2026-11-21T15:00:03Z" },
    "created_at": "2026-01-04T14:00:00Z", "updated_at": "2026-11-21T15:00:03Z" }
] }
JSON
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
  "$ROOT/scripts/with-keyring.sh" xvfb-run -a --server-args="-screen 0 1024x720x24 -noreset" \
  bash -c "\"$(app_binary)\" & pid=\$!; sleep 6; import -window root \"$ROOT/docs/screenshots/home.png\"; kill \$pid"
echo "wrote docs/screenshots/home.png"
