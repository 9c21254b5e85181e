#!/usr/bin/env bash
# The maps: the landsdelen (public/geo/landsdelen_2025.geojson): the 42 jeugdregio's of CBS/PDOK
# (geo/jeugdregio_2025.topojson) dissolved into the 8 landsdelen, each the cluster of jeugdregio's
# a BEN covers (core/data/jeugdregio_landsdeel_2025.csv), not a union of provinces: Zeewolde,
# Veenendaal, Rhenen, Renswoude and Mook en Middelaar lie in Gelderland. The names are those the
# app gives the landsdelen (Landsdeel::name). Run by `make geo`; the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
# mapshaper is installed here on first use, not with the site's tools: it builds a native SQLite
# module, minutes that `make test` on a fresh machine should not pay for a map made once a year.
TOOLS=.tools/mapshaper
[ -x "$TOOLS/node_modules/.bin/mapshaper" ] || npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --loglevel=error mapshaper@0.7.70
"$TOOLS/node_modules/.bin/mapshaper" geo/jeugdregio_2025.topojson \
  -join core/data/jeugdregio_landsdeel_2025.csv keys=statcode,jeugdregio_code string-fields=jeugdregio_code \
  -each 'landsdeel = ({"Utrecht+Flevoland": "Utrecht, Flevoland", "Brabant+Zeeland": "Brabant, Zeeland"})[lta_landsdeel] || lta_landsdeel' \
  -dissolve landsdeel \
  -rename-fields name=landsdeel \
  -o public/geo/landsdelen_2025.geojson format=geojson precision=0.001 force
# The jeugdregio's of each landsdeel, for the Regio view's map: public/geo/jeugdregios-<code>.geojson,
# each feature named by its jeugdregio code (the app's table rows carry the same code).
OUT=$(mktemp -d)
"$TOOLS/node_modules/.bin/mapshaper" geo/jeugdregio_2025.topojson \
  -join core/data/jeugdregio_landsdeel_2025.csv keys=statcode,jeugdregio_code string-fields=jeugdregio_code \
  -each 'ld = ({"Noord-Holland": "NH", "Utrecht+Flevoland": "UF", "Brabant+Zeeland": "BZ", "Limburg": "LI", "Zuid-West": "ZW", "Gelderland": "GE", "Overijssel": "OV", "Noord-Nederland": "NN"})[lta_landsdeel]; name = statcode' \
  -filter-fields name,ld \
  -split ld \
  -o "$OUT/" format=geojson precision=0.001 force
for f in "$OUT"/*.json; do mv "$f" "public/geo/jeugdregios-$(basename "$f" .json).geojson"; done
rmdir "$OUT"
