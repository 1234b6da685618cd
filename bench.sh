#!/usr/bin/env bash
# Benchmark commands named by the issues; results are recorded in docs/benchmarks.md.
#   ./bench.sh sla [count]   deadlines and states of 1,000,000 open SLA clocks, on one core
#   ./bench.sh reply [runs]  the 12398 reply rendered to PDF: median time per document and file size
#   ./bench.sh build --count N --provider sqlite --path FILE | --provider postgres --connection "Host=…;Database=…" [--force]
#                            a database of N complaints made by the app's own code (issue 9), on both cores
#   ./bench.sh workbench --provider sqlite --path FILE | --provider postgres --connection CS [--runs 30]
#                            every queue view, paging, search, complaint page, bell and watcher scan on a built database
#   ./bench.sh reports --provider … [--runs 10] [--as-of 2026-11-24T00:00:00Z] [--refill 1]
#                            managers' reports (issue 10): the measure backfill after the upgrade, then each report warm
#   ./bench.sh export --provider … [--rows 100000] [--month 2026-10] [--format xlsx|csv]
#                            the report's xlsx with at least 100,000 detail rows (issue 10): time and peak memory
#   ./bench.sh cases --provider sqlite --path FILE | --provider postgres --connection CS [--count 100000] [--runs 20]
#                            the case library's search over 100,000 published cases (made on the first run) and de-identifying a complaint (issue 11)
#   ./bench.sh load --provider … [--users 200] [--seconds 60] [--think-ms 2000]
#                            simulated people at once mixing queue, search, pages and steps: p95 per action
#   ./bench.sh import [--rows 100000] [--format xlsx|csv|both] [--batch 5000] [--keep 1] [--postgres "Host=…;Database=…"]
#                            a 12398 export of 100,000 work orders (xlsx, CSV) previewed and imported into a fresh SQLite file or PostgreSQL database (issue 12)
#   ./bench.sh api [--rate 200] [--seconds 60] [--db FILE]
#                            an upstream system calling the work-order API at a fixed rate (issue 12): p95 per kind of call
#   ./bench.sh circuits [--pages 1,20,50] [--db FILE] [--runs 3]
#                            server memory per signed-in 工作台 held open in Chromium (issue 9); --db is copied first
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release tools/PowerService.Benchmarks -v q --nologo >/dev/null
dll=tools/PowerService.Benchmarks/bin/Release/net10.0/PowerService.Benchmarks.dll
# The builder generates on one thread and inserts on another, and the workbench and load figures
# are what the app serves on this machine's two cores: those run unpinned. The CPU-only timing
# benchmarks stay on one core so their figures compare across machines.
# The import runs the app's own code in this process: with the app's garbage collector (the web SDK's
# server GC, as PowerService.Web.runtimeconfig.json says), not this console project's workstation one.
[ "${1:-}" = import ] && export DOTNET_gcServer=1
case "${1:-}" in build|workbench|reports|export|cases|load|circuits|import|api) exec dotnet "$dll" "$@" ;; esac
exec taskset -c 0 dotnet "$dll" "${@:-sla}"
