/** @jsxImportSource preact */
// Step 4 (when the claim takes photos or video): files per item, uploaded as they are chosen,
// counted against what the claim asks for.
import { fieldOf } from "../../../shared/events";
import { t } from "../../../shared/i18n";
import type { ClaimOption, EvidenceUpload, OrderLine } from "../../../shared/portal-types";
import { ErrorBanner } from "../../../shared/ui/error-banner";

const ACCEPT = { photo: "image/*", video: "video/*" } as const;

export function EvidenceStep(props: {
  claim: ClaimOption;
  lines: OrderLine[];
  evidence: Record<string, EvidenceUpload[]>;
  uploading: Record<string, number>;
  uploadError: unknown;
  onFiles: (lineItemId: string, files: readonly File[]) => void;
  onRemove: (lineItemId: string, id: string) => void;
}) {
  const { claim } = props;
  const min = Math.max(1, claim.evidence.minCount);
  return (
    <s-section heading={t("evidence.heading")}>
      <s-stack gap="base">
        <s-text>{claim.evidence.required ? t("evidence.required", { min }) : t("evidence.optional")}</s-text>
        {props.uploadError ? <ErrorBanner error={props.uploadError} /> : null}
        {props.lines.map((line) => {
          const files = props.evidence[line.lineItemId] ?? [];
          const running = props.uploading[line.lineItemId] ?? 0;
          return (
            <s-box key={line.lineItemId} border="base" borderRadius="base" padding="base">
              <s-stack gap="small-200">
                <s-drop-zone
                  label={t("evidence.dropLabel", { title: line.title })}
                  accept={claim.evidence.kinds.map((k) => ACCEPT[k]).join(",")}
                  multiple
                  onChange={(e) => {
                    const chosen = fieldOf(e).files ?? [];
                    if (chosen.length) props.onFiles(line.lineItemId, [...chosen]);
                  }}
                />
                <s-text>{claim.evidence.required ? t("evidence.count", { added: files.length, min }) : t("evidence.countOptional", { added: files.length })}</s-text>
                {running > 0 ? <s-text color="subdued">{t("evidence.uploading")}</s-text> : null}
                {files.map((f, i) => (
                  <s-stack key={f.id} direction="inline" gap="base" alignItems="center">
                    <s-text>{t("evidence.file", { number: i + 1 })}</s-text>
                    <s-button variant="secondary" onClick={() => props.onRemove(line.lineItemId, f.id)}>
                      {t("evidence.remove")}
                    </s-button>
                  </s-stack>
                ))}
              </s-stack>
            </s-box>
          );
        })}
      </s-stack>
    </s-section>
  );
}
