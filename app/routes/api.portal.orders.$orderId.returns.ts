// /api/portal/orders/:orderId/returns
//   GET  — the signed-in shopper's return cases on the order, with status, label, messages.
//   POST — submit a return request: decided again on the server, Shopify's return requested,
//          the shopper's uploads attached. 201 for a new case; 200 with the same case when the
//          requestKey was already submitted (Shopify is called once).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { ownerOf, portalMethodNotAllowed, portalRoute, readJsonBody } from "~/lib/portal-auth.server";
import { portalSubmitSchema } from "~/lib/portal-schemas";
import { getOrderReturns } from "~/services/portal-orders.server";
import { portalReturns } from "~/services/portal-status.server";
import { submitPortalReturn } from "~/services/portal-submit.server";
import { submittedView } from "~/services/portal-view";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  portalRoute(request, params, getOrderReturns, async (ctx) => ({
    body: await portalReturns(db, { owner: ownerOf(ctx), shopifyReturns: ctx.order.returns }),
  }));

export const action = ({ request, params }: ActionFunctionArgs) =>
  request.method !== "POST"
    ? portalMethodNotAllowed(request, params, "GET, POST")
    : portalRoute(
        request,
        params,
        null,
        async (ctx) => {
          const result = await submitPortalReturn(db, ctx.admin, { owner: ownerOf(ctx), body: ctx.input });
          return { status: result.created ? 201 : 200, body: submittedView(result.case) };
        },
        // Validated before the order is read: bad input costs no Shopify call.
        async (req: Request) => portalSubmitSchema.parse(await readJsonBody(req)),
      );
