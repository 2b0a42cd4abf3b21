#!/usr/bin/env bash
# Builds the deployment package: a self-contained linux-x64 publish (the project writes host.json and one
# function.json per function into it) zipped with the executable bit kept, then, when an app name is given or azd
# provided one, uploads it with `az functionapp deployment source config-zip` (Flex one-deploy).
# Usage: infra/publish.sh [--upload] [function-app-name [resource-group]]
set -euo pipefail
cd "$(dirname "$0")/.."
upload=0
if [ "${1:-}" = "--upload" ]; then upload=1; shift; fi
APP_NAME="${1:-${AZURE_FUNCTION_NAME:-}}"
RESOURCE_GROUP="${2:-${AZURE_RESOURCE_GROUP:-}}"

rm -rf publish
dotnet publish src/Harasocial.Functions -c Release -r linux-x64 --self-contained -o publish/ -nologo -clp:ErrorsOnly
test -f publish/host.json || { echo "publish/host.json missing"; exit 1; }
test -x publish/Harasocial.Functions || { echo "publish/Harasocial.Functions is not executable"; exit 1; }

# Zip with Unix mode bits (the Functions host runs publish/Harasocial.Functions directly). Prefer zip(1); else Python.
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
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, "publish"))  # keeps st_mode in external_attr
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as src:
                z.writestr(info, src.read())
PY
fi
echo "publish.zip: $(du -h publish.zip | cut -f1), $(ls publish | grep -c .) top-level entries"
zipinfo publish.zip Harasocial.Functions host.json 2>/dev/null || python3 -c "import zipfile;i=zipfile.ZipFile('publish.zip').getinfo('Harasocial.Functions');print(oct(i.external_attr>>16))"

if [ $upload -eq 1 ]; then
  [ -n "$APP_NAME" ] && [ -n "$RESOURCE_GROUP" ] || { echo "--upload needs an app name and resource group (or azd env values)"; exit 2; }
  az functionapp deployment source config-zip --name "$APP_NAME" --resource-group "$RESOURCE_GROUP" --src publish.zip
fi
