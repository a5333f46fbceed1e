/** @jsxImportSource preact */
// The order status page's block: nothing while it loads or when no return was requested on the
// order (most orders), so the page does not flicker.
import { t } from "../../shared/i18n";
import type { PortalApi } from "../../shared/portal-types";
import { ErrorBanner } from "../../shared/ui/error-banner";
import { Remote } from "../../shared/ui/remote";
import { ReturnStatusCard } from "./return-status-card";

export function ReturnStatusBlock(props: { api: Pick<PortalApi, "returns"> }) {
  return (
    <Remote
      load={props.api.returns}
      show={(returns, retry) =>
        returns.status === "loading" || (returns.status === "ready" && returns.value.length === 0) ? null : (
          <s-section heading={t("status.heading")}>
            {returns.status === "error" ? (
              <ErrorBanner error={returns.error} onRetry={retry} />
            ) : (
              <s-stack gap="large">
                {returns.value.map((r) => (
                  <ReturnStatusCard key={r.caseId} summary={r} />
                ))}
              </s-stack>
            )}
          </s-section>
        )
      }
    />
  );
}
