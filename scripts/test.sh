#!/usr/bin/env bash
# The whole suite: types, unit/integration tests, content check, then end-to-end in a real browser.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
# The type check is one single-threaded process: it runs beside the unit tests (which leave a core idle at times)
# rather than before them, and its verdict is awaited before anything is built.
echo "== typecheck (in the background) and unit and integration tests"
mkdir -p .tmp; npx tsc --noEmit > .tmp/typecheck.log 2>&1 & typecheck=$!
vitest_status=0; npx vitest run || vitest_status=$?
typecheck_status=0; wait "$typecheck" || typecheck_status=$?
echo "== typecheck"; cat .tmp/typecheck.log; rm -f .tmp/typecheck.log
[ "$typecheck_status" -eq 0 ] || { echo "typecheck failed"; exit "$typecheck_status"; }
[ "$vitest_status" -eq 0 ] || exit "$vitest_status"
echo "== content check"; npm run --silent content:check
echo "== end-to-end"; bash scripts/e2e.sh
