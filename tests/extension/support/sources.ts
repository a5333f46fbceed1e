// The extensions' source files, for the tests that read them as text.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../../..");
export const extensionsDir = path.join(projectRoot, "extensions");

/** Every .ts/.tsx file the extensions bundle (not generated type files, not build output). */
export function extensionSources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!["dist", "node_modules", "locales", "scripts"].includes(entry.name)) walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        out.push({ file: path.relative(projectRoot, full), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(extensionsDir);
  return out;
}

export type Messages = { [key: string]: string | Messages };

export function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

export const readJson = (file: string) => JSON.parse(readFileSync(path.join(projectRoot, file), "utf8")) as Messages;
