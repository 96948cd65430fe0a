#!/usr/bin/env bash
set -euo pipefail
shopt -s globstar nullglob

rm -rf dist && mkdir -p dist
for md in docs/**/*.md; do
  out="dist/${md#docs/}"
  out="${out%.md}.html"
  mkdir -p "$(dirname "$out")"
  npx --no-install marked -i "$md" -o "$out"
  echo "built $out"
done
