#!/usr/bin/env bash
# The whole suite: types, unit/integration tests, content check, then end-to-end in a real browser.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
echo "== typecheck"; npx tsc --noEmit
echo "== unit and integration tests"; npx vitest run
echo "== content check"; npm run --silent content:check
echo "== end-to-end"; bash scripts/e2e.sh
