/**
 * renderPolicyText(policy, locale): the customer-facing policy, written from
 * the rules themselves (never from free text), one section per clause with a
 * stable clause id. Decisions cite the same ids, so the shopper can click from
 * a decision to the sentence behind it.
 */
import { CLAUSE, claimClause, conditionClause, evidenceClause, exclusionClause, windowClause } from "./clauses";
import { messagesFor } from "./messages";
import { formatRma } from "./rma";
import { CLAIM_TYPES, CONDITIONS, FAULT_CLAIM_TYPES, type ClaimType, type Policy, type SupportedLocale } from "./schema";

export interface PolicyClause {
  /** Stable clause id ("window.return"). */
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface RenderedPolicy {
  readonly locale: SupportedLocale;
  readonly title: string;
  readonly markdown: string;
  readonly html: string;
  readonly clauses: readonly PolicyClause[];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>#])/g, "\\$1");
}

/** Clause sections in reading order. */
export function policyClauses(policy: Policy, locale?: string): PolicyClause[] {
  const t = messagesFor(locale ?? policy.locale).text;
  const out: PolicyClause[] = [];
  const add = (id: string, c: { title: string; text: string }) => out.push({ id, title: c.title, text: c.text });

  add(CLAUSE.returnWindow, t.returnWindow(policy.returnWindow.days, policy.returnWindow.assumedTransitDays, policy.timeZone));
  add(claimClause("RETURN"), t.returnClaim(policy.claims.RETURN));
  for (const c of CONDITIONS) add(conditionClause(c), t.condition(c, policy.conditions[c], policy.partialRefunds.allowed));
  for (const e of policy.exclusions) add(exclusionClause(e.id), t.exclusion(e.title, e.reason, e.appliesTo));
  for (const claim of FAULT_CLAIM_TYPES) {
    const rule = policy.claims[claim];
    add(claimClause(claim), t.faultClaim(claim, rule));
    if (rule.offered) {
      add(windowClause(claim), t.claimWindow(claim, rule));
      add(evidenceClause(claim), t.evidence(claim, rule));
    }
  }

  const offered = CLAIM_TYPES.filter((c) => (c === "RETURN" ? policy.claims.RETURN.offered : policy.claims[c].offered));
  const deductsShipping = offered.filter((c) => (c === "RETURN" ? policy.claims.RETURN.deductOriginalShipping : policy.claims[c].deductOriginalShipping));
  add(CLAUSE.originalShipping, t.originalShipping(policy.originalShipping, deductsShipping));
  const shipped = offered.filter((c) => c === "RETURN" || policy.claims[c].itemMustBeReturned);
  const payer = (c: ClaimType) => (c === "RETURN" ? policy.claims.RETURN.returnShippingPaidBy : policy.claims[c].returnShippingPaidBy);
  add(
    CLAUSE.returnShipping,
    t.returnShipping(
      shipped.filter((c) => payer(c) === "CUSTOMER"),
      shipped.filter((c) => payer(c) === "MERCHANT"),
      policy.returnShipping.customerLabelFee,
    ),
  );
  const labelClaims = FAULT_CLAIM_TYPES.filter(
    (c) => policy.claims[c].offered && policy.claims[c].deductLabelCostIfNoFault && policy.claims[c].returnShippingPaidBy === "MERCHANT" && policy.claims[c].itemMustBeReturned,
  );
  add(CLAUSE.returnLabel, t.returnLabel(labelClaims, policy.returnShipping.labelCost));

  add(CLAUSE.partialRefund, t.partialRefund(policy.partialRefunds));
  add(CLAUSE.inspection, t.inspection(policy.inspection));
  add(CLAUSE.refundMethod, t.refundMethod(policy.refund));
  add(CLAUSE.refundTiming, t.refundTiming(policy.refund));
  add(CLAUSE.disposition, t.disposition(policy.rejectedItems));
  add(CLAUSE.rma, t.rma(policy.rma, formatRma(policy.rma, 1042)));
  add(CLAUSE.exchange, t.exchange(policy.exchanges));
  if (policy.returnToSender !== null) add(CLAUSE.returnToSender, t.returnToSender(policy.returnToSender));
  if (policy.subscriptions !== null) add(CLAUSE.subscription, t.subscription(policy.subscriptions));
  add(CLAUSE.quantity, t.quantity());
  add(CLAUSE.fulfillment, t.fulfillment());
  add(CLAUSE.lineItem, t.lineItem());

  const s = policy.service;
  if (s.firstReply !== null) add(CLAUSE.serviceFirstReply, t.serviceFirstReply(s.firstReply, s.channels));
  if (s.resolution !== null) add(CLAUSE.serviceResolution, t.serviceResolution(s.resolution));
  if (s.updateCadence !== null) add(CLAUSE.serviceUpdates, t.serviceUpdates(s.updateCadence));
  if (s.escalationDecision !== null) add(CLAUSE.serviceEscalation, t.serviceEscalation(s.escalationDecision));
  add(CLAUSE.contact, t.contact(s.channels));
  return out;
}

/** Writes the customer-facing policy as Markdown and HTML, one section per clause. */
export function renderPolicyText(policy: Policy, locale?: string): RenderedPolicy {
  const m = messagesFor(locale ?? policy.locale);
  const clauses = policyClauses(policy, m.locale);
  const title = m.text.documentTitle(policy.name);
  const intro = m.text.intro(policy.name, policy.timeZone);

  const md: string[] = [`# ${escapeMarkdown(title)}`, "", escapeMarkdown(intro), ""];
  const html: string[] = [`<article class="clause-policy" lang="${m.locale}" data-policy="${escapeHtml(policy.id)}">`, `<h1>${escapeHtml(title)}</h1>`, `<p>${escapeHtml(intro)}</p>`];
  for (const c of clauses) {
    md.push(`## ${escapeMarkdown(c.title)}`, `<a id="${c.id}"></a>`, "", escapeMarkdown(c.text), "");
    html.push(`<section id="${escapeHtml(c.id)}" data-clause="${escapeHtml(c.id)}">`, `<h2>${escapeHtml(c.title)}</h2>`, `<p>${escapeHtml(c.text)}</p>`, `</section>`);
  }
  html.push("</article>");
  return { locale: m.locale, title, markdown: md.join("\n"), html: html.join("\n") + "\n", clauses };
}

/** Every clause id `decide()` can cite for this policy (all of them are rendered). */
export function citableClauseIds(policy: Policy): string[] {
  const ids = new Set<string>([CLAUSE.lineItem, CLAUSE.fulfillment, CLAUSE.quantity, CLAUSE.returnWindow, claimClause("RETURN"), CLAUSE.partialRefund]);
  for (const c of CONDITIONS) ids.add(conditionClause(c));
  for (const e of policy.exclusions) ids.add(exclusionClause(e.id));
  for (const c of FAULT_CLAIM_TYPES) {
    ids.add(claimClause(c));
    if (policy.claims[c].offered) {
      ids.add(windowClause(c));
      ids.add(evidenceClause(c));
    }
  }
  ids.add(CLAUSE.originalShipping);
  ids.add(CLAUSE.returnShipping);
  ids.add(CLAUSE.returnLabel);
  return [...ids];
}
