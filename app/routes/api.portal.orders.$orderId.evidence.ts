// POST /api/portal/orders/:orderId/evidence[?lineItemId=] — one photo or video as the raw
// request body; its type is taken from the bytes. Answers 201 { id, kind, contentType,
// byteSize }; the id goes in a return request's `evidenceIds`. The loader answers the CORS
// preflight (and refuses GET).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { ownerOf, portalMethodNotAllowed, portalRoute } from "~/lib/portal-auth.server";
import { evidenceQuerySchema } from "~/lib/portal-schemas";
import { uploadPortalEvidence } from "~/services/portal-evidence.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => portalMethodNotAllowed(request, params, "POST");

export const action = ({ request, params }: ActionFunctionArgs) =>
  request.method !== "POST"
    ? portalMethodNotAllowed(request, params, "POST")
    : portalRoute(
        request,
        params,
        null,
        async (ctx) => ({ status: 201, body: await uploadPortalEvidence(db, { owner: ownerOf(ctx), request }) }),
        // The query is checked for shape before the order is read; the file itself by the upload.
        async (req: Request) => void evidenceQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams)),
      );
