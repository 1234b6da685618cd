#!/usr/bin/env bash
# Runs every test: domain, bUnit components, persistence on SQLite and PostgreSQL, rendered PDFs and
# the Playwright browser tests. Installs what the tests need when it is missing (Debian chromium,
# a CJK font, poppler-utils for reading PDFs back, PostgreSQL started on 127.0.0.1:55432).
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The persistence tests run on PostgreSQL too; if it cannot start, this fails (they never skip).
# A server this script starts is stopped again on every way out (tests failing, Ctrl-C); one that
# was already running when it began is left running.
export PGPORT=${PGPORT:-55432} PGDATA=${PGDATA:-/tmp/ps-pgdata}
started_postgres=""
if ! pg_isready -h 127.0.0.1 -p "$PGPORT" -q >/dev/null 2>&1; then started_postgres=1; fi
stop_postgres() {
  if [ -n "$started_postgres" ]; then ./scripts/postgres.sh stop || echo "Could not stop PostgreSQL in $PGDATA" >&2; fi
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
POWERSERVICE_TEST_POSTGRES="$(./scripts/postgres.sh)"
export POWERSERVICE_TEST_POSTGRES

log=$(mktemp)
set +e
dotnet test PowerService.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "N passed, N failed, N skipped".
summary=$(grep -E 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
elif [ "$status" -eq 0 ]; then
  echo "0 passed, 0 failed"; status=1   # a run that executed no test is a failure
fi
rm -f "$log"
exit "$status"
