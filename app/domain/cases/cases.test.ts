import { describe, expect, it } from "vitest";
import { presets } from "../policy";
import { allowedActions, CaseTransitionError, nextStatus } from "./lifecycle";
import { caseSlaTimers, describeDue, nextDue } from "./sla";

const pura = presets.pura;
const localDate = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

describe("case lifecycle", () => {
  it("walks request → approve → in transit → received → inspected → refunded → closed", () => {
    let status = nextStatus("REQUESTED", "approve");
    for (const action of ["markInTransit", "markReceived", "inspect", "refund", "close"] as const) status = nextStatus(status, action);
    expect(status).toBe("CLOSED");
  });

  it("allows receiving without a tracked shipment, and re-grading before the refund", () => {
    expect(nextStatus("APPROVED", "markReceived")).toBe("RECEIVED");
    expect(nextStatus("INSPECTED", "inspect")).toBe("INSPECTED");
  });

  it("refuses a refund twice, or before inspection, with a readable message", () => {
    expect(() => nextStatus("REFUNDED", "refund")).toThrow(CaseTransitionError);
    expect(() => nextStatus("RECEIVED", "refund")).toThrow(/does not allow "refund"; allowed now: inspect/);
    expect(() => nextStatus("CLOSED", "approve")).toThrow(/allowed now: nothing/);
    expect(allowedActions("REQUESTED")).toEqual(["approve", "decline", "cancel"]);
  });
});

describe("case SLA timers (Pura: replies within 48 business hours, escalation decided in 3 business days)", () => {
  // Friday 2026-11-20 10:00 in San Francisco (18:00Z).
  const createdAt = new Date("2026-11-20T18:00:00Z");

  it("first reply: 48 business hours skip the weekend", () => {
    // Fri 10:00→24:00 is 14 h, Monday 24 h, Tuesday 00:00→10:00 the last 10 h.
    const [first] = caseSlaTimers(pura, { createdAt }, createdAt);
    expect(first).toMatchObject({ kind: "firstReply", state: "open", dueAt: new Date("2026-11-24T18:00:00Z") });
  });

  it("escalation decision: 3 business days skip Thanksgiving and the weekend", () => {
    const escalatedAt = new Date("2026-11-25T17:00:00Z"); // Wednesday 09:00 PT, the day before Thanksgiving
    const timer = caseSlaTimers(pura, { createdAt, escalatedAt }, escalatedAt).find((t) => t.kind === "escalationDecision")!;
    // Business days after it: Fri 27, Mon 30, Tue 1 December; due by the close of Tuesday,
    // i.e. midnight starting Wednesday 2 December in San Francisco (08:00Z).
    expect(timer.dueAt).toEqual(new Date("2026-12-02T08:00:00Z"));
    expect(localDate(new Date(timer.dueAt.getTime() - 1), "America/Los_Angeles")).toBe("2026-12-01");
  });

  it("reports met, missed and overdue, and sorts by the next one due", () => {
    const due = new Date("2026-11-24T18:00:00Z");
    const now = new Date("2026-11-25T20:00:00Z");
    const late = caseSlaTimers(pura, { createdAt }, now);
    expect(late.find((t) => t.kind === "firstReply")?.state).toBe("overdue");
    expect(caseSlaTimers(pura, { createdAt, firstRepliedAt: new Date(due.getTime() - 1) }, now)[0]?.state).toBe("met");
    expect(caseSlaTimers(pura, { createdAt, firstRepliedAt: new Date(due.getTime() + 1) }, now)[0]?.state).toBe("missed");
    expect(nextDue(late)?.kind).toBe("firstReply");
  });

  it("describes time left and time overdue in business time", () => {
    const due = new Date("2026-11-24T18:00:00Z"); // Tuesday 10:00 PT
    expect(describeDue(pura, due, new Date("2026-11-24T13:00:00Z"))).toBe("due in 5 business hours");
    // Friday 20:00 PT → Tuesday 10:00 PT: 4 h Friday + 24 h Monday + 10 h Tuesday = 38 business hours.
    expect(describeDue(pura, due, new Date("2026-11-21T04:00:00Z"))).toBe("due in 1 business day");
    // Tuesday 10:00 → Wednesday 12:00 PT: 14 h + 12 h = 26 business hours.
    expect(describeDue(pura, due, new Date("2026-11-25T20:00:00Z"))).toBe("overdue 1 business day");
  });
});
