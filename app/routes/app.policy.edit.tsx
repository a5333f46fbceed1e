// The policy editor (/app/policy/edit): every rule of the shop's return policy as a form,
// started from the policy in force, a seed preset (?preset=<id>) or a blank skeleton
// (?start=blank), and saved as a new policy version. The form is the policy itself, so rules
// the page does not show are saved unchanged; the server parses it with policySchema and a
// refusal names each field that needs fixing.
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { ZodError, z } from "zod";
import db from "~/db.server";
import { PolicyEditorPage, type PolicyEditorData } from "~/components/policy-editor/PolicyEditorPage";
import type { StartOption } from "~/components/policy-editor/StartFromCard";
import { formatDay, isValidTimeZone, localDayNumber } from "~/domain/calendar";
import { PRESET_IDS, isPresetId, parsePolicy, presets } from "~/domain/policy";
import { actionFailure, busyAware, failureInit } from "~/lib/action-errors.server";
import { actorOf } from "~/lib/actor.server";
import { blankPolicy, fieldErrors, policyIdForShop, policySaveRequestSchema, toFormState, type PolicyForm, type PolicySaveResult } from "~/lib/policy-form";
import { activePolicy, savePolicyVersion } from "~/models/policy-version.server";
import { createAdminClient } from "~/services/admin-client";
import { getShopSummary } from "~/services/shop-summary.server";
import { authenticate } from "~/shopify.server";

const startQuerySchema = z.object({
  preset: z.string().max(64).nullable(),
  start: z.enum(["blank", "current"]).nullable().catch(null),
});

function timeZoneList(current: string): string[] {
  const zones = new Set<string>(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort();
}

/** The blank skeleton in the shop's own name and time zone (UTC when Shopify cannot be asked). */
async function blankForm(auth: Awaited<ReturnType<typeof authenticate.admin>>): Promise<{ form: PolicyForm; notice: string | null }> {
  const shop = auth.session.shop;
  let name = shop.replace(/\.myshopify\.com$/i, "");
  let timeZone = "UTC";
  let notice: string | null = null;
  try {
    // The page waits for this: one quick retry, not the long backoff a refund deserves.
    const summary = await getShopSummary(createAdminClient(auth.admin.graphql, { maxRetries: 1, timeoutMs: 8_000 }));
    name = summary.name || name;
    if (isValidTimeZone(summary.ianaTimezone)) timeZone = summary.ianaTimezone;
  } catch (error) {
    // admin.graphql throws Shopify's HTTP errors as a Response: a 5xx (or 429) is Shopify being
    // unavailable; anything else (re-authentication) goes up.
    const outage = error instanceof Response && (error.status >= 500 || error.status === 429);
    const failure = outage ? null : actionFailure(error);
    if (!outage && (error instanceof Response || !failure)) throw error;
    notice = `Your store's time zone could not be read from Shopify just now, so the blank policy starts in UTC; choose your time zone under Basics.${failure ? ` (${failure.error})` : ""}`;
  }
  return { form: toFormState(parsePolicy(blankPolicy({ id: policyIdForShop(shop), name, timeZone }))), notice };
}

export async function loader({ request }: LoaderFunctionArgs): Promise<PolicyEditorData> {
  const auth = await authenticate.admin(request);
  const shop = auth.session.shop;
  const params = new URL(request.url).searchParams;
  const query = startQuerySchema.safeParse({ preset: params.get("preset"), start: params.get("start") });
  const wanted = query.success ? query.data : { preset: null, start: null };
  const active = await activePolicy(db, shop);

  let start: StartOption;
  let form: PolicyForm;
  let presetId: string | null;
  const notices: string[] = [];
  if (!query.success) notices.push("That preset name is too long; the form starts from your policy instead.");
  if (wanted.preset !== null && !isPresetId(wanted.preset)) notices.push(`There is no preset called "${wanted.preset}"; choose one under "Start from".`);

  if (wanted.preset !== null && isPresetId(wanted.preset)) {
    start = { kind: "preset", presetId: wanted.preset };
    form = toFormState(presets[wanted.preset]);
    presetId = wanted.preset;
  } else if (active && wanted.start !== "blank") {
    start = { kind: "current", presetId: active.presetId };
    form = toFormState(active.policy);
    presetId = active.presetId;
  } else {
    start = { kind: "blank", presetId: null };
    const blank = await blankForm(auth);
    form = blank.form;
    presetId = null;
    if (blank.notice) notices.push(blank.notice);
  }

  return {
    active: active ? { version: active.version, presetId: active.presetId, name: active.policy.name } : null,
    presets: PRESET_IDS.map((id) => ({ id, name: presets[id].name })),
    start,
    presetId,
    form,
    timeZones: timeZoneList(form.timeZone),
    today: formatDay(localDayNumber(isValidTimeZone(form.timeZone) ? form.timeZone : "UTC", Date.now())),
    notice: notices.length ? notices.join(" ") : null,
  };
}

function answer(result: PolicySaveResult, init?: ResponseInit) {
  return json<PolicySaveResult>(result, init ?? { status: result.ok ? 200 : result.status });
}

export const action = (args: ActionFunctionArgs) => busyAware(() => save(args));

async function save({ request }: ActionFunctionArgs) {
  const auth = await authenticate.admin(request);
  const shop = auth.session.shop;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return answer({ ok: false, status: 400, code: "INVALID_INPUT", error: "The policy could not be read: send it as JSON.", errors: [] });
  }
  const parsed = policySaveRequestSchema.safeParse(body);
  if (!parsed.success) {
    return answer({ ok: false, status: 400, code: "INVALID_INPUT", error: "The save request is incomplete.", errors: [] });
  }
  const { policy, presetId, baseVersion } = parsed.data;

  // Someone else saved a version since this form was loaded: theirs is not overwritten unseen.
  const current = await activePolicy(db, shop);
  if ((current?.version ?? null) !== baseVersion) {
    const error = current
      ? `Version ${current.version} was saved while you were editing. Your changes are still in the form: reload the page to see version ${current.version}, then make them again.`
      : "The policy you were editing no longer exists.";
    return answer({ ok: false, status: 409, code: "CONFLICT", error, errors: [] });
  }

  try {
    const saved = await savePolicyVersion(db, shop, policy, { actor: actorOf(auth), presetId: presetId !== null && isPresetId(presetId) ? presetId : null });
    return answer({ ok: true, version: saved.version, message: `Policy version ${saved.version} saved` });
  } catch (error) {
    if (!(error instanceof ZodError)) {
      const failure = actionFailure(error);
      if (!failure) throw error;
      return answer({ ok: false, status: failure.status, code: failure.code, error: failure.error, errors: [] }, failureInit(failure));
    }
    const errors = fieldErrors(error);
    const n = errors.length;
    return answer({ ok: false, status: 400, code: "INVALID_POLICY", error: `${n} ${n === 1 ? "field needs" : "fields need"} attention; nothing was saved.`, errors });
  }
}

export default function PolicyEditRoute() {
  const data = useLoaderData<typeof loader>();
  // A new version in force, or another starting point, starts the form afresh.
  return <PolicyEditorPage key={`${data.active?.version ?? 0}:${data.start.kind}:${data.start.presetId ?? ""}`} data={data as PolicyEditorData} />;
}

export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
