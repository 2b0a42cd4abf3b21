#!/usr/bin/env bash
# Builds the deployment package of the isolated worker (src/Harasocial.Functions): a framework-dependent publish
# (functions.metadata, extensions.json, worker.config.json, host.json, .azurefunctions/, the dashboard's wwwroot/)
# zipped as publish.zip, then, with --upload and an app name (or azd's environment values), deploys it with
# `az functionapp deployment source config-zip` (Flex one-deploy). `azd deploy` does the same on its own.
# Usage: infra/publish.sh [--upload] [function-app-name [resource-group]]
set -euo pipefail
cd "$(dirname "$0")/.."
upload=0
if [ "${1:-}" = "--upload" ]; then upload=1; shift; fi
APP_NAME="${1:-${AZURE_FUNCTION_NAME:-}}"
RESOURCE_GROUP="${2:-${AZURE_RESOURCE_GROUP:-}}"

rm -rf publish
dotnet publish src/Harasocial.Functions -c Release -o publish/ -nologo -clp:ErrorsOnly
for f in functions.metadata extensions.json worker.config.json host.json .azurefunctions wwwroot/index.html; do
  test -e "publish/$f" || { echo "publish/$f missing"; exit 1; }
done

rm -f publish.zip
if command -v zip >/dev/null 2>&1; then
  (cd publish && zip -qr -X ../publish.zip .)
else
  python3 - <<'PY'
import os, zipfile
with zipfile.ZipFile("publish.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk("publish"):
        for f in files:
            path = os.path.join(root, f)
            z.write(path, os.path.relpath(path, "publish"))
PY
fi
echo "publish.zip: $(du -h publish.zip | cut -f1), $(python3 -c "import json;print(len(json.load(open('publish/functions.metadata'))))") functions"

if [ $upload -eq 1 ]; then
  [ -n "$APP_NAME" ] && [ -n "$RESOURCE_GROUP" ] || { echo "--upload needs an app name and resource group (or azd env values)"; exit 2; }
  az functionapp deployment source config-zip --name "$APP_NAME" --resource-group "$RESOURCE_GROUP" --src publish.zip
fi
