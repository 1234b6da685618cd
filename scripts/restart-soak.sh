#!/usr/bin/env bash
# Runs the app on one database the way an operator would: first start (demo data), then N restarts
# on the used database, the last one left running for M minutes with the deadline watcher on.
# Prints every warning and error the app logged and fails when there is any.
#   scripts/restart-soak.sh [restarts=3] [minutes=10] [seconds-between-restarts=45]
# Set Database__Provider=Postgres and ConnectionStrings__PowerService to soak on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
restarts=${1:-3}; minutes=${2:-10}; pause=${3:-45}
work=$(mktemp -d /tmp/ps-soak-XXXX)
port=${PORT:-5099}
export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__PowerService="${ConnectionStrings__PowerService:-Data Source=$work/powerservice.db}"
dotnet build PowerService.Web -v q --nologo >/dev/null

run_for() { # seconds, log file
  dotnet PowerService.Web/bin/Debug/net10.0/PowerService.Web.dll --contentRoot "$(pwd)/PowerService.Web" --urls "http://127.0.0.1:$port" >"$2" 2>&1 &
  local pid=$!
  for _ in $(seq 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/account/login" && break; sleep 1; done
  sleep "$1"
  kill -TERM "$pid"; wait "$pid" || true   # SIGINT is ignored by background jobs of a script
}

for i in $(seq 0 "$restarts"); do
  seconds=$pause; [ "$i" -eq "$restarts" ] && seconds=$((minutes * 60))
  echo "start $i: running ${seconds}s (log $work/run$i.log)"
  run_for "$seconds" "$work/run$i.log"
done

problems=$(grep -hE '^(warn|fail|crit):' "$work"/run*.log | sort | uniq -c || true)
lines=$(cat "$work"/run*.log | wc -l)
echo "logged $lines lines in $((restarts + 1)) runs"
if [ -n "$problems" ]; then
  echo "warnings and errors:"; echo "$problems"
  grep -hE -A3 '^(warn|fail|crit):' "$work"/run*.log | head -60
  exit 1
fi
echo "no warning or error logged"
