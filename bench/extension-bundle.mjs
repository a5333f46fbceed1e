// The size of each UI extension's bundle as Shopify receives it: runs `shopify app build`
// (offline; `--no-build` reads the last build's extensions/*/dist instead), then prints, per
// extension, its minified size and its gzip size, and what goes into it (from esbuild's
// metafile). Shopify refuses a bundle over 64 KB; Clause aims at 32 KB.
//   node bench/extension-bundle.mjs [--no-build]
// Prints `extension_bundle_kb_<handle> = N` (KB = 1024 bytes, minified) per extension and
// writes artifacts/bench-extension-bundle.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { run } from "../scripts/db/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHOPIFY_LIMIT_KB = 64;
const GOAL_KB = 32;
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

if (!process.argv.includes("--no-build")) {
  console.log("shopify app build…");
  run("shopify", ["app", "build"], { CI: "1" }, { quiet: true });
}

const extensionsDir = path.join(root, "extensions");
const handles = readdirSync(extensionsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(extensionsDir, d.name, "shopify.extension.toml")))
  .map((d) => d.name)
  .sort();

const figures = {};
for (const handle of handles) {
  const bundle = path.join(extensionsDir, handle, "dist", `${handle}.js`);
  if (!existsSync(bundle)) throw new Error(`${path.relative(root, bundle)} is missing: run without --no-build`);
  const code = readFileSync(bundle);
  const metafile = path.join(extensionsDir, handle, "dist", `${handle}.metafile.json`);
  let parts = [];
  if (existsSync(metafile)) {
    const output = JSON.parse(readFileSync(metafile, "utf8")).outputs[path.relative(root, bundle)];
    const byGroup = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const group = input.startsWith("node_modules/") ? input.split("/").slice(1, input.split("/")[1].startsWith("@") ? 3 : 2).join("/") : path.dirname(input);
      byGroup.set(group, (byGroup.get(group) ?? 0) + bytesInOutput);
    }
    parts = [...byGroup].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => ({ group, kb: kb(bytes) }));
  }
  figures[handle] = { kb: kb(code.length), gzipKb: kb(gzipSync(code).length), parts };
}

for (const [handle, f] of Object.entries(figures)) {
  const verdict = f.kb > SHOPIFY_LIMIT_KB ? `OVER Shopify's ${SHOPIFY_LIMIT_KB} KB limit` : f.kb > GOAL_KB ? `over the ${GOAL_KB} KB goal, under Shopify's ${SHOPIFY_LIMIT_KB} KB` : `within the ${GOAL_KB} KB goal`;
  console.log(`\n${handle}: ${f.kb} KB minified, ${f.gzipKb} KB gzipped (${verdict})`);
  for (const p of f.parts) console.log(`  ${String(p.kb).padStart(6)} KB  ${p.group}`);
}
console.log("");
for (const [handle, f] of Object.entries(figures)) console.log(`extension_bundle_kb_${handle} = ${f.kb}`);

mkdirSync(path.join(root, "artifacts"), { recursive: true });
writeFileSync(path.join(root, "artifacts", "bench-extension-bundle.json"), `${JSON.stringify({ limitKb: SHOPIFY_LIMIT_KB, goalKb: GOAL_KB, extensions: figures }, null, 2)}\n`);
if (Object.values(figures).some((f) => f.kb > SHOPIFY_LIMIT_KB)) process.exitCode = 1;
