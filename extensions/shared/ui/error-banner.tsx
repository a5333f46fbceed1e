/** @jsxImportSource preact */
// A failed call: the API's own message when it gave one (it is written for shoppers), else a
// generic one; with a button that tries again.
import { t } from "../i18n";
import { ApiError } from "../portal-types";

export function errorMessage(error: unknown): string {
  return error instanceof ApiError && error.code !== "NETWORK" && error.message ? error.message : t("common.errorUnreachable");
}

export function ErrorBanner(props: { error: unknown; onRetry?: () => void }) {
  return (
    <s-banner tone="critical" heading={t("common.errorHeading")}>
      <s-stack gap="base">
        <s-text>{errorMessage(props.error)}</s-text>
        {props.onRetry ? (
          <s-button variant="secondary" onClick={props.onRetry}>
            {t("common.retry")}
          </s-button>
        ) : null}
      </s-stack>
    </s-banner>
  );
}
