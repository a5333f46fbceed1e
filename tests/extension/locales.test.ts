// Every string the extensions show is in all four locale files: the same keys everywhere, the
// same placeholders, real translations, and no key that the code never uses.
import { describe, expect, it } from "vitest";
import { extensionSources, flatten, readJson } from "./support/sources";

const LOCALES = ["en.default", "fr", "de", "es"] as const;
const catalog = (extension: string, locale: string) => flatten(readJson(`extensions/${extension}/locales/${locale}.json`));
const en = catalog("clause-returns", "en.default");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** String literals in the sources that name a key of the catalog's namespaces ("review.total"). */
function keysUsedInCode(): Map<string, string[]> {
  const namespaces = new Set([...en.keys()].map((k) => k.split(".")[0]));
  const used = new Map<string, string[]>();
  for (const { file, text } of extensionSources()) {
    for (const match of text.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)["'`]/g)) {
      const key = match[1] as string;
      if (!namespaces.has(key.split(".")[0] as string)) continue;
      used.set(key, [...(used.get(key) ?? []), file]);
    }
  }
  return used;
}

describe("the extensions' locale files", () => {
  it("have the same keys in English, French, German and Spanish", () => {
    for (const locale of LOCALES) {
      const keys = [...catalog("clause-returns", locale).keys()].sort();
      expect(keys, locale).toEqual([...en.keys()].sort());
    }
  });

  it("are the same in both extensions (each uploads its own)", () => {
    for (const locale of LOCALES) expect(readJson(`extensions/clause-returns-page/locales/${locale}.json`), locale).toEqual(readJson(`extensions/clause-returns/locales/${locale}.json`));
  });

  it("keep each string's placeholders and leave none empty", () => {
    for (const locale of LOCALES) {
      for (const [key, text] of catalog("clause-returns", locale)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en.get(key) as string));
      }
    }
  });

  it("are translated, not copied from English", () => {
    for (const locale of ["fr", "de", "es"]) {
      const same = [...catalog("clause-returns", locale)].filter(([key, text]) => text === en.get(key) && /[A-Za-z]{3}/.test(text.replace(/\{\{\w+\}\}/g, "")));
      // A few words are the same in both languages ("Photos", "Status").
      expect(same.length, `${locale}: ${same.map(([k, v]) => `${k}=${v}`).join(", ")}`).toBeLessThanOrEqual(3);
    }
  });

  it("hold every key the code uses, and only those", () => {
    const used = keysUsedInCode();
    const unknown = [...used.keys()].filter((k) => !en.has(k));
    expect(unknown, `keys used in code but missing from en.default.json: ${unknown.map((k) => `${k} (${used.get(k)?.join(", ")})`).join("; ")}`).toEqual([]);
    const unused = [...en.keys()].filter((k) => !used.has(k));
    expect(unused, "keys no code uses").toEqual([]);
  });
});
