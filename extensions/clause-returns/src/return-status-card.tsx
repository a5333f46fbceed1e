/** @jsxImportSource preact */
// One return request as its shopper follows it: RMA, status, refund, label, the store's messages.
import { formatDay, formatMoney, t } from "../../shared/i18n";
import type { ReturnSummary } from "../../shared/portal-types";
import { statusLabel } from "../../shared/status-label";

const tone = (status: string) => (status === "DECLINED" || status === "CANCELED" ? "critical" : "neutral");

export function ReturnStatusCard(props: { summary: ReturnSummary }) {
  const r = props.summary;
  return (
    <s-box border="base" borderRadius="base" padding="base">
      <s-stack gap="small-200">
        <s-stack direction="inline" gap="base" alignItems="center">
          <s-heading>{r.rma ? t("status.title", { rma: r.rma }) : t("status.titleNoRma")}</s-heading>
          <s-badge tone={tone(r.status)}>{statusLabel(r.status)}</s-badge>
        </s-stack>
        {r.createdAt ? <s-text color="subdued">{t("status.requestedOn", { date: formatDay(r.createdAt) })}</s-text> : null}
        <s-unordered-list>
          {r.lines.map((l, i) => (
            <s-list-item key={i}>
              <s-stack gap="small-300">
                <s-text>{t("review.line", { quantity: l.quantity, title: l.title })}</s-text>
                {l.code !== "OK" && l.explanation ? <s-text color="subdued">{t("status.lineNotAccepted", { explanation: l.explanation })}</s-text> : null}
              </s-stack>
            </s-list-item>
          ))}
        </s-unordered-list>
        {r.refundedAmount ? (
          <s-text>{t("status.refunded", { amount: formatMoney(r.refundedAmount) })}</s-text>
        ) : r.refundEstimate && !r.declined ? (
          <s-text>{t("status.refundEstimate", { amount: formatMoney(r.refundEstimate) })}</s-text>
        ) : null}
        {r.declined ? <s-banner tone="critical">{t("status.declined", { explanation: r.declined.explanation })}</s-banner> : null}
        {r.label ? (
          <s-stack gap="small-200">
            {r.label.url ? (
              <s-link href={r.label.url} target="_blank">
                {t("status.label")}
              </s-link>
            ) : null}
            {r.label.trackingNumber ? <s-text>{t("status.tracking", { number: r.label.trackingNumber })}</s-text> : null}
            {r.label.trackingUrl ? (
              <s-link href={r.label.trackingUrl} target="_blank">
                {t("status.trackParcel")}
              </s-link>
            ) : null}
          </s-stack>
        ) : null}
        {r.messages.length ? (
          <s-stack gap="small-200">
            <s-text type="strong">{t("status.messages")}</s-text>
            {r.messages.map((m, i) => (
              <s-paragraph key={i}>{t("status.message", { date: formatDay(m.at), body: m.body })}</s-paragraph>
            ))}
          </s-stack>
        ) : null}
      </s-stack>
    </s-box>
  );
}
