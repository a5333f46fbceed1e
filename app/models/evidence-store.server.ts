// Evidence files (photos, videos) kept where only the app reads them: under CLAUSE_EVIDENCE_DIR
// (default data/evidence), one folder per shop, named by a random key. The type is taken from
// the bytes themselves, never from the file name or the client's Content-Type.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { CaseInputError } from "~/services/case-errors";

export const EVIDENCE_LIMITS = { photoBytes: 10 * 1024 * 1024, videoBytes: 50 * 1024 * 1024, perLine: 5 } as const;

type Sniffed = { kind: "photo" | "video"; contentType: string };

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, len: number) => String.fromCharCode(...bytes.subarray(at, at + len));

/** The file's type from its magic bytes: JPEG, PNG, WebP, HEIC, MP4/MOV, WebM; null for anything else. */
export function sniffEvidence(bytes: Uint8Array): Sniffed | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "photo", contentType: "image/jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: "photo", contentType: "image/png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return { kind: "photo", contentType: "image/webp" };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: "video", contentType: "video/webm" };
  if (ascii(bytes, 4, 4) === "ftyp") {
    const brand = ascii(bytes, 8, 4);
    if (["heic", "heix", "mif1", "msf1"].includes(brand)) return { kind: "photo", contentType: "image/heic" };
    if (brand === "qt  ") return { kind: "video", contentType: "video/quicktime" };
    return { kind: "video", contentType: "video/mp4" };
  }
  return null;
}

function root(): string {
  return path.resolve(process.env.CLAUSE_EVIDENCE_DIR ?? path.join(process.cwd(), "data", "evidence"));
}

function fileOf(shop: string, storageKey: string): string {
  if (!/^[a-z0-9.-]+$/i.test(shop) || !/^[a-f0-9-]{36}$/.test(storageKey)) throw new CaseInputError("Not an evidence file of this store.");
  return path.join(root(), shop, storageKey);
}

/** Checks and stores one file; returns what a case records about it. */
export async function saveEvidence(shop: string, bytes: Uint8Array) {
  const sniffed = sniffEvidence(bytes);
  if (!sniffed) throw new CaseInputError("Only photos (JPEG, PNG, WebP, HEIC) and videos (MP4, MOV, WebM) can be attached.", "evidence");
  const cap = sniffed.kind === "photo" ? EVIDENCE_LIMITS.photoBytes : EVIDENCE_LIMITS.videoBytes;
  if (bytes.byteLength > cap) throw new CaseInputError(`A ${sniffed.kind} can be at most ${cap / 1024 / 1024} MB.`, "evidence");
  const storageKey = randomUUID();
  await mkdir(path.join(root(), shop), { recursive: true });
  await writeFile(fileOf(shop, storageKey), bytes);
  return { ...sniffed, byteSize: bytes.byteLength, storageKey };
}

export async function readEvidence(shop: string, storageKey: string): Promise<Buffer> {
  return readFile(fileOf(shop, storageKey));
}

/** Deletes files (already gone is fine: a retried redaction must not fail). */
export async function removeEvidenceFiles(shop: string, storageKeys: readonly string[]) {
  await Promise.all(storageKeys.map((key) => rm(fileOf(shop, key), { force: true })));
}

/** Deletes the shop's whole evidence folder (shop/redact). */
export async function removeShopEvidence(shop: string) {
  if (!/^[a-z0-9.-]+$/i.test(shop)) return;
  await rm(path.join(root(), shop), { recursive: true, force: true });
}
