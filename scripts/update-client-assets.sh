#!/usr/bin/env bash
# Rebuilds the browser libraries under src/Dashboard.Web/wwwroot/lib from the pinned npm packages in
# src/Dashboard.Web/ClientAssets (package-lock.json), so what is served is exactly a published release and
# never a CDN. Run it after changing a version in ClientAssets/package.json; commit what it writes.
# tests/Dashboard.Web.Tests checks the served files against the checksums written here.
set -euo pipefail
cd "$(dirname "$0")/../src/Dashboard.Web/ClientAssets"
npm ci --ignore-scripts --no-audit --no-fund

target=../wwwroot/lib/lightweight-charts
mkdir -p "$target"
cp node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.mjs "$target/"
cp node_modules/lightweight-charts/LICENSE "$target/LICENSE"
version=$(node -p "require('./node_modules/lightweight-charts/package.json').version")
(cd "$target" && sha256sum lightweight-charts.standalone.production.mjs > SHA256SUMS && echo "lightweight-charts $version" > VERSION)
echo "update-client-assets: lightweight-charts $version -> $target"
