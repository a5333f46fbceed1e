import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readEvidence, saveEvidence, sniffEvidence } from "./evidence-store.server";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const mp4 = new Uint8Array([0, 0, 0, 24, ...Buffer.from("ftypisom")]);
const html = new TextEncoder().encode("<html><script>alert(1)</script>");

describe("evidence store", () => {
  beforeAll(() => {
    process.env.CLAUSE_EVIDENCE_DIR = mkdtempSync(path.join(tmpdir(), "clause-evidence-"));
  });

  it("takes the type from the bytes, not the name", () => {
    expect(sniffEvidence(png)).toEqual({ kind: "photo", contentType: "image/png" });
    expect(sniffEvidence(jpeg)).toEqual({ kind: "photo", contentType: "image/jpeg" });
    expect(sniffEvidence(mp4)).toEqual({ kind: "video", contentType: "video/mp4" });
    expect(sniffEvidence(html)).toBeNull();
  });

  it("stores a photo under the shop and reads it back; refuses other files and other paths", async () => {
    const saved = await saveEvidence("a-shop.myshopify.com", png);
    expect(saved).toMatchObject({ kind: "photo", contentType: "image/png", byteSize: png.byteLength });
    expect(new Uint8Array(await readEvidence("a-shop.myshopify.com", saved.storageKey))).toEqual(png);
    await expect(saveEvidence("a-shop.myshopify.com", html)).rejects.toThrow(/Only photos/);
    await expect(readEvidence("a-shop.myshopify.com", "../../etc/passwd")).rejects.toThrow(/Not an evidence file/);
    await expect(readEvidence("b-shop.myshopify.com", saved.storageKey)).rejects.toThrow();
  });
});
