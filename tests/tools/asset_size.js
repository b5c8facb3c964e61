// Size of the plugin's assets as a reader downloads them, measured the usual way:
// JavaScript minified by terser (compress + mangle), CSS by csso, then gzip -9.
// Measurement only: the plugin ships its readable sources (no build step).
// Usage: node asset_size.js FILE... (a FILE may be "a.js+b.js" to measure the parts joined)
// Prints JSON: {"FILE": {"raw": n, "min": n, "gzip": n}, ...}
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const root = path.resolve(__dirname, "..", "..", "node_modules");
const { minify } = require(path.join(root, "terser"));
const csso = require(path.join(root, "csso"));

(async () => {
  const result = {};
  for (const arg of process.argv.slice(2)) {
    const source = arg.split("+").map((file) => fs.readFileSync(file, "utf8")).join("\n");
    const min = arg.endsWith(".js")
      ? (await minify(source, { compress: true, mangle: true })).code
      : csso.minify(source).css;
    result[arg] = { raw: Buffer.byteLength(source), min: Buffer.byteLength(min), gzip: zlib.gzipSync(min, { level: 9 }).length };
  }
  process.stdout.write(JSON.stringify(result));
})().catch((error) => { process.stderr.write(String(error.stack || error)); process.exit(1); });
