/**
 * Everything a shopper or merchant reads is produced through a `Messages`
 * catalog, one per locale. The engine and the renderer decide *what* to say
 * (which clause, which numbers); a catalog decides *how* to say it. Adding a
 * locale means adding a catalog, nothing else.
 */
import type { ClaimType, Condition, ConditionRule, Duration, FaultClaimRule, Payer, Policy, SupportedLocale } from "../schema";

export interface ClauseText {
  readonly title: string;
  readonly text: string;
}

export interface Messages {
  readonly locale: SupportedLocale;
  formatDay(dayNumber: number): string;
  formatMoney(amount: string, currencyCode: string): string;
  formatPercent(basisPoints: number): string;
  formatDuration(duration: Duration): string;

  /** One sentence per decision line. */
  readonly line: {
    unknownLineItem(): string;
    notFulfilled(): string;
    quantityExceeds(requested: number, returnable: number): string;
    claimNotOffered(claim: ClaimType): string;
    excluded(reason: string): string;
    returnWindowExpired(days: number, lastDay: number): string;
    reportWindowExpired(claim: ClaimType, days: number, lastDay: number): string;
    evidenceRequired(claim: ClaimType, kinds: readonly string[]): string;
    conditionNotAccepted(condition: Condition, partialAllowed: boolean): string;
    conditionRefund(condition: Condition, basisPoints: number): string;
    faultRefund(claim: ClaimType, basisPoints: number, paidBy: Payer, itemMustBeReturned: boolean, onlyListedItems: boolean): string;
    treatedAsReturn(claim: ClaimType, condition: Condition, basisPoints: number): string;
    noFaultFound(condition: Condition, basisPoints: number): string;
    partialRefund(basisPoints: number, reason: string): string;
  };

  /** One sentence per deduction. */
  readonly deduction: {
    originalShipping(amount: string, currencyCode: string): string;
    returnShippingFee(amount: string, currencyCode: string): string;
    returnLabel(amount: string, currencyCode: string): string;
  };

  /** Clause texts for `renderPolicyText`. */
  readonly text: {
    documentTitle(storeName: string): string;
    intro(storeName: string, timeZone: string): string;
    returnWindow(days: number, assumedTransitDays: number, timeZone: string): ClauseText;
    claimWindow(claim: ClaimType, rule: FaultClaimRule): ClauseText;
    condition(condition: Condition, rule: ConditionRule, partialAllowed: boolean): ClauseText;
    exclusion(title: string, reason: string, appliesTo: readonly ClaimType[]): ClauseText;
    returnClaim(rule: Policy["claims"]["RETURN"]): ClauseText;
    faultClaim(claim: ClaimType, rule: FaultClaimRule): ClauseText;
    evidence(claim: ClaimType, rule: FaultClaimRule): ClauseText;
    originalShipping(rule: Policy["originalShipping"], deductedFor: readonly ClaimType[]): ClauseText;
    returnShipping(customerPays: readonly ClaimType[], merchantPays: readonly ClaimType[], labelFee: Policy["returnShipping"]["customerLabelFee"]): ClauseText;
    returnLabel(claims: readonly ClaimType[], cost: Policy["returnShipping"]["labelCost"]): ClauseText;
    quantity(): ClauseText;
    fulfillment(): ClauseText;
    lineItem(): ClauseText;
    partialRefund(rule: Policy["partialRefunds"]): ClauseText;
    inspection(rule: Policy["inspection"]): ClauseText;
    refundMethod(rule: Policy["refund"]): ClauseText;
    refundTiming(rule: Policy["refund"]): ClauseText;
    disposition(rule: Policy["rejectedItems"]): ClauseText;
    rma(rule: Policy["rma"], example: string): ClauseText;
    exchange(rule: Policy["exchanges"]): ClauseText;
    returnToSender(rule: NonNullable<Policy["returnToSender"]>): ClauseText;
    subscription(rule: NonNullable<Policy["subscriptions"]>): ClauseText;
    serviceFirstReply(duration: Duration, channels: Policy["service"]["channels"]): ClauseText;
    serviceResolution(duration: Duration): ClauseText;
    serviceUpdates(duration: Duration): ClauseText;
    serviceEscalation(duration: Duration): ClauseText;
    contact(channels: Policy["service"]["channels"]): ClauseText;
  };
}
