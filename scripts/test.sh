#!/usr/bin/env bash
# The whole suite: types, unit/integration tests, content check, then end-to-end in a real browser.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
# The type check is one single-threaded process: it runs beside the unit tests (which leave a core idle at times)
# rather than before them, and its verdict is awaited before anything is built.
# ESLint follows the type check in the same background job: two single-threaded checks on one core, not on the unit tests' path.
echo "== typecheck and lint (in the background) and unit and integration tests"
mkdir -p .tmp
{ npx tsc --noEmit > .tmp/typecheck.log 2>&1 && echo ok > .tmp/typecheck.status || echo failed > .tmp/typecheck.status
  npx eslint . --max-warnings 0 > .tmp/lint.log 2>&1; } & checks=$!
vitest_status=0; npx vitest run || vitest_status=$?
lint_status=0; wait "$checks" || lint_status=$?
echo "== typecheck"; cat .tmp/typecheck.log
typecheck_status=$(cat .tmp/typecheck.status); rm -f .tmp/typecheck.log .tmp/typecheck.status
echo "== lint"; cat .tmp/lint.log; rm -f .tmp/lint.log
[ "$typecheck_status" = ok ] || { echo "typecheck failed"; exit 1; }
[ "$lint_status" -eq 0 ] || { echo "lint failed"; exit "$lint_status"; }
[ "$vitest_status" -eq 0 ] || exit "$vitest_status"
echo "== content check"; npm run --silent content:check
echo "== end-to-end"; bash scripts/e2e.sh
