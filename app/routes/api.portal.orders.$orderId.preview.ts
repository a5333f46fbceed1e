// POST /api/portal/orders/:orderId/preview — what a return request would get if submitted now:
// the engine's decision, the refund with its deductions, who pays return shipping and the
// deadlines. Stores nothing. The loader answers the CORS preflight (and refuses GET).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { ownerOf, portalMethodNotAllowed, portalRoute, readJsonBody } from "~/lib/portal-auth.server";
import { portalRequestSchema } from "~/lib/portal-schemas";
import { portalPreview, readOrderSnapshot } from "~/services/portal-eligibility.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => portalMethodNotAllowed(request, params, "POST");

export const action = ({ request, params }: ActionFunctionArgs) =>
  request.method !== "POST"
    ? portalMethodNotAllowed(request, params, "POST")
    : portalRoute(
        request,
        params,
        readOrderSnapshot,
        async (ctx) => ({ body: await portalPreview(db, ctx.admin, { owner: ownerOf(ctx), snapshot: ctx.order.snapshot, body: ctx.input }) }),
        // Validated before the order is read: bad input costs no Shopify call.
        async (req: Request) => portalRequestSchema.parse(await readJsonBody(req)),
      );
