#!/usr/bin/env bash
# Benchmark commands named by the issues; results are recorded in docs/benchmarks.md.
#   ./bench.sh sla [count]   deadlines and states of 1,000,000 open SLA clocks, on one core
#   ./bench.sh reply [runs]  the 12398 reply rendered to PDF: median time per document and file size
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release tools/PowerService.Benchmarks -v q --nologo >/dev/null
exec taskset -c 0 dotnet tools/PowerService.Benchmarks/bin/Release/net10.0/PowerService.Benchmarks.dll "${@:-sla}"
