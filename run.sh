#!/usr/bin/env bash
# Starts everything needed locally: Azurite (in memory), then the app in standalone mode; creates a demo tenant.
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")"

APP_PORT=7071
AZURITE_BASE=10000
usage() {
  cat <<USAGE
Usage: ./run.sh [--port N] [--azurite-port N] [--help]
  --port N          app port (default 7071)
  --azurite-port N  first of three Azurite ports: blob N, queue N+1, table N+2 (default 10000)
Settings come from local.settings.json when present (see local.settings.sample.json); this script sets
storage, an admin key and an encryption key for the local run.
USAGE
}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) APP_PORT="$2"; shift 2 ;;
    --azurite-port) AZURITE_BASE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1"; usage; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

echo "== installing tools (npm) and building"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/Harasocial.Functions -c Release -nologo -clp:ErrorsOnly -v q

BLOB=$AZURITE_BASE; QUEUE=$((AZURITE_BASE + 1)); TABLE=$((AZURITE_BASE + 2))
echo "== Azurite in memory (blob $BLOB, queue $QUEUE, table $TABLE)"
node_modules/.bin/azurite --inMemoryPersistence --silent --skipApiVersionCheck --disableTelemetry --loose \
  --blobPort "$BLOB" --queuePort "$QUEUE" --tablePort "$TABLE" &
pids+=($!)

ACCOUNT=devstoreaccount1
KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=$ACCOUNT;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/$ACCOUNT;QueueEndpoint=http://127.0.0.1:$QUEUE/$ACCOUNT;TableEndpoint=http://127.0.0.1:$TABLE/$ACCOUNT;"
export Auth__AdminKey="${Auth__AdminKey:-local-admin-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
export Security__TokenEncryptionKey="${Security__TokenEncryptionKey:-$(head -c 32 /dev/urandom | base64)}"
export Hosting__Mode=Standalone

echo "== app on http://127.0.0.1:$APP_PORT"
dotnet src/Harasocial.Functions/bin/Release/net10.0/Harasocial.Functions.dll --urls "http://127.0.0.1:$APP_PORT" &
pids+=($!)

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$APP_PORT/api/health" >/dev/null 2>&1; then break; fi
  sleep 0.3
done
curl -fsS "http://127.0.0.1:$APP_PORT/api/health" >/dev/null || { echo "the app did not become healthy"; exit 1; }

tenant=$(curl -fsS -X POST "http://127.0.0.1:$APP_PORT/api/tenants" -H "X-Api-Key: $Auth__AdminKey" \
  -H 'Content-Type: application/json' -d '{"id":"demo","name":"Demo seller"}')
echo
echo "Harasocial Sync is running."
echo "  dashboard   http://127.0.0.1:$APP_PORT/"
echo "  admin key   $Auth__AdminKey"
echo "  demo tenant $tenant"
echo "Ctrl-C stops everything."
wait -n "${pids[@]}"
