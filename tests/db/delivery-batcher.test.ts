// The inbox's group commit: deliveries arriving together are stored in one transaction, each
// answered "new" once per webhook id and "duplicate" after, also within one batch, and ids
// another instance stored meanwhile are duplicates.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createDeliveryBatcher } from "~/webhooks/delivery-batcher.server";
import { describeDb, dbProvider } from "../setup/describe-db";
import { db } from "../helpers/case-scene";

const delivery = (webhookId: string, shop: string) => ({ webhookId, shop, topic: "returns/approve", apiVersion: "2026-07", payload: { id: webhookId } });

describeDb(`webhook inbox group commit (${dbProvider})`, () => {
  it("stores each id once across a burst with duplicates inside one batch", async () => {
    const d = await db();
    const shop = `batch-${randomUUID().slice(0, 8)}.myshopify.com`;
    const batcher = createDeliveryBatcher(() => d);
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const burst = [...ids, ...ids.slice(0, 10)].map((id) => batcher.receive(delivery(id, shop)));
    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((o) => o === "new")).toHaveLength(30);
    expect(outcomes.slice(30).every((o) => o === "duplicate")).toBe(true);
    expect(await d.webhookDelivery.count({ where: { shop } })).toBe(30);
    // Again later: every one is a duplicate.
    expect(new Set(await Promise.all(ids.map((id) => batcher.receive(delivery(id, shop)))))).toEqual(new Set(["duplicate"]));
  });

  it("an id another instance stored just before the batch commits is a duplicate; the rest are new", async () => {
    const d = await db();
    const shop = `batch-${randomUUID().slice(0, 8)}.myshopify.com`;
    const taken = randomUUID();
    // Another instance stores `taken` just as this batch starts.
    let raced = false;
    const racing = new Proxy(d, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return async (fn: (tx: unknown) => Promise<unknown>) => {
          if (!raced) {
            raced = true;
            await target.webhookDelivery.create({ data: { ...delivery(taken, shop), payload: "{}" } });
          }
          return target.$transaction(fn as never);
        };
      },
    });
    const batcher = createDeliveryBatcher(() => racing);
    const fresh = randomUUID();
    const outcomes = await Promise.all([batcher.receive(delivery(taken, shop)), batcher.receive(delivery(fresh, shop))]);
    expect(outcomes).toEqual(["duplicate", "new"]);
    expect(await d.webhookDelivery.count({ where: { shop } })).toBe(2);
  });
});
