// GET /api/portal/orders/:orderId/eligibility — what the signed-in shopper can return or claim
// on their order, decided by the store's policy on a fresh order snapshot. See
// app/lib/portal-auth.server.ts for authentication, ownership and the error shape.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { ownerOf, portalMethodNotAllowed, portalRoute } from "~/lib/portal-auth.server";
import { portalEligibility, readOrderSnapshot } from "~/services/portal-eligibility.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  portalRoute(request, params, readOrderSnapshot, async (ctx) => ({
    body: await portalEligibility(db, ctx.admin, { owner: ownerOf(ctx), snapshot: ctx.order.snapshot }),
  }));

export const action = ({ request, params }: ActionFunctionArgs) => portalMethodNotAllowed(request, params, "GET");
