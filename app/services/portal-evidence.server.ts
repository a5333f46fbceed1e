// A shopper's evidence upload: the raw file as the request body. Checked before anything is
// stored: the rate limit (uploads per order and customer in the last 24 hours), the size (read
// no further than the largest file allowed), and the type, taken from the bytes themselves.
import { sniffEvidence, saveEvidence, removeEvidenceFiles, EVIDENCE_LIMITS } from "~/models/evidence-store.server";
import { countUploadsSince, createUpload, type UploadOwner } from "~/models/evidence-upload.server";
import type { Db } from "~/db.server";
import { PortalError } from "./portal-errors";

export const PORTAL_UPLOAD_LIMITS = { perOrderPerDay: 20, windowMs: 24 * 60 * 60 * 1000 } as const;

const MB = 1024 * 1024;
const tooLarge = (what: string, bytes: number) => new PortalError(413, "FILE_TOO_LARGE", `${what} can be at most ${bytes / MB} MB.`, "file");

/** The body's bytes, refusing (413) as soon as it is longer than `limit`. */
export async function readBodyAtMost(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge("A file", limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge("A file", limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

export async function uploadPortalEvidence(db: Db, input: { owner: UploadOwner; request: Request; now?: Date }) {
  const { owner } = input;
  const now = input.now ?? new Date();
  const recent = await countUploadsSince(db, owner, new Date(now.getTime() - PORTAL_UPLOAD_LIMITS.windowMs));
  if (recent >= PORTAL_UPLOAD_LIMITS.perOrderPerDay) {
    throw new PortalError(429, "TOO_MANY_UPLOADS", `You can upload at most ${PORTAL_UPLOAD_LIMITS.perOrderPerDay} files for one order in 24 hours. Attach the ones you already uploaded, or try again tomorrow.`);
  }
  const bytes = await readBodyAtMost(input.request, Math.max(EVIDENCE_LIMITS.photoBytes, EVIDENCE_LIMITS.videoBytes));
  if (bytes.byteLength === 0) throw new PortalError(422, "EMPTY_FILE", "The file is empty. Choose a photo or video to upload.", "file");
  const sniffed = sniffEvidence(bytes);
  if (!sniffed) throw new PortalError(422, "UNSUPPORTED_FILE", "Only photos (JPEG, PNG, WebP, HEIC) and videos (MP4, MOV, WebM) can be uploaded.", "file");
  const cap = sniffed.kind === "photo" ? EVIDENCE_LIMITS.photoBytes : EVIDENCE_LIMITS.videoBytes;
  if (bytes.byteLength > cap) throw tooLarge(sniffed.kind === "photo" ? "A photo" : "A video", cap);
  const stored = await saveEvidence(owner.shop, bytes);
  try {
    const row = await createUpload(db, owner, { kind: stored.kind, contentType: stored.contentType, byteSize: stored.byteSize, storageKey: stored.storageKey }, now);
    return { id: row.id, kind: stored.kind, contentType: stored.contentType, byteSize: stored.byteSize };
  } catch (error) {
    await removeEvidenceFiles(owner.shop, [stored.storageKey]).catch(() => {});
    throw error;
  }
}
