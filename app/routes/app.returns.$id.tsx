// The agent's case page: one return case with its lines (each decided by a clause), evidence,
// inspection with the live refund, the refund's breakdown and confirmation, the timeline, and a
// button for every action the case's state allows. Every action posts the case version the
// agent saw; whoever acts second gets a 409 and the fresh state.
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import db from "~/db.server";
import { actionFailure, busyAware, failureInit, readForm, runCaseAction, unreadableForm } from "~/lib/action-errors.server";
import { actorOf } from "~/lib/actor.server";
import { parseCaseAction, type CaseActionInput, type CaseActionResult } from "~/lib/case-action-schema";
import { isRecordId } from "~/lib/record-id";
import { CaseNotFoundError, getCaseDetail } from "~/models/return-case.server";
import { addNote, escalateCase, inspectCase, markInTransit, markReceived, messageCustomer, resolveEscalation, setUrgent } from "~/services/case-handling.server";
import { closeCase, refundCase, settleRefund } from "~/services/case-refund.server";
import { approveCase, attachLabel, declineCase, suggestedDecline } from "~/services/case-review.server";
import { authenticate } from "~/shopify.server";
import { casePageData } from "~/components/case/view-model";
import { formatMoney } from "~/components/case/format";
import { CasePage } from "~/components/case/CasePage";

