// The faults check's verdict, read with faults off: each case against its script and against
// Shopify's records (the stand-in's store, read directly). A lost request is a Shopify change no
// case knows of (a return, refund or label), a change a case records that Shopify does not show,
// or a shopper's request that never became a case; a duplicate is a second return for one
// request, a second refund for one return or a second label for one return.
import type { Db } from "~/db.server";
import type { Decision } from "~/domain/policy";
import type { ShopStore } from "../standin/store";
import { labelOf, requestKeyOf, type CaseRun } from "./faults-lifecycle";

type Verdict = { right: number; lost: number; duplicates: number; problems: string[] };

/** The Shopify return status a case's record implies. */
const shopifyStatusOf = (c: { status: string; approvedAt: Date | null }) =>
  ({ REQUESTED: "REQUESTED", DECLINED: "DECLINED", CLOSED: c.approvedAt ? "CLOSED" : "DECLINED" })[c.status] ?? "OPEN";

const scripted = { CLOSED: ["CLOSED", "CLOSED"], REFUNDED: ["REFUNDED", "OPEN"], DECLINED: ["DECLINED", "DECLINED"], DECLINED_CLOSED: ["CLOSED", "DECLINED"] } as const;

export async function auditCases(d: Db, storeOf: (shop: string) => ShopStore, runs: readonly CaseRun[]): Promise<Verdict> {
  const v: Verdict = { right: 0, lost: 0, duplicates: 0, problems: [] };
  const problem = (run: CaseRun | null, what: string) => v.problems.push(`${run ? `case ${run.index} (${run.script.end}${run.script.label ? ", label" : ""}): ` : ""}${what}`);
  const shops = [...new Set(runs.map((r) => r.shop))];
  const cases = await d.returnCase.findMany({ where: { shop: { in: shops } } });
  const byKey = new Map(cases.map((c) => [`${c.shop}\n${c.requestKey}`, c]));
  const held = new Set(cases.map((c) => c.shopifyReturnId));

  // Shopify changes no case holds.
  for (const shop of shops) {
    const store = storeOf(shop);
    for (const ret of store.returns.values()) {
      if (held.has(ret.id)) continue;
      v.lost += 1;
      problem(null, `Shopify return ${ret.id} (${ret.status}) of order ${ret.orderId} belongs to no case`);
    }
    for (const refund of store.refunds.values()) {
      if (refund.returnId && held.has(refund.returnId)) continue;
      v.lost += 1;
      problem(null, `Shopify refund ${refund.id} belongs to no case`);
    }
  }

  const amounts = new Set<number>();
  for (const run of runs) {
    if (run.outcome?.error) problem(run, `stopped: ${run.outcome.error}`);
    const c = byKey.get(`${run.shop}\n${requestKeyOf(run)}`);
    const store = storeOf(run.shop);
    const order = store.orders.get(run.orderId)!;
    let ok = !run.outcome?.error;
    if (order.returnIds.length > 1) {
      v.duplicates += order.returnIds.length - 1;
      ok = false;
      problem(run, `${order.returnIds.length} Shopify returns for one request`);
    }
    if (!c) {
      v.lost += 1;
      problem(run, "the request never became a case");
      continue;
    }
    const ret = c.shopifyReturnId ? store.returns.get(c.shopifyReturnId) : undefined;
    if (!ret) {
      v.lost += 1;
      problem(run, `the case's Shopify return ${c.shopifyReturnId} does not exist`);
      continue;
    }
    const [status, shopifyStatus] = scripted[run.script.end];
    if (c.status !== status || ret.status !== shopifyStatus) {
      ok = false;
      problem(run, `case ${c.status}, Shopify ${ret.status}; scripted ${status}, Shopify ${shopifyStatus}`);
    }
    if (ret.status !== shopifyStatusOf(c)) v.lost += 1;

    // Money: the refund the case records is the one Shopify made, for the decided amount.
    const recorded = JSON.parse(c.shopifyRefundIds ?? "[]") as string[];
    const refunds = ret.refundIds.map((id) => store.refunds.get(id)!);
    const wantRefund = run.script.end === "CLOSED" || run.script.end === "REFUNDED";
    if (refunds.length > 1) v.duplicates += refunds.length - 1;
    // Recorded but not in Shopify, or in Shopify and unknown to the case (a second one is a duplicate).
    const lost = recorded.filter((id) => !ret.refundIds.includes(id)).length + (refunds.length && !recorded.length ? 1 : 0);
    v.lost += lost;
    if (refunds.length !== (wantRefund ? 1 : 0) || lost || recorded.length !== refunds.length) {
      ok = false;
      problem(run, `${refunds.length} Shopify refunds, case records ${recorded.length}`);
    }
    if (wantRefund && refunds.length === 1) {
      const decided = (JSON.parse(c.finalDecisionJson ?? "null") as Decision | null)?.refundTotal;
      const total = (refunds[0]!.totalMinor / 100).toFixed(2);
      amounts.add(refunds[0]!.totalMinor);
      if (total !== decided || total !== c.refundAmount) {
        ok = false;
        problem(run, `Shopify refunded ${total}, decided ${decided}, case records ${c.refundAmount}`);
      }
    }

    // The label: the delivery the case records is the one Shopify has, and only one.
    const deliveries = ret.reverseFulfillmentOrderIds.flatMap((id) => store.reverseFulfillmentOrders.get(id)!.deliveries);
    if (deliveries.length > 1) v.duplicates += deliveries.length - 1;
    const known = deliveries.some((x) => x.id === c.reverseDeliveryId);
    if ((c.reverseDeliveryId || deliveries.length) && !known) v.lost += 1;
    const label = run.script.label && run.script.end !== "DECLINED" && run.script.end !== "DECLINED_CLOSED" ? labelOf(run) : null;
    if (deliveries.length !== (label ? 1 : 0) || (label && (!known || deliveries[0]!.label?.fileUrl !== label.fileUrl || c.labelUrl !== label.fileUrl))) {
      ok = false;
      problem(run, `${deliveries.length} Shopify labels, case records ${c.reverseDeliveryId ?? "none"}`);
    }
    if (ok) v.right += 1;
  }
  // Every refunded case had the same item, condition and policy: one amount, and a real one.
  if (amounts.size > 1 || [...amounts].some((a) => a <= 0)) problem(null, `refund amounts differ: ${[...amounts].join(", ")}`);
  return v;
}
