#!/bin/sh
# Bundles the studio's third-party code (entry.js: CodeMirror 6, its YAML and Markdown modes and linter, SortableJS)
# into generator/studio/ui/vendor/studio-vendor.js, one script exposing window.cgStudioVendor, and writes the
# licences of every bundled package next to it (LICENSES.txt). Run at development time when a version in
# package.json changes; both outputs are committed, so neither CI nor a trainer ever needs npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../generator/studio/ui/vendor"
meta=$(mktemp)
trap 'rm -f "$meta"' EXIT
cd "$here"
npm ci --no-audit --no-fund
mkdir -p "$out"
./node_modules/.bin/esbuild entry.js --bundle --alias:@codemirror/lang-html=./html-stub.js --minify --format=iife --target=es2020 \
  --legal-comments=none --banner:js="/* coursegen studio: CodeMirror 6 and SortableJS, bundled by scripts/studio-vendor/build.sh; licences in LICENSES.txt */" \
  --metafile="$meta" --outfile="$out/studio-vendor.js"
node licenses.js "$meta" > "$out/LICENSES.txt"
ls -l "$out"
