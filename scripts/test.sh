#!/usr/bin/env bash
# `npm test`: every test of the project, in order —
#   types and lint; vitest unit and integration tests (PGlite always, PostgreSQL through
#   TEST_DATABASE_URL); Playwright end-to-end tests in Chromium against a production build.
# Ends with one line "tests: N passed, N failed, N skipped" and a non-zero exit if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
failed=0
step() { echo; echo "== $*"; }

step "Browser for the end-to-end tests"
if [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ]; then
  [ -x "$PLAYWRIGHT_CHROMIUM_PATH" ] || { echo "PLAYWRIGHT_CHROMIUM_PATH=$PLAYWRIGHT_CHROMIUM_PATH is not an executable"; exit 1; }
elif command -v chromium >/dev/null 2>&1; then
  export PLAYWRIGHT_CHROMIUM_PATH=$(command -v chromium)
elif [ -x "$(node -e "try{process.stdout.write(require('playwright-core').chromium.executablePath())}catch{}" 2>/dev/null)" ]; then
  echo "using Playwright's own Chromium"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "no Chromium found: installing Debian's chromium"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || { echo "apt-get install chromium failed"; exit 1; }
  export PLAYWRIGHT_CHROMIUM_PATH=/usr/bin/chromium
else
  echo "No Chromium found. Install it with: sudo apt-get install -y chromium   (or set PLAYWRIGHT_CHROMIUM_PATH)"
  exit 1
fi
echo "chromium: ${PLAYWRIGHT_CHROMIUM_PATH:-playwright default}"

step "PostgreSQL for the integration tests"
pg_dir=""
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "TEST_DATABASE_URL is set: integration tests run on PostgreSQL too"
elif ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/credit-health-pg.XXXXXX)
  if TEST_DATABASE_URL=$(bash scripts/pg-throwaway.sh start "$pg_dir"); then
    export TEST_DATABASE_URL
    echo "started a throwaway PostgreSQL at $TEST_DATABASE_URL"
    trap 'bash scripts/pg-throwaway.sh stop "$pg_dir"' EXIT
  else
    echo "could not start a throwaway PostgreSQL (see $pg_dir/initdb.log)"; exit 1
  fi
else
  echo "TEST_DATABASE_URL is not set and no PostgreSQL server is installed:"
  echo "the PostgreSQL variants of the integration tests are SKIPPED (PGlite variants still run)."
fi

step "Type check"
npx tsc --noEmit -p . || failed=1

step "Lint"
npx eslint . || failed=1

step "Production build (shared by the multi-instance test and the end-to-end tests)"
if NEXT_TELEMETRY_DISABLED=1 npx next build; then
  export TEST_NEXT_DIST_DIR=.next E2E_SKIP_BUILD=1
else
  failed=1
fi

step "Unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || failed=1

step "End-to-end tests (Playwright, production build)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || failed=1

node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json || failed=1
exit $failed
