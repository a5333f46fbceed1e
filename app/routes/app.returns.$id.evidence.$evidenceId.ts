// One evidence file of a return case, for an authenticated admin of the case's own shop only.
// Anything else — another shop's case, an unknown id, a file gone from the store — is the same
// bare 404, so the answer says nothing about other shops. The type is the stored row's (sniffed
// from the bytes at upload), never guessed from a name; the browser must not sniff it either.
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { isRecordId } from "~/lib/record-id";
import { readEvidence } from "~/models/evidence-store.server";
import { authenticate } from "~/shopify.server";

const notFound = () => new Response("This evidence file was not found in your store.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  if (!isRecordId(params.id) || !isRecordId(params.evidenceId)) throw notFound();
  const row = await db.caseEvidence.findFirst({
    where: { id: params.evidenceId, caseId: params.id, case: { shop: session.shop } },
    select: { id: true, contentType: true, storageKey: true, kind: true },
  });
  if (!row) throw notFound();
  let bytes: Buffer;
  try {
    bytes = await readEvidence(session.shop, row.storageKey);
  } catch {
    throw notFound();
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": row.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="evidence-${row.id}.${EXTENSIONS[row.contentType] ?? "bin"}"`,
      // The shopper's photos: kept by this admin's browser only, never by a shared cache.
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
