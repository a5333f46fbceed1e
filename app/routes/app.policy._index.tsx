// /app/policy: the return policy overview. The version in force (who saved it, when, from which
// preset), the assumptions still to confirm, the version history with a readable diff between
// any two versions (?a=<before>&b=<after>; default: the latest against the one before it), the
// customer-facing text Clause writes from the rules, whether the shop's refund policy still says
// the same (drift), and "Publish to store". Editing lives at /app/policy/edit, simulation at
// /app/policy/simulate. The page itself is app/components/policy/.
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { PolicyOverviewPage } from "~/components/policy/PolicyOverviewPage";
import {
  assumptionsOf,
  comparePair,
  comparison,
  driftView,
  presetEntries,
  previewOf,
  versionRow,
  type PolicyOverviewData,
} from "~/components/policy/view-model";
import db from "~/db.server";
import { actionFailure, busyAware, failureInit, readForm, runCaseAction, unreadableForm, type ActionFailure } from "~/lib/action-errors.server";
import { getPolicyVersion, listPolicyVersions, requireActivePolicy } from "~/models/policy-version.server";
import { refundPolicyBody, refundPolicyDrift } from "~/services/refund-policy-drift.server";
import { publishRefundPolicy } from "~/services/shop-policy.server";
import { authenticate } from "~/shopify.server";

export async function loader({ request }: LoaderFunctionArgs): Promise<PolicyOverviewData> {
  const { session, admin } = await authenticate.admin(request);
  const shop = session.shop;
  const versions = await listPolicyVersions(db, shop);
  const latest = versions[0] ? await getPolicyVersion(db, shop, versions[0].version) : null;
  if (!latest) {
    return { presets: presetEntries(), current: null, assumptions: [], history: [], compare: null, preview: null, drift: null, driftError: null };
  }
  const timeZone = latest.policy.timeZone;
  const pair = comparePair(
    versions.map((v) => v.version),
    new URL(request.url).searchParams,
  );
  let compare: PolicyOverviewData["compare"] = null;
  if (pair) {
    const [before, after] = await Promise.all([getPolicyVersion(db, shop, pair.a), getPolicyVersion(db, shop, pair.b)]);
    if (before && after) compare = comparison(pair, before.policy, after.policy);
  }

  let drift: PolicyOverviewData["drift"] = null;
  let driftError: string | null = null;
  try {
    drift = driftView(await refundPolicyDrift(admin.graphql, latest.policy), timeZone);
  } catch (error) {
    if (error instanceof Response) throw error;
    const failure = actionFailure(error);
    if (!failure) throw error;
    driftError = `Your store's refund policy could not be read from Shopify just now: ${failure.error}`;
  }

  return {
    presets: presetEntries(),
    current: { ...versionRow(latest, timeZone), name: latest.policy.name, timeZone },
    assumptions: assumptionsOf(latest.policy),
    history: versions.map((v) => versionRow(v, timeZone)),
    compare,
    preview: previewOf(latest.policy),
    drift,
    driftError,
  };
}

export type PolicyActionResult = { ok: true; intent: "publish"; message: string; version: number; publishedAt: string; url: string } | ActionFailure;

const invalid = (error: string) => json<PolicyActionResult>({ ok: false, status: 400, code: "INVALID_INPUT", error }, { status: 400 });

/**
 * intent=publish&expectedVersion=<n>: publishes the text of the version in force as the shop's
 * refund policy. The version the merchant reviewed is checked first: a version saved meanwhile
 * (by a colleague) is not published unseen (409).
 */
export const action = ({ request }: ActionFunctionArgs) => busyAware(() => publish(request));

async function publish(request: Request) {
  const auth = await authenticate.admin(request);
  const shop = auth.session.shop;
  const form = await readForm(request);
  if (!form) return unreadableForm();
  const intent = form.get("intent");
  if (intent !== "publish") return invalid(`Unknown action ${typeof intent === "string" && intent ? `"${intent.slice(0, 40)}"` : "(none)"}: this page can only publish the policy to your store.`);
  const rawVersion = form.get("expectedVersion");
  const expectedVersion = typeof rawVersion === "string" && /^\d{1,10}$/.test(rawVersion) ? Number(rawVersion) : null;
  if (expectedVersion === null) return invalid("Say which policy version to publish (expectedVersion).");

  const outcome = await runCaseAction(async () => {
    const active = await requireActivePolicy(db, shop);
    if (active.version !== expectedVersion) return { stale: active.version } as const;
    const published = await publishRefundPolicy(auth.admin.graphql, { body: refundPolicyBody(active.policy) });
    return { version: active.version, published } as const;
  });
  if (!outcome.ok) return json<PolicyActionResult>(outcome, failureInit(outcome));
  if ("stale" in outcome.result) {
    return json<PolicyActionResult>(
      { ok: false, status: 409, code: "CONFLICT", error: `Version ${outcome.result.stale} was saved after you opened this page; nothing was published. Review it, then publish again.` },
      { status: 409 },
    );
  }
  const { version, published } = outcome.result;
  return json<PolicyActionResult>({ ok: true, intent: "publish", message: `Version ${version} published to your store`, version, publishedAt: published.updatedAt, url: published.url });
}

// After publishing (or a refusal), reload: the drift state and the version in force may have moved.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod && formMethod.toUpperCase() !== "GET" ? true : defaultShouldRevalidate);

export default function PolicyOverviewRoute() {
  const data = useLoaderData<typeof loader>();
  return <PolicyOverviewPage data={data} />;
}

export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
