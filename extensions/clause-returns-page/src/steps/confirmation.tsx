/** @jsxImportSource preact */
// Step 6: the request is in. The RMA to quote and what happens next, as the store words it.
import { formatMoney, t } from "../../../shared/i18n";
import type { Submitted } from "../../../shared/portal-types";

export function Confirmation(props: { result: Submitted; onBackToOrder: () => void }) {
  const { result } = props;
  return (
    <s-section heading={t("done.heading")}>
      <s-stack gap="base">
        <s-banner tone="success" heading={result.rma ? t("done.rma", { rma: result.rma }) : t("done.received")} />
        {result.total ? <s-text type="strong">{t("done.total", { amount: formatMoney(result.total) })}</s-text> : null}
        {result.nextSteps.length ? (
          <s-stack gap="small-200">
            <s-heading>{t("done.nextSteps")}</s-heading>
            <s-ordered-list>
              {result.nextSteps.map((step, i) => (
                <s-list-item key={i}>{step}</s-list-item>
              ))}
            </s-ordered-list>
          </s-stack>
        ) : null}
        <s-button onClick={props.onBackToOrder}>{t("common.backToOrder")}</s-button>
      </s-stack>
    </s-section>
  );
}
