#!/usr/bin/env bash
# Benchmark commands named by the issues; results are recorded in docs/benchmarks.md.
#   ./bench.sh sla [count]   deadlines and states of 1,000,000 open SLA clocks, on one core
#   ./bench.sh reply [runs]  the 12398 reply rendered to PDF: median time per document and file size
#   ./bench.sh build --count N --provider sqlite --path FILE | --provider postgres --connection "Host=…;Database=…" [--force]
#                            a database of N complaints made by the app's own code (issue 9), on both cores
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release tools/PowerService.Benchmarks -v q --nologo >/dev/null
dll=tools/PowerService.Benchmarks/bin/Release/net10.0/PowerService.Benchmarks.dll
# The builder generates on one thread and inserts on another: pinning it would halve it. The
# timing benchmarks stay on one core so their figures compare across machines.
if [ "${1:-}" = build ]; then exec dotnet "$dll" "$@"; fi
exec taskset -c 0 dotnet "$dll" "${@:-sla}"
