// What the extensions work with, as the portal API module (api.ts) hands it over. The wire
// format is the portal API's (app/routes/api.portal.*); api.ts maps it onto these types, so a
// renamed field changes api.ts only.

export type Money = { amount: string; currencyCode: string };
export type ClaimTypeCode = "RETURN" | "DEFECTIVE" | "DAMAGED_IN_TRANSIT" | "WRONG_ITEM" | "MISSING_ITEM";
export type Condition = "UNOPENED" | "OPENED" | "USED" | "DAMAGED";
export type EvidenceKind = "photo" | "video";
export type Payer = "CUSTOMER" | "MERCHANT";

export type ClaimOption = {
  type: ClaimTypeCode;
  /** The merchant's name for it (the extension shows its own translation when it has one). */
  label: string;
  evidence: { required: boolean; kinds: EvidenceKind[]; minCount: number };
  reportWindowClosesAt: string | null;
  /** The order's lines this claim can cover now (an excluded item may still be claimed faulty). */
  lineItemIds: string[];
};

export type OrderLine = {
  lineItemId: string;
  title: string;
  quantity: number;
  returnableQuantity: number;
  unitPrice: Money;
  returnable: boolean;
  code: string;
  clause: string;
  /** null when the policy text has no title for the clause (the id is shown then). */
  clauseTitle: string | null;
  explanation: string;
  windowClosesAt: string | null;
};

export type Eligibility = {
  order: { id: string; name: string; currencyCode: string };
  policy: { version: number; returnShippingPaidBy: Payer };
  claimTypes: ClaimOption[];
  conditions: Condition[];
  /** Shopify's return reason definitions. */
  reasons: { id: string; name: string }[];
  lines: OrderLine[];
  anythingReturnable: boolean;
  /** The shopper's return requests already made on the order. */
  existingReturns: number;
};

/** `reason` is shown to the agent; `reasonId` (one of `reasons`) goes to Shopify with the return. */
export type RequestLine = { lineItemId: string; quantity: number; condition: Condition; reason?: string; reasonId?: string; evidenceIds?: string[] };
export type ReturnRequestBody = { type: ClaimTypeCode; lines: RequestLine[] };

export type DecidedLine = {
  lineItemId: string;
  quantity: number;
  eligible: boolean;
  code: string;
  refundAmount: Money | null;
  restockingFee: Money | null;
  clause: string;
  clauseTitle: string | null;
  explanation: string;
  /** 0–100; null when the line is not accepted. */
  refundPercent: number | null;
  windowClosesAt: string | null;
};

export type Deduction = { kind: string; amount: Money; clause: string; clauseTitle: string | null; explanation: string };
/** When the window that applies to a requested line closes. */
export type Deadline = { lineItemId: string; at: string };

export type Preview = {
  eligible: boolean;
  lines: DecidedLine[];
  subtotal: Money;
  deductions: Deduction[];
  total: Money;
  returnShippingPaidBy: Payer;
  deadlines: Deadline[];
};

export type EvidenceUpload = { id: string; kind: EvidenceKind; contentType: string; byteSize: number };

export type Submitted = { caseId: string; rma: string | null; status: string; total: Money | null; nextSteps: string[] };

export type ReturnSummary = {
  caseId: string;
  rma: string | null;
  status: string;
  createdAt: string;
  claimType: string;
  refundEstimate: Money | null;
  refundedAmount: Money | null;
  lines: { title: string; quantity: number; code: string; explanation: string }[];
  label: { url: string | null; trackingNumber: string | null; trackingUrl: string | null } | null;
  messages: { body: string; at: string }[];
  declined: { explanation: string } | null;
};

/** The portal API of one order, as the components call it (api.ts makes the real calls; tests pass fakes). */
export type PortalApi = {
  eligibility(): Promise<Eligibility>;
  preview(body: ReturnRequestBody): Promise<Preview>;
  uploadEvidence(lineItemId: string, file: Blob & { type: string }): Promise<EvidenceUpload>;
  submit(body: ReturnRequestBody & { requestKey: string }): Promise<Submitted>;
  returns(): Promise<ReturnSummary[]>;
};
export type ReturnFlowApi = Omit<PortalApi, "returns">;

/** A failed call: the API's own error (`code`, `message`, `field`) or, with `code: "NETWORK"`, no answer at all. */
export class ApiError extends Error {
  declare readonly status: number;
  declare readonly code: string;
  declare readonly field?: string;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    Object.assign(this, { name: "ApiError", status, code, field });
  }
}
