#!/usr/bin/env bash
set -euo pipefail
exec npx tsx scripts/e2e.ts "$@"
