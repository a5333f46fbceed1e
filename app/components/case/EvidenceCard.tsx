// Photos and videos the shopper sent. The files are served by the evidence route to this
// shop's admins only, so they are fetched with the session token (App Bridge adds it to the
// app's own fetches) and shown from an object URL; a plain <img src> would carry no token.
import { BlockStack, Button, Card, InlineStack, Spinner, Text, Thumbnail } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formatBytes } from "./format";
import type { CasePageData } from "./view-model";

type Evidence = CasePageData["evidence"][number];

function useObjectUrl(url: string, load: boolean) {
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });
  useEffect(() => {
    if (!load) return;
    let revoked = false;
    let objectUrl: string | null = null;
    fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.blob();
      })
      .then((blob) => {
        if (revoked) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, failed: false });
      })
      .catch(() => !revoked && setState({ src: null, failed: true }));
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, load]);
  return state;
}

function Photo({ item, index }: { item: Evidence; index: number }) {
  const { src, failed } = useObjectUrl(item.url, true);
  const alt = `Photo ${index + 1}${item.lineTitle ? ` of ${item.lineTitle}` : ""}`;
  return (
    <BlockStack gap="100" inlineAlign="center">
      {src ? (
        <a href={src} target="_blank" rel="noreferrer" aria-label={`Open ${alt}`}>
          <Thumbnail source={src} alt={alt} size="large" />
        </a>
      ) : failed ? (
        <Text as="span" tone="critical" variant="bodySm">
          Could not load
        </Text>
      ) : (
        <Spinner size="small" accessibilityLabel={`Loading ${alt}`} />
      )}
      <Text as="span" variant="bodySm" tone="subdued">
        {formatBytes(item.byteSize)}
      </Text>
    </BlockStack>
  );
}

function Video({ item, index }: { item: Evidence; index: number }) {
  const [open, setOpen] = useState(false);
  const { src, failed } = useObjectUrl(item.url, open);
  const label = `Video ${index + 1}${item.lineTitle ? ` of ${item.lineTitle}` : ""}`;
  return (
    <BlockStack gap="100">
      {src ? (
        <video controls src={src} aria-label={label} style={{ maxWidth: "100%", maxHeight: 360 }} />
      ) : (
        <InlineStack>
          <Button variant="plain" onClick={() => setOpen(true)} loading={open && !failed} accessibilityLabel={`Play ${label}`}>
            {`${label} (${item.contentType}, ${formatBytes(item.byteSize)})`}
          </Button>
        </InlineStack>
      )}
      {failed ? (
        <Text as="span" tone="critical" variant="bodySm">
          Could not load the video
        </Text>
      ) : null}
    </BlockStack>
  );
}

export function EvidenceCard({ data }: { data: CasePageData }) {
  const photos = data.evidence.filter((e) => e.kind === "photo");
  const videos = data.evidence.filter((e) => e.kind !== "photo");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Evidence
        </Text>
        {data.evidence.length === 0 ? (
          <Text as="p" tone="subdued">
            The shopper sent no photos or videos.
          </Text>
        ) : (
          <>
            {photos.length ? (
              <InlineStack gap="300">
                {photos.map((p, i) => (
                  <Photo key={p.id} item={p} index={i} />
                ))}
              </InlineStack>
            ) : null}
            {videos.map((v, i) => (
              <Video key={v.id} item={v} index={i} />
            ))}
          </>
        )}
      </BlockStack>
    </Card>
  );
}
