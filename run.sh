#!/usr/bin/env bash
# Runs PowerService on an embedded SQLite file with demo data and demo accounts.
# Usage: ./run.sh            (http://127.0.0.1:5080)
#        URLS=http://0.0.0.0:8080 ./run.sh
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "需要 .NET SDK 10（dotnet）。The .NET 10 SDK is required: https://dot.net" >&2
  exit 1
fi

export ASPNETCORE_ENVIRONMENT=Development   # turns on Demo:Enabled (appsettings.Development.json)
export ConnectionStrings__PowerService="${POWERSERVICE_DB:-Data Source=$(pwd)/powerservice.db}"
exec dotnet run --project PowerService.Web --urls "${URLS:-http://127.0.0.1:5080}"
