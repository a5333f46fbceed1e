/** @jsxImportSource preact */
// Step 5: what the store's policy decides for this request, before it is sent: each line's
// outcome, the refund estimate with every deduction and the clause behind it, who pays return
// shipping, the deadlines. All of it from the portal API's preview.
import { formatDay, formatMoney, formatPercent, t, type MessageKey } from "../../../shared/i18n";
import type { DecidedLine, Deduction, OrderLine, Preview } from "../../../shared/portal-types";
import { ErrorBanner } from "../../../shared/ui/error-banner";
import { Loading } from "../../../shared/ui/loading";
import type { PreviewState, SubmitState } from "../flow-state";
import { PolicyReason } from "./lines-step";

const DEDUCTION: Record<string, MessageKey> = {
  ORIGINAL_SHIPPING: "review.deduction.ORIGINAL_SHIPPING",
  RETURN_SHIPPING_FEE: "review.deduction.RETURN_SHIPPING_FEE",
  RETURN_LABEL: "review.deduction.RETURN_LABEL",
  RESTOCKING_FEE: "review.deduction.RESTOCKING_FEE",
};

const positive = (amount: { amount: string } | null): amount is { amount: string; currencyCode: string } => Boolean(amount && Number(amount.amount) > 0);
const minus = (money: Deduction["amount"]) => t("common.minus", { amount: formatMoney(money) });

function DecidedLineView(props: { line: DecidedLine; title: string }) {
  const { line } = props;
  return (
    <s-box border="base" borderRadius="base" padding="base">
      <s-stack gap="small-200">
        <s-stack direction="inline" gap="base" alignItems="center">
          <s-text type="strong">{t("review.line", { quantity: line.quantity, title: props.title })}</s-text>
          <s-badge tone={line.eligible ? "neutral" : "critical"}>{line.eligible ? t("review.accepted") : t("review.notAccepted")}</s-badge>
        </s-stack>
        {line.eligible && line.refundPercent !== null ? <s-text>{t("review.refundPercent", { percent: formatPercent(line.refundPercent) })}</s-text> : null}
        {line.eligible && line.refundAmount ? <s-text>{t("review.lineRefund", { amount: formatMoney(line.refundAmount) })}</s-text> : null}
        {positive(line.restockingFee) ? <s-text>{t("review.restockingFee", { amount: formatMoney(line.restockingFee) })}</s-text> : null}
        <PolicyReason line={line} />
      </s-stack>
    </s-box>
  );
}

function RefundEstimate(props: { preview: Preview }) {
  const { preview } = props;
  return (
    <s-section heading={t("review.estimate")}>
      <s-stack gap="small-200">
        <s-text>{t("review.subtotal", { amount: formatMoney(preview.subtotal) })}</s-text>
        {preview.deductions.map((d, i) => (
          <s-stack key={i} gap="small-300">
            <s-text>{t(DEDUCTION[d.kind] ?? "review.deduction.OTHER", { amount: minus(d.amount) })}</s-text>
            <PolicyReason line={d} />
          </s-stack>
        ))}
        <s-divider />
        <s-text type="strong">{t("review.total", { amount: formatMoney(preview.total) })}</s-text>
        <s-text>{t(preview.returnShippingPaidBy === "MERCHANT" ? "review.shippingPaidBy.MERCHANT" : "review.shippingPaidBy.CUSTOMER")}</s-text>
      </s-stack>
    </s-section>
  );
}

function Deadlines(props: { preview: Preview; titleOf: (lineItemId: string) => string }) {
  if (!props.preview.deadlines.length) return null;
  return (
    <s-section heading={t("review.deadlines")}>
      <s-unordered-list>
        {props.preview.deadlines.map((d) => (
          <s-list-item key={d.lineItemId}>{t("review.deadline", { title: props.titleOf(d.lineItemId), date: formatDay(d.at) })}</s-list-item>
        ))}
      </s-unordered-list>
    </s-section>
  );
}

export function ReviewStep(props: { lines: OrderLine[]; preview: PreviewState; submit: SubmitState; canSubmit: boolean; onSubmit: () => void; onRetryPreview: () => void }) {
  const { preview, submit } = props;
  const titleOf = (id: string) => props.lines.find((l) => l.lineItemId === id)?.title ?? id;
  const submitting = submit.status === "submitting";
  return (
    <s-section heading={t("review.heading")}>
      <s-stack gap="base">
        {preview.status === "loading" || preview.status === "idle" ? <Loading label={t("review.calculating")} /> : null}
        {preview.status === "error" ? <ErrorBanner error={preview.error} onRetry={props.onRetryPreview} /> : null}
        {preview.status === "ready" ? (
          <s-stack gap="base">
            {preview.value.lines.map((line) => (
              <DecidedLineView key={line.lineItemId} line={line} title={titleOf(line.lineItemId)} />
            ))}
            {preview.value.eligible ? <RefundEstimate preview={preview.value} /> : <s-banner tone="warning">{t("review.nothingAccepted")}</s-banner>}
            <Deadlines preview={preview.value} titleOf={titleOf} />
            {submit.status === "error" ? <ErrorBanner error={submit.error} onRetry={props.onSubmit} /> : null}
            <s-button variant="primary" disabled={!props.canSubmit || submitting} loading={submitting} onClick={props.onSubmit}>
              {t("review.submit")}
            </s-button>
          </s-stack>
        ) : null}
      </s-stack>
    </s-section>
  );
}
