// What the crash test and its app process (crash-worker.ts) say to each other over IPC.
export type Step = "approve" | "approveLabel" | "refund";

export type Order =
  | { kind: "step"; step: Step; shop: string; caseId: string }
  /** The agent after the restart: redo what the case still needs. */
  | { kind: "retry"; step: Step; shop: string; caseId: string }
  /** The app's boot reconciliation, at `now` (ms). */
  | { kind: "boot"; now: number };

export type Command = Order & { id: number };

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The label an agent attaches when approving with one. */
export const labelFor = (caseId: string) => ({ fileUrl: `https://carrier.example/labels/${caseId}.pdf`, trackingNumber: `1Z${caseId.slice(-10).toUpperCase()}`, trackingUrl: null });
