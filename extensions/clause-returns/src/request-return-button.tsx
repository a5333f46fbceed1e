/** @jsxImportSource preact */
// The order action menu item: shown only once the portal API says something on the order can
// be returned or claimed; hidden while it is asked, when nothing can, and when it cannot be
// reached (the order page works without it).
import { anythingToRequest } from "../../shared/eligibility-rules";
import { t } from "../../shared/i18n";
import { returnPageUrl } from "../../shared/links";
import type { PortalApi } from "../../shared/portal-types";
import { Remote } from "../../shared/ui/remote";

export function RequestReturnButton(props: { api: Pick<PortalApi, "eligibility">; orderId: string }) {
  return (
    <Remote
      load={props.api.eligibility}
      show={(eligibility) => (eligibility.status === "ready" && anythingToRequest(eligibility.value) ? <s-button href={returnPageUrl(props.orderId)}>{t("menu.requestReturn")}</s-button> : null)}
    />
  );
}
