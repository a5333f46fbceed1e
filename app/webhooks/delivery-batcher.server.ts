// Group commit for the webhook inbox. In a burst, every delivery storing itself in its own
// transaction makes acknowledgements queue behind one another's commits; here the deliveries
// that arrive while a commit is running are stored together in the next one, and each request
// is answered as soon as its batch has committed. Nothing is acknowledged before it is stored.
import type { Db } from "~/db.server";
import { receiveDelivery, receiveDeliveries, type InboxDelivery } from "~/models/webhook-inbox.server";

type Waiting = { delivery: InboxDelivery; resolve: (outcome: "new" | "duplicate") => void; reject: (error: unknown) => void };

/** Largest batch: keeps one transaction short even in a very large burst. */
const MAX_BATCH = 200;

export function createDeliveryBatcher(db: () => Db) {
  const waiting: Waiting[] = [];
  let committing = false;

  async function commit() {
    committing = true;
    try {
      while (waiting.length) {
        const batch = waiting.splice(0, MAX_BATCH);
        try {
          const outcomes = await receiveDeliveries(db(), batch.map((w) => w.delivery));
          batch.forEach((w, i) => w.resolve(outcomes[i]!));
        } catch {
          // Another instance stored one of these ids meanwhile (or the batch failed as a whole):
          // one by one, each delivery gets its own answer or its own error.
          await Promise.all(batch.map((w) => receiveDelivery(db(), w.delivery).then(w.resolve, w.reject)));
        }
      }
    } finally {
      committing = false;
    }
  }

  return {
    /** Stores the delivery with whatever else is waiting; "duplicate" when the id was stored before. */
    receive(delivery: InboxDelivery): Promise<"new" | "duplicate"> {
      const answered = new Promise<"new" | "duplicate">((resolve, reject) => waiting.push({ delivery, resolve, reject }));
      if (!committing) setImmediate(() => void (committing || commit()));
      return answered;
    },
  };
}
