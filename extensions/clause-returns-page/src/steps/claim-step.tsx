/** @jsxImportSource preact */
// Step 2: what kind of request (change of mind, faulty, damaged in transit, …) and why, from
// the store's return reasons.
import { fieldOf } from "../../../shared/events";
import { formatDay, t, type MessageKey } from "../../../shared/i18n";
import type { ClaimOption, ClaimTypeCode, Eligibility } from "../../../shared/portal-types";

const CLAIM_LABEL: Record<ClaimTypeCode, MessageKey> = {
  RETURN: "claim.type.RETURN",
  DEFECTIVE: "claim.type.DEFECTIVE",
  DAMAGED_IN_TRANSIT: "claim.type.DAMAGED_IN_TRANSIT",
  WRONG_ITEM: "claim.type.WRONG_ITEM",
  MISSING_ITEM: "claim.type.MISSING_ITEM",
};

/** Our translation of a claim type; the store's own label for a type we do not know. */
export const claimLabel = (claim: Pick<ClaimOption, "type" | "label">) => (CLAIM_LABEL[claim.type] ? t(CLAIM_LABEL[claim.type]) : claim.label);

function details(claim: ClaimOption): string {
  const parts: string[] = [];
  if (claim.type !== "RETURN" && claim.reportWindowClosesAt) parts.push(t("claim.reportBy", { date: formatDay(claim.reportWindowClosesAt) }));
  if (claim.evidence.required) parts.push(t("claim.needsEvidence"));
  return parts.join(" · ");
}

export function ClaimStep(props: {
  claims: ClaimOption[];
  reasons: Eligibility["reasons"];
  claimType: ClaimTypeCode | null;
  reasonId: string | null;
  note: string;
  onClaim: (claimType: ClaimTypeCode) => void;
  onReason: (reasonId: string | null) => void;
  onNote: (note: string) => void;
}) {
  if (props.claims.length === 0) {
    return (
      <s-section heading={t("claim.heading")}>
        <s-banner tone="warning">{t("claim.noneFits")}</s-banner>
      </s-section>
    );
  }
  return (
    <s-section heading={t("claim.heading")}>
      <s-stack gap="base">
        <s-choice-list
          label={t("claim.typeLabel")}
          name="claimType"
          values={props.claimType ? [props.claimType] : []}
          onChange={(e) => {
            const value = fieldOf(e).values?.[0];
            if (value) props.onClaim(value as ClaimTypeCode);
          }}
        >
          {props.claims.map((claim) => {
            const more = details(claim);
            return (
              <s-choice key={claim.type} value={claim.type} selected={claim.type === props.claimType}>
                {claimLabel(claim)}
                {more ? <s-text slot="details">{more}</s-text> : null}
              </s-choice>
            );
          })}
        </s-choice-list>
        {props.reasons.length ? (
          <s-select label={t("claim.reasonLabel")} placeholder={t("claim.reasonPlaceholder")} value={props.reasonId ?? ""} onChange={(e) => props.onReason(fieldOf(e).value || null)}>
            {props.reasons.map((r) => (
              <s-option key={r.id} value={r.id}>
                {r.name}
              </s-option>
            ))}
          </s-select>
        ) : null}
        <s-text-area label={t("claim.noteLabel")} value={props.note} maxLength={250} rows={2} onInput={(e) => props.onNote(fieldOf(e).value ?? "")} />
      </s-stack>
    </s-section>
  );
}