const notFound = () => new Response("This return case was not found in your store.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

async function loadDetail(shop: string, id: string) {
  if (!isRecordId(id)) throw notFound();
  try {
    return await getCaseDetail(db, shop, id);
  } catch (error) {
    if (error instanceof CaseNotFoundError) throw notFound();
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await authenticate.admin(request);
  const shop = auth.session.shop;
  const id = params.id ?? "";
  let detail = await loadDetail(shop, id);
  let notice: string | null = null;
  // A refund whose answer was lost (or a crash mid-refund): Shopify's return says what happened.
  if (detail.refundClaimKey && detail.status === "INSPECTED") {
    try {
      await settleRefund(db, auth.admin.graphql, { shop, caseId: id, actor: actorOf(auth) });
    } catch (error) {
      const failure = actionFailure(error);
      if (!failure) throw error;
      notice = `The refund's outcome could not be checked with Shopify just now: ${failure.error}`;
    }
    detail = await loadDetail(shop, id);
  }
  const data = casePageData(detail, new Date(), {
    evidenceUrl: (evidenceId) => `/app/returns/${encodeURIComponent(id)}/evidence/${encodeURIComponent(evidenceId)}`,
    suggestion: suggestedDecline(detail.lines),
  });
  return { ...data, notice };
}

type Ctx = { shop: string; caseId: string; actor: string; api: Parameters<typeof approveCase>[1] };

/** Runs one validated action; returns the toast message (and a warning, if any). */
async function perform(input: CaseActionInput, ctx: Ctx): Promise<{ message: string; warning?: string | null }> {
  const { shop, caseId, actor, api } = ctx;
  const ref = "expectedVersion" in input ? { shop, caseId, actor, expectedVersion: input.expectedVersion } : null;
  const name = (c: { rmaNumber: string | null; orderName: string }) => c.rmaNumber ?? c.orderName;
  switch (input.intent) {
    case "approve": {
      const label = { fileUrl: input.fileUrl ?? null, trackingNumber: input.trackingNumber ?? null, trackingUrl: input.trackingUrl ?? null };
      const withLabel = Boolean(label.fileUrl || label.trackingNumber || label.trackingUrl);
      const approved = await approveCase(db, api, { ...ref!, notifyCustomer: input.notifyCustomer, label: withLabel ? label : null });
      const labelled = withLabel && !approved.labelError ? " · label attached" : "";
      return { message: `Return approved — ${name(approved)}${labelled}`, warning: approved.labelError };
    }
    case "decline": {
      const declined = await declineCase(db, api, { ...ref!, reason: input.reason, explanation: input.explanation, clauseId: input.clauseId, notifyCustomer: input.notifyCustomer });
      return { message: `Return declined — ${name(declined)}` };
    }
    case "attachLabel": {
      const labelled = await attachLabel(db, api, { ...ref!, fileUrl: input.fileUrl, trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl, notifyCustomer: input.notifyCustomer });
      return { message: `Label attached — ${name(labelled)}` };
    }
    case "markInTransit": {
      const moved = await markInTransit(db, { ...ref!, trackingNumber: input.trackingNumber ?? null });
      return { message: `Marked in transit — ${name(moved)}` };
    }
    case "markReceived": {
      const received = await markReceived(db, ref!);
      return { message: `Marked received — ${name(received)}` };
    }
    case "inspect": {
      const inspected = await inspectCase(db, { ...ref!, form: input.inspection });
      return { message: `Inspection saved — refund ${formatMoney(inspected.refundEstimate, inspected.currency)}` };
    }
    case "refund": {
      const refunded = await refundCase(db, api, { ...ref!, notifyCustomer: input.notifyCustomer });
      return { message: `Refunded ${formatMoney(refunded.refundAmount ?? "0", refunded.currency)} — ${name(refunded)}` };
    }
    case "escalate": {
      await escalateCase(db, { ...ref!, reason: input.reason });
      return { message: "Case escalated" };
    }
    case "resolveEscalation": {
      await resolveEscalation(db, { ...ref!, note: input.note });
      return { message: "Escalation decided" };
    }
    case "setUrgent": {
      await setUrgent(db, { ...ref!, urgent: input.urgent });
      return { message: input.urgent ? "Marked urgent" : "No longer urgent" };
    }
    case "note": {
      await addNote(db, { shop, caseId, actor, body: input.body });
      return { message: "Note added" };
    }
    case "message": {
      await messageCustomer(db, { shop, caseId, actor, body: input.body });
      return { message: "Message sent to the shopper" };
    }
    case "close": {
      const closed = await closeCase(db, api, ref!);
      return { message: `Case closed — ${name(closed)}` };
    }
  }
}

export const action = (args: ActionFunctionArgs) => busyAware(() => caseAction(args));

async function caseAction({ request, params }: ActionFunctionArgs) {
  const auth = await authenticate.admin(request);
  const ctx: Ctx = { shop: auth.session.shop, caseId: params.id ?? "", actor: actorOf(auth), api: auth.admin.graphql };
  if (!isRecordId(ctx.caseId)) return json<CaseActionResult>({ ok: false, status: 404, error: "This return case was not found in your store.", code: "NOT_FOUND" }, { status: 404 });
  const form = await readForm(request);
  if (!form) return unreadableForm();
  const parsed = parseCaseAction(form);
  if (!parsed.ok) {
    return json<CaseActionResult>({ ok: false, status: 400, error: parsed.error, code: "INVALID_INPUT", ...(parsed.field ? { field: parsed.field } : {}) }, { status: 400 });
  }
  const outcome = await runCaseAction(() => perform(parsed.input, ctx));
  if (!outcome.ok) return json<CaseActionResult>(outcome, failureInit(outcome));
  return json<CaseActionResult>({ ok: true, intent: parsed.input.intent, message: outcome.result.message, warning: outcome.result.warning ?? null });
}

// After any action (a refused one too: a released refund claim moves the version on), reload
// the case so the page always shows the state the next action will be checked against.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod && formMethod.toUpperCase() !== "GET" ? true : defaultShouldRevalidate);

export default function ReturnCaseRoute() {
  const data = useLoaderData<typeof loader>();
  return <CasePage data={data} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page title="Return not found" backAction={{ content: "Returns", url: "/app/returns" }}>
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <InlineStack gap="200">
                  <Badge tone="critical">Not found</Badge>
                </InlineStack>
                <Text as="p">This return case does not exist in your store, or it was removed.</Text>
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    );
  }
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
