#!/usr/bin/env bash
# Page 1 of every sample in samples/documents as a PNG in docs/documents/ (60 dpi), for
# docs/documents.md. Run after a build: bash scripts/document-pngs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/documents
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for sample in samples/documents/*.json; do
  name=$(basename "$sample" .json)
  node bin/qujat.js render "$sample" --out "$tmp/$name.pdf" >/dev/null
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$tmp/$name.pdf" "$out/$name"
done
ls "$out"/*.png | wc -l
