/** @jsxImportSource preact */
// Nothing on the order can go back: each line with the policy's reason.
import { t } from "../../../shared/i18n";
import type { Eligibility } from "../../../shared/portal-types";
import { PolicyReason } from "./lines-step";

export function NothingReturnable(props: { eligibility: Eligibility; onBackToOrder: () => void }) {
  return (
    <s-section heading={t("nothing.heading")}>
      <s-stack gap="base">
        <s-text>{t("nothing.body")}</s-text>
        {props.eligibility.lines.map((line) => (
          <s-box key={line.lineItemId} border="base" borderRadius="base" padding="base">
            <s-stack gap="small-200">
              <s-text type="strong">{line.title}</s-text>
              <PolicyReason line={line} />
            </s-stack>
          </s-box>
        ))}
        <s-button onClick={props.onBackToOrder}>{t("common.backToOrder")}</s-button>
      </s-stack>
    </s-section>
  );
}
