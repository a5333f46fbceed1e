// Items on their way back and what became of them: a return label with tracking
// (reverseDeliveryCreateWithShipping), dispositions after inspection
// (reverseFulfillmentOrderDispose), and the shop's locations to restock into.
//
// Retry safety: before sending, each reads the reverse fulfillment order; after a failure whose
// answer was lost it reads it again. A delivery that was not there before and carries the same
// label URL / tracking number, or dispositions that grew by exactly what was asked, mean the
// first attempt landed; that is returned instead of sending again. A delivery that already
// carries the label before sending (an earlier call whose answer was lost, the agent now trying
// again) is returned as well: Shopify would refuse a second one for the same items.
import { ReverseDeliveryCreateWithShippingMutation } from "~/graphql/ReverseDeliveryCreateWithShippingMutation";
import { ReverseFulfillmentOrderDisposeMutation } from "~/graphql/ReverseFulfillmentOrderDisposeMutation";
import { ShopLocationsQuery } from "~/graphql/ShopLocationsQuery";
import { adminClient, requirePayload, ShopifyGraphqlError, type AdminApi } from "./admin-client";
import { getReverseFulfillmentOrder, type Disposition, type ReverseFulfillmentOrderState } from "./return-state.server";

type UserErrors = Array<{ field: string[] | null; message: string; code: string | null }>;

export type ReverseDeliveryInput = {
  reverseFulfillmentOrderId: string;
  lines: Array<{ reverseFulfillmentOrderLineItemId: string; quantity: number }>;
  labelFileUrl?: string | null;
  tracking?: { number?: string | null; url?: string | null } | null;
  notifyCustomer: boolean;
};

export type ReverseDelivery = {
  id: string;
  labelUrl: string | null;
  tracking: { number: string | null; url: string | null; carrierName: string | null } | null;
  recovered: boolean;
};

async function requireRfo(api: AdminApi, id: string): Promise<ReverseFulfillmentOrderState> {
  const rfo = await getReverseFulfillmentOrder(api, id);
  if (!rfo) throw new ShopifyGraphqlError(`Reverse fulfillment order ${id} does not exist`, []);
  return rfo;
}

export async function createReverseDelivery(api: AdminApi, input: ReverseDeliveryInput): Promise<ReverseDelivery> {
  const client = adminClient(api);
  const existing = (await getReverseFulfillmentOrder(client, input.reverseFulfillmentOrderId))?.deliveries ?? [];
  const tracking = input.tracking && (input.tracking.number || input.tracking.url) ? { number: input.tracking.number ?? null, url: input.tracking.url ?? null } : null;
  const isAsked = (d: (typeof existing)[number]) => (d.labelUrl ?? null) === (input.labelFileUrl ?? null) && (d.tracking?.number ?? null) === (tracking?.number ?? null);
  const already = input.labelFileUrl || tracking?.number ? existing.find(isAsked) : undefined;
  if (already) return { id: already.id, labelUrl: already.labelUrl, tracking: already.tracking, recovered: true };
  const before = new Set(existing.map((d) => d.id));
  const result = await client.mutate<
    {
      reverseDeliveryCreateWithShipping: {
        reverseDelivery: { id: string; deliverable: { label?: { publicFileUrl: string | null } | null; tracking?: ReverseDelivery["tracking"] } | null } | null;
        userErrors: UserErrors;
      } | null;
    },
    ReverseDelivery
  >(
    ReverseDeliveryCreateWithShippingMutation,
    {
      reverseFulfillmentOrderId: input.reverseFulfillmentOrderId,
      reverseDeliveryLineItems: input.lines,
      trackingInput: tracking,
      labelInput: input.labelFileUrl ? { fileUrl: input.labelFileUrl } : null,
      notifyCustomer: input.notifyCustomer,
    },
    {
      reconcile: async () => {
        const rfo = await requireRfo(client, input.reverseFulfillmentOrderId);
        const mine = rfo.deliveries.find((d) => !before.has(d.id) && isAsked(d));
        return mine ? { id: mine.id, labelUrl: mine.labelUrl, tracking: mine.tracking, recovered: true } : null;
      },
    },
  );
  if (result.reconciled) return result.reconciled;
  const delivery = requirePayload("reverseDeliveryCreateWithShipping", result.answered.reverseDeliveryCreateWithShipping).reverseDelivery;
  if (!delivery) throw new ShopifyGraphqlError("reverseDeliveryCreateWithShipping answered neither a delivery nor userErrors", []);
  return { id: delivery.id, labelUrl: delivery.deliverable?.label?.publicFileUrl ?? null, tracking: delivery.deliverable?.tracking ?? null, recovered: false };
}

