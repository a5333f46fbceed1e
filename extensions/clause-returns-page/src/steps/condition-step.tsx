/** @jsxImportSource preact */
// Step 3: the condition of each chosen item, as the shopper declares it.
import { fieldOf } from "../../../shared/events";
import { t, type MessageKey } from "../../../shared/i18n";
import type { Condition, OrderLine } from "../../../shared/portal-types";
import type { Picked } from "../flow-state";

const CONDITION_LABEL: Record<Condition, MessageKey> = {
  UNOPENED: "condition.value.UNOPENED",
  OPENED: "condition.value.OPENED",
  USED: "condition.value.USED",
  DAMAGED: "condition.value.DAMAGED",
};

export function ConditionStep(props: { lines: OrderLine[]; picked: Record<string, Picked>; conditions: Condition[]; onCondition: (lineItemId: string, condition: Condition) => void }) {
  const conditions = props.conditions.filter((c) => CONDITION_LABEL[c]);
  return (
    <s-section heading={t("condition.heading")}>
      <s-stack gap="base">
        {props.lines.map((line) => (
          <s-select
            key={line.lineItemId}
            label={t("condition.label", { title: line.title })}
            placeholder={t("condition.placeholder")}
            value={props.picked[line.lineItemId]?.condition ?? ""}
            onChange={(e) => {
              const value = fieldOf(e).value;
              if (value) props.onCondition(line.lineItemId, value as Condition);
            }}
          >
            {conditions.map((c) => (
              <s-option key={c} value={c}>
                {t(CONDITION_LABEL[c])}
              </s-option>
            ))}
          </s-select>
        ))}
      </s-stack>
    </s-section>
  );
}
