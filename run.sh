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

# Documents (PDF) need a CJK font; a fresh machine has none. Install Debian's fonts-noto-cjk, whose
# Noto Sans CJK file the app loads by path (Documents:FontPath), when that file is missing. If it cannot be
# installed, the app still runs and the documents page says what to install (no restart needed after).
font="${Documents__FontPath:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
if [ ! -f "$font" ]; then
  echo "安装中文字体 fonts-noto-cjk（生成文书需要）… Installing fonts-noto-cjk for documents"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null; }; then
    echo "警告：未能安装 fonts-noto-cjk，文书功能不可用，其余功能正常。请手动执行 apt-get install -y fonts-noto-cjk（安装后无需重启）。" >&2
  fi
fi

export ASPNETCORE_ENVIRONMENT=Development   # turns on Demo:Enabled (appsettings.Development.json)
export ConnectionStrings__PowerService="${POWERSERVICE_DB:-Data Source=$(pwd)/powerservice.db}"
exec dotnet run --project PowerService.Web --urls "${URLS:-http://127.0.0.1:5080}"
