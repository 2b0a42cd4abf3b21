#!/usr/bin/env bash
# Runs the end-to-end benchmarks (tests/Harasocial.Benchmarks): builds in Release, starts its own Azurite, prints a
# table of ratios to same-run baselines and writes artifacts/benchmarks/latest.json.
# Usage: ./bench.sh [--quick] [--only 1,2,3,4]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build tests/Harasocial.Benchmarks -c Release -warnaserror -nologo -clp:ErrorsOnly
exec dotnet tests/Harasocial.Benchmarks/bin/Release/net10.0/Harasocial.Benchmarks.dll "$@"
