#!/usr/bin/env bash
# Installs what the tests need, builds with warnings as errors, runs every test project, prints one summary line.
# Usage: ./test.sh [dotnet test --filter expression]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== npm packages (azurite, playwright-core)"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi

echo "== Chromium for the dashboard browser tests (Playwright cannot download browsers here)"
if [ ! -x /usr/bin/chromium ]; then (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium); fi

echo "== build (warnings are errors)"
# NU1603 stays a warning: the Functions SDK restores its generated WorkerExtensions project (outside our props) and the
# package mirror lacks some exact lower bounds it asks for (NuGet takes the next version).
dotnet build Harasocial.Functions.sln -c Release -warnaserror -warnnotaserror:NU1603 -nologo -clp:ErrorsOnly

echo "== infra: bicep build and lint (Azure.Bicep.CommandLine.linux-x64 from NuGet)"
dotnet restore tools/Bicep -nologo -v q
bicep="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"
for file in infra/main.bicep infra/modules/*.bicep; do
  "$bicep" build "$file" --stdout >/dev/null
  "$bicep" lint "$file"
done

results=$(mktemp -d)
filter=()
if [ $# -gt 0 ]; then filter=(--filter "$1"); fi
status=0
for project in tests/*.Tests/*.csproj tests/*.IntegrationTests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== test $name"
  if ! dotnet test "$project" -c Release --no-build -nologo "${filter[@]}" \
        --logger "trx;LogFileName=$results/$name.trx" --logger "console;verbosity=minimal"; then
    status=1
  fi
done

# One closing line over every trx file: "N passed, N failed, N skipped".
read -r passed failed skipped total < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | sed -E 's/.*total="([0-9]+)".*passed="([0-9]+)".*failed="([0-9]+)".*/\2 \3 \1/' |
  awk '{p+=$1; f+=$2; t+=$3} END {print p+0, f+0, t-p-f, t+0}')
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then echo "no test ran: that is a failure"; exit 1; fi
if [ "$failed" -ne 0 ] || [ "$skipped" -ne 0 ]; then status=1; fi
exit $status
