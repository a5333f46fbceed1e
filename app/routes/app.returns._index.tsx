// /app/returns: the agents' return queue. Filters, search, sort and the page live in the URL (see
// app/lib/queue-filters.ts), so reload, back and shared links show the same queue. Bulk approve
// re-checks every case on the server: only REQUESTED, fully eligible cases of this shop are
// approved, each through the case review service under its optimistic lock
// (app/services/case-bulk-approve.server.ts). The page itself is app/components/queue/.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Banner, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { z } from "zod";
import { QueuePage } from "~/components/queue/QueuePage";
import db from "~/db.server";
import { authenticate } from "~/shopify.server";
import type { CaseStatus } from "~/domain/cases/lifecycle";
import { formatLocalDate, formatMoney } from "~/domain/cases/queue-day";
import type { ClaimType } from "~/domain/policy/schema";
import { busyAware, readForm } from "~/lib/action-errors.server";
import { actorOf } from "~/lib/actor.server";
import { parseQueueFilters } from "~/lib/queue-filters";
import { RECORD_ID } from "~/lib/record-id";
import { zodMessage } from "~/lib/zod-message";
import { listCases, QueueCursorError, type QueueRow } from "~/models/case-queue.server";
import { bulkApproveCases } from "~/services/case-bulk-approve.server";
import { getShopSummary } from "~/services/shop-summary.server";

export type { BulkApproveResult } from "~/services/case-bulk-approve.server";

function shapeRow(timeZone: string) {
  return (r: QueueRow) => ({
    id: r.id,
    rma: r.rmaNumber ?? "—",
    orderName: r.orderName,
    customer: r.customerName ?? r.customerEmail ?? "—",
    customerEmail: r.customerEmail,
    claimType: r.claimType as ClaimType,
    status: r.status as CaseStatus,
    urgent: r.urgent,
    escalated: r.escalated,
    fullyEligible: r.fullyEligible,
    refundEstimate: formatMoney(r.refundEstimate, r.currency),
    sla: r.sla,
    slaDueAt: r.slaDueAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    created: formatLocalDate(r.createdAt, timeZone),
  });
}

export type QueueTableRow = ReturnType<ReturnType<typeof shapeRow>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  const parsed = parseQueueFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw Response.json({ error: parsed.error }, { status: 400 });
  try {
    const page = await listCases(db, session.shop, parsed.filters, new Date(), {
      // Only read when the shop has no policy in force (its calendar names the zone otherwise).
      fallbackTimeZone: async () => (await getShopSummary(admin.graphql)).ianaTimezone,
    });
    return {
      filters: parsed.filters,
      rows: page.rows.map(shapeRow(page.timeZone)),
      hasNext: page.hasNext,
      hasPrevious: page.hasPrevious,
      nextCursor: page.nextCursor,
      previousCursor: page.previousCursor,
      shopHasCases: page.shopHasCases,
      timeZone: page.timeZone,
    };
  } catch (error) {
    if (error instanceof QueueCursorError) throw Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}

const bulkApproveSchema = z.object({
  intent: z.literal("bulkApprove", { errorMap: () => ({ message: 'use "bulkApprove"' }) }),
  ids: z
    .array(z.string().regex(RECORD_ID, "is not a case id"))
    .min(1, "select at least one return")
    .max(100, "approve at most 100 returns at once")
    .transform((ids) => [...new Set(ids)]),
});

/** Bulk approve: every id re-read under this shop; only REQUESTED, fully eligible cases are approved. */
export const action = ({ request }: ActionFunctionArgs) => busyAware(() => bulkApprove(request));

async function bulkApprove(request: Request) {
  const auth = await authenticate.admin(request);
  const form = await readForm(request);
  if (!form) return Response.json({ error: "Nothing was approved: the form could not be read." }, { status: 400 });
  const parsed = bulkApproveSchema.safeParse({ intent: form.get("intent") ?? undefined, ids: [...form.getAll("ids[]"), ...form.getAll("ids")] });
  if (!parsed.success) return Response.json({ error: `Nothing was approved: ${zodMessage(parsed.error)}.` }, { status: 400 });
  return bulkApproveCases(db, auth.admin.graphql, { shop: auth.session.shop, ids: parsed.data.ids, actor: actorOf(auth) });
}

export default function ReturnQueue() {
  const data = useLoaderData<typeof loader>();
  return <QueuePage data={data} />;
}

/** A URL the queue cannot read (or a page link that is gone): say so, with a way back. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 400) {
    const data = error.data as { error?: unknown } | null;
    const message = typeof data?.error === "string" ? data.error : "These filters cannot be read.";
    return (
      <Page title="Returns">
        <Banner tone="critical" title="The return queue could not be shown" action={{ content: "Clear filters", url: "/app/returns" }}>
          <p>{message}</p>
        </Banner>
      </Page>
    );
  }
  return boundary.error(error);
}
