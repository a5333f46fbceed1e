// Finds every GraphQL document the app and its extensions send: template literals that start
// with `#graphql` in TypeScript/JavaScript sources, and .graphql files. A document built with
// substitutions cannot be checked statically, so it is reported as an error itself.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { ShopifyApi } from "./shopify-schema";

export type CollectedDocument = {
  file: string; // relative to the project root
  line: number;
  source: string;
  api: ShopifyApi;
  problem?: string;
};

const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const SKIP_DIRS = new Set(["node_modules", "dist", "build", "generated", ".shopify"]);

function walk(dir: string, out: string[]) {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if ((SOURCE.test(name) && !/\.test\.[jt]sx?$/.test(name)) || name.endsWith(".graphql")) out.push(full);
  }
}

/** Admin API for app code; the Customer Account API for extensions' own queries. */
function apiFor(relative: string): ShopifyApi {
  return relative.startsWith(`extensions${path.sep}`) ? "customer" : "admin";
}

export function collectFromSource(file: string, text: string, api: ShopifyApi): CollectedDocument[] {
  if (file.endsWith(".graphql")) return [{ file, line: 1, source: text, api }];
  if (!text.includes("#graphql")) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: CollectedDocument[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const raw = ts.isNoSubstitutionTemplateLiteral(node) ? node.text : node.head.text;
      if (raw.trimStart().startsWith("#graphql")) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(
          ts.isTemplateExpression(node)
            ? { file, line, source: raw, api, problem: "document uses ${} substitutions; write it out in full" }
            : { file, line, source: raw, api },
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function collectDocuments(root: string, dirs = ["app", "extensions"]): CollectedDocument[] {
  const files: string[] = [];
  for (const dir of dirs) {
    const full = path.join(root, dir);
    try {
      if (statSync(full).isDirectory()) walk(full, files);
    } catch {
      // a missing folder holds no documents
    }
  }
  return files.flatMap((full) => {
    const relative = path.relative(root, full);
    return collectFromSource(relative, readFileSync(full, "utf8"), apiFor(relative));
  });
}
