// Writes, to standard output, the name, version and full licence text of every npm package whose code esbuild put
// into the bundle (read from esbuild's metafile, given as the one argument). Used by build.sh.
"use strict";
const fs = require("fs");
const path = require("path");

const meta = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const folders = new Set();
for (const input of Object.keys(meta.inputs)) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) folders.add(match[1]);
}
const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;
const parts = [...folders].sort().map((folder) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
  const file = fs.readdirSync(folder).find((name) => LICENCE_FILE.test(name));
  if (!file) throw new Error(`${manifest.name} ships no licence file`);
  const text = fs.readFileSync(path.join(folder, file), "utf8").trim();
  return `${manifest.name} ${manifest.version} (${manifest.license})\n${"-".repeat(60)}\n${text}\n`;
});
process.stdout.write(
  "The third-party code bundled in studio-vendor.js, each package with its version and licence.\n" +
    "Written by scripts/studio-vendor/build.sh; do not edit by hand.\n\n" +
    parts.join("\n" + "=".repeat(60) + "\n\n")
);
