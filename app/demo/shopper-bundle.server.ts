// The offline shopper preview's browser code (shopper-preview-client.ts: the extensions' real
// target modules, the `s-*` stand-ins and the fake `shopify` global), bundled on first request
// with the esbuild that Vite ships and kept in memory until one of its source files changes.
// The one substitution: the extensions' APP_URL becomes the page's own origin, so the preview
// talks to the portal API of the demo that serves it.
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as esbuild from "esbuild";

type Esbuild = typeof esbuild;

const ENTRY = path.join("app", "demo", "shopper-preview-client.ts");

let cached: { code: string; inputs: Array<[string, number]> } | null = null;
let building: Promise<string> | null = null;

/** Vite's own esbuild (a declared devDependency's), not whichever copy happens to be hoisted. */
function loadEsbuild(): Esbuild {
  const fromHere = createRequire(path.join(process.cwd(), "package.json"));
  return createRequire(fromHere.resolve("vite"))("esbuild") as Esbuild;
}

const mtime = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

async function build(root: string): Promise<{ code: string; inputs: Array<[string, number]> }> {
  const result = await loadEsbuild().build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    target: "es2020",
    write: false,
    metafile: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
    legalComments: "none",
    plugins: [
      {
        name: "shopper-preview-app-url",
        setup(b) {
          b.onResolve({ filter: /(^|\/)app-url$/ }, (args) => (args.importer.includes(`${path.sep}extensions${path.sep}`) ? { path: "app-url", namespace: "shopper-preview" } : undefined));
          b.onLoad({ filter: /.*/, namespace: "shopper-preview" }, () => ({ contents: "export const APP_URL = window.location.origin;", loader: "js" }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? "";
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes(":"))
    .map((file): [string, number] => [path.join(root, file), mtime(path.join(root, file))]);
  return { code, inputs };
}

/** The bundle, rebuilt when a source file changed since the last build. */
export async function shopperPreviewBundle(root = process.cwd()): Promise<string> {
  if (cached && cached.inputs.every(([file, at]) => mtime(file) === at)) return cached.code;
  building ??= build(root)
    .then((fresh) => {
      cached = fresh;
      return fresh.code;
    })
    .finally(() => {
      building = null;
    });
  return building;
}
