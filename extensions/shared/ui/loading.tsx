/** @jsxImportSource preact */
import { t } from "../i18n";

export function Loading(props: { label?: string }) {
  const label = props.label ?? t("common.loading");
  return (
    <s-stack direction="inline" gap="base" alignItems="center">
      <s-spinner accessibilityLabel={label} />
      <s-text color="subdued">{label}</s-text>
    </s-stack>
  );
}
