// Customer data requests Shopify forwarded (customers/data_request): each is an export of what
// Clause holds about that customer, for the merchant to download and send on. The download is
// fetched with the session token (App Bridge adds it to the app's own fetches) and saved from an
// object URL; a plain link would carry no token.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";

export type DataRequestRow = { id: string; createdAt: string; dataRequestId: string | null; customerEmail: string | null; caseCount: number };

function Download({ row }: { row: DataRequestRow }) {
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  async function download() {
    setState("loading");
    try {
      const response = await fetch(`/app/privacy/exports/${encodeURIComponent(row.id)}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = `customer-data-${row.id}.json`;
      a.click();
      URL.revokeObjectURL(url);
      setState("idle");
    } catch {
      setState("failed");
    }
  }
  // The name starts with the visible text, so voice control ("click Download JSON") finds it.
  return (
    <InlineStack gap="200" blockAlign="center">
      <Button onClick={download} loading={state === "loading"} accessibilityLabel={`Download JSON: the data export for ${row.customerEmail ?? "this customer"}`}>
        Download JSON
      </Button>
      {state === "failed" ? (
        <Text as="span" tone="critical" variant="bodySm">
          Could not download
        </Text>
      ) : null}
    </InlineStack>
  );
}

export function DataRequestsCard({ rows }: { rows: DataRequestRow[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Customer data requests
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          A customer asked the store for their data. Each export holds what Clause keeps about them: their returns, the decisions and the
          clauses behind them, the messages they were sent and the evidence they sent. Send it to them; it is deleted if they ask to be forgotten.
        </Text>
        {rows.map((row) => (
          <InlineStack key={row.id} align="space-between" blockAlign="center" gap="300">
            <BlockStack gap="050">
              <Text as="p" fontWeight="semibold">
                {row.customerEmail ?? "Customer without an email"}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                {`${new Date(row.createdAt).toUTCString()} · ${row.caseCount} ${row.caseCount === 1 ? "return" : "returns"}${row.dataRequestId ? ` · request ${row.dataRequestId}` : ""}`}
              </Text>
            </BlockStack>
            <Download row={row} />
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
