// Internal notes (agents only) and messages to the shopper (shown with the return's status;
// a message counts as the update the policy's cadence asks for).
import { Badge, BlockStack, Card, Divider, InlineStack, Text, TextField } from "@shopify/polaris";
import { Fragment, useState } from "react";
import { ActionBanner } from "./ActionBanner";
import { formatDateTime } from "./format";
import { TestIdButton } from "./TestIdButton";
import { useCaseAction } from "./useCaseAction";
import type { CasePageData } from "./view-model";

export function NotesCard({ data }: { data: CasePageData }) {
  const [note, setNote] = useState("");
  const [message, setMessage] = useState("");
  const addNote = useCaseAction("note", data.case.version, () => setNote(""));
  const send = useCaseAction("message", data.case.version, () => setMessage(""));
  const notes = [...data.notes].reverse();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Notes and messages
        </Text>
        {data.actions.note ? (
          <BlockStack gap="200">
            <ActionBanner error={addNote.error} onDismiss={addNote.dismiss} />
            <TextField label="Internal note" id="note-body" helpText="Only agents see it." autoComplete="off" multiline={2} maxLength={2000} value={note} onChange={setNote} />
            <InlineStack align="end">
              <TestIdButton testId="add-note" loading={addNote.busy} disabled={addNote.busy || !note.trim()} onClick={() => addNote.submit({ body: note })}>
                Add note
              </TestIdButton>
            </InlineStack>
          </BlockStack>
        ) : null}
        {data.actions.message ? (
          <BlockStack gap="200">
            <ActionBanner error={send.error} onDismiss={send.dismiss} />
            <TextField
              label="Message to the shopper"
              id="message-body"
              helpText="Shown to the shopper with their return's status."
              autoComplete="off"
              multiline={3}
              maxLength={2000}
              value={message}
              onChange={setMessage}
            />
            <InlineStack align="end">
              <TestIdButton testId="send-message" loading={send.busy} disabled={send.busy || !message.trim()} onClick={() => send.submit({ body: message })}>
                Send to shopper
              </TestIdButton>
            </InlineStack>
          </BlockStack>
        ) : null}
        {notes.length ? (
          <Divider />
        ) : (
          <Text as="p" tone="subdued">
            No notes or messages yet.
          </Text>
        )}
        {notes.map((n, i) => (
          <Fragment key={n.id}>
            {i > 0 ? <Divider /> : null}
            <BlockStack gap="100">
              <InlineStack gap="200" blockAlign="center">
                <Badge tone={n.visibility === "CUSTOMER" ? "info" : undefined}>{n.visibility === "CUSTOMER" ? "To shopper" : "Internal"}</Badge>
                <Text as="span" variant="bodySm" tone="subdued">{`${n.author} · ${formatDateTime(n.createdAt, data.case.timeZone)}`}</Text>
              </InlineStack>
              <Text as="p">{n.body}</Text>
            </BlockStack>
          </Fragment>
        ))}
      </BlockStack>
    </Card>
  );
}
