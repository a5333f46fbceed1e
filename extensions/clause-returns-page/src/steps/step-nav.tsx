/** @jsxImportSource preact */
// Back / Continue under a step; the hint says what is missing while Continue is disabled.
import { t } from "../../../shared/i18n";

export function StepNav(props: { onBack: (() => void) | null; onContinue: (() => void) | null; canContinue: boolean; hint?: string }) {
  return (
    <s-stack gap="small-200">
      {!props.canContinue && props.hint ? <s-text color="subdued">{props.hint}</s-text> : null}
      <s-stack direction="inline" gap="base">
        {props.onBack ? (
          <s-button variant="secondary" onClick={props.onBack}>
            {t("common.back")}
          </s-button>
        ) : null}
        {props.onContinue ? (
          <s-button variant="primary" disabled={!props.canContinue} onClick={props.onContinue}>
            {t("common.continue")}
          </s-button>
        ) : null}
      </s-stack>
    </s-stack>
  );
}