export type DispositionType = "RESTOCKED" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "MISSING";

export type DisposeInput = {
  reverseFulfillmentOrderId: string;
  dispositions: Array<{ reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: DispositionType; /** Required for RESTOCKED. */ locationId?: string | null }>;
};

export type DisposedLine = { id: string; totalQuantity: number; dispositions: Disposition[] };

const disposedQuantity = (dispositions: readonly Disposition[]) => dispositions.reduce((sum, d) => sum + d.quantity, 0);

export async function disposeReturnedItems(api: AdminApi, input: DisposeInput): Promise<{ lines: DisposedLine[]; recovered: boolean }> {
  const client = adminClient(api);
  for (const d of input.dispositions) {
    if (d.dispositionType === "RESTOCKED" && !d.locationId) throw new RangeError(`Restocking ${d.reverseFulfillmentOrderLineItemId} needs a location`);
  }
  const before = await requireRfo(client, input.reverseFulfillmentOrderId);
  const disposedBefore = new Map(before.lineItems.map((l) => [l.id, disposedQuantity(l.dispositions)]));
  const asked = new Map<string, number>();
  for (const d of input.dispositions) asked.set(d.reverseFulfillmentOrderLineItemId, (asked.get(d.reverseFulfillmentOrderLineItemId) ?? 0) + d.quantity);
  const touched = (rfo: ReverseFulfillmentOrderState) => rfo.lineItems.filter((l) => asked.has(l.id)).map((l) => ({ id: l.id, totalQuantity: l.totalQuantity, dispositions: l.dispositions }));

  const result = await client.mutate<
    { reverseFulfillmentOrderDispose: { reverseFulfillmentOrderLineItems: DisposedLine[] | null; userErrors: UserErrors } | null },
    DisposedLine[]
  >(
    ReverseFulfillmentOrderDisposeMutation,
    {
      dispositionInputs: input.dispositions.map((d) => ({
        reverseFulfillmentOrderLineItemId: d.reverseFulfillmentOrderLineItemId,
        quantity: d.quantity,
        dispositionType: d.dispositionType,
        ...(d.locationId ? { locationId: d.locationId } : {}),
      })),
    },
    {
      reconcile: async () => {
        const now = await requireRfo(client, input.reverseFulfillmentOrderId);
        const landed = [...asked].every(([id, qty]) => {
          const line = now.lineItems.find((l) => l.id === id);
          return line !== undefined && disposedQuantity(line.dispositions) >= (disposedBefore.get(id) ?? 0) + qty;
        });
        return landed ? touched(now) : null;
      },
    },
  );
  if (result.reconciled) return { lines: result.reconciled, recovered: true };
  const lines = requirePayload("reverseFulfillmentOrderDispose", result.answered.reverseFulfillmentOrderDispose).reverseFulfillmentOrderLineItems ?? [];
  return { lines, recovered: false };
}

export type Location = { id: string; name: string; isActive: boolean };

export async function listLocations(api: AdminApi): Promise<Location[]> {
  const data = await adminClient(api).query<{ locations: { nodes: Location[] } }>(ShopLocationsQuery);
  return data.locations.nodes;
}
