// How the extensions' code is divided, checked on the sources: one module talks to the network,
// Preact (not React) renders, and no user-visible text is written in a component.
import { describe, expect, it } from "vitest";
import { extensionSources } from "./support/sources";

const sources = extensionSources();
const API_MODULE = "extensions/shared/api.ts";
/** The source without comments, so a sentence about fetch in a comment does not count. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

describe("the extensions' sources", () => {
  it("are found", () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining([API_MODULE, "extensions/clause-returns/src/menu-item.tsx", "extensions/clause-returns-page/src/return-page.tsx"]));
  });

  it("call fetch and the session token only in the API module", () => {
    const offenders = sources
      .filter((s) => s.file !== API_MODULE)
      .filter((s) => /\bfetch\s*\(|XMLHttpRequest|\bsessionToken\s*\.\s*get\b|useSessionToken/.test(code(s.text)))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
    expect(code(sources.find((s) => s.file === API_MODULE)!.text)).toMatch(/sessionToken\s*\.get\(\)/);
  });

  it("render with Preact and Polaris web components, never React", () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/from\s+["'](react|react-dom|@shopify\/ui-extensions-react)[/"']/);
      if (file.endsWith(".tsx")) expect(text.startsWith("/** @jsxImportSource preact */"), `${file} needs the @jsxImportSource preact pragma (the root typecheck reads it)`).toBe(true);
    }
  });

  it("write no user-visible text in components: it all comes from the locale files", () => {
    for (const { file, text } of sources.filter((s) => s.file.endsWith(".tsx"))) {
      const body = code(text);
      const textNodes = [...body.matchAll(/>([^<>{}()=;]*[A-Za-z]{2}[^<>{}()=;]*)</g)].map((m) => m[1]!.trim()).filter(Boolean);
      expect(textNodes, `${file}: text between tags`).toEqual([]);
      const attributes = [...body.matchAll(/\b(heading|subheading|label|placeholder|accessibilityLabel)="([^"]*)"/g)].map((m) => m[0]);
      expect(attributes, `${file}: literal text in a property`).toEqual([]);
    }
  });

  it("read no environment at run time (extensions have none)", () => {
    for (const { file, text } of sources) expect(code(text), file).not.toMatch(/process\.env|import\.meta\.env/);
  });
});
