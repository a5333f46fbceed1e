/** @jsxImportSource preact */
// Step 1: which items, how many. An item that cannot go back is shown disabled, with the
// policy's reason and the clause it comes from.
import { fieldOf } from "../../../shared/events";
import { formatDay, formatMoney, t } from "../../../shared/i18n";
import type { Eligibility, OrderLine } from "../../../shared/portal-types";
import { selectable } from "../../../shared/eligibility-rules";
import type { Picked } from "../flow-state";

export function PolicyReason(props: { line: Pick<OrderLine, "explanation" | "clause" | "clauseTitle"> }) {
  return (
    <s-stack gap="small-300">
      <s-text>{props.line.explanation}</s-text>
      <s-text color="subdued">{t("common.policyClause", { title: props.line.clauseTitle || props.line.clause })}</s-text>
    </s-stack>
  );
}

function QuantityPicker(props: { line: OrderLine; quantity: number; onQuantity: (quantity: number) => void }) {
  const options = Array.from({ length: props.line.returnableQuantity }, (_, i) => String(i + 1));
  return (
    <s-select label={t("lines.quantity")} value={String(props.quantity)} onChange={(e) => props.onQuantity(Number(fieldOf(e).value) || 1)}>
      {options.map((n) => (
        <s-option key={n} value={n}>
          {n}
        </s-option>
      ))}
    </s-select>
  );
}

/**
 * One line of the order. A line the policy lets go back as a return has a checkbox; one it
 * excludes from returns shows the box disabled with the reason, and, when a claim (faulty,
 * damaged, …) can still cover it, a button to add it as a problem report instead.
 */
export function LineChoice(props: { eligibility: Eligibility; line: OrderLine; picked: Picked | undefined; onPick: (picked: boolean) => void; onQuantity: (quantity: number) => void }) {
  const { line, picked } = props;
  const reportable = !line.returnable && selectable(props.eligibility, line);
  return (
    <s-box border="base" borderRadius="base" padding="base">
      <s-stack gap="small-200">
        <s-checkbox label={t("lines.select", { title: line.title })} checked={line.returnable && Boolean(picked)} disabled={!line.returnable} onChange={(e) => props.onPick(Boolean(fieldOf(e).checked))} />
        {line.returnable ? (
          <s-text color="subdued">{t("lines.returnable", { returnable: line.returnableQuantity, quantity: line.quantity, price: formatMoney(line.unitPrice) })}</s-text>
        ) : (
          <s-text type="strong">{t("lines.notReturnable")}</s-text>
        )}
        {line.returnable && line.windowClosesAt ? <s-text color="subdued">{t("lines.returnBy", { date: formatDay(line.windowClosesAt) })}</s-text> : null}
        {!line.returnable && line.explanation ? <PolicyReason line={line} /> : null}
        {reportable && picked ? <s-text>{t("lines.reporting")}</s-text> : null}
        {reportable ? (
          <s-button variant="secondary" onClick={() => props.onPick(!picked)}>
            {picked ? t("lines.removeReport") : t("lines.reportProblem")}
          </s-button>
        ) : null}
        {picked && line.returnableQuantity > 1 ? <QuantityPicker line={line} quantity={picked.quantity} onQuantity={props.onQuantity} /> : null}
      </s-stack>
    </s-box>
  );
}

export function LinesStep(props: { eligibility: Eligibility; picked: Record<string, Picked>; onPick: (lineItemId: string, picked: boolean) => void; onQuantity: (lineItemId: string, quantity: number) => void }) {
  const { eligibility } = props;
  return (
    <s-section heading={t("lines.heading")}>
      <s-stack gap="base">
        {eligibility.existingReturns > 0 ? <s-banner tone="info">{t("lines.existing", { requests: eligibility.existingReturns })}</s-banner> : null}
        {eligibility.lines.map((line) => (
          <LineChoice
            key={line.lineItemId}
            eligibility={eligibility}
            line={line}
            picked={props.picked[line.lineItemId]}
            onPick={(picked) => props.onPick(line.lineItemId, picked)}
            onQuantity={(quantity) => props.onQuantity(line.lineItemId, quantity)}
          />
        ))}
      </s-stack>
    </s-section>
  );
}
