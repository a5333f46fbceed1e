// The e2e's web-vitals arithmetic (tests/e2e/audit.ts): CLS as the Web Vitals definition groups
// layout shifts, and which readings miss the goals.
import { describe, expect, it } from "vitest";
import { cumulativeLayoutShift, VITALS_GOALS, vitalsProblems, type VitalsReading } from "../e2e/audit";

const shift = (time: number, value: number) => ({ time, value, sources: [] });

describe("cumulativeLayoutShift", () => {
  it("is 0 without shifts", () => {
    expect(cumulativeLayoutShift([])).toBe(0);
  });

  it("sums shifts less than 1 s apart into one window", () => {
    expect(cumulativeLayoutShift([shift(100, 0.01), shift(900, 0.02), shift(1800, 0.03)])).toBeCloseTo(0.06);
  });

  it("starts a new window after a 1 s gap and keeps the largest", () => {
    expect(cumulativeLayoutShift([shift(0, 0.04), shift(500, 0.01), shift(2000, 0.02)])).toBeCloseTo(0.05);
  });

  it("caps a window at 5 s even when shifts keep coming", () => {
    const steady = Array.from({ length: 12 }, (_, i) => shift(i * 900, 0.01));
    // 0, 900 … 4500 (6 shifts) in the first window; 5400 … 9900 (6) in the next.
    expect(cumulativeLayoutShift(steady)).toBeCloseTo(0.06);
  });

  it("does not depend on the order the entries arrive in", () => {
    const shifts = [shift(0, 0.04), shift(500, 0.01), shift(2000, 0.02)];
    expect(cumulativeLayoutShift([...shifts].reverse())).toBeCloseTo(cumulativeLayoutShift(shifts));
  });
});

describe("vitalsProblems", () => {
  const reading = (over: Partial<VitalsReading>): VitalsReading => ({ lcp_ms: 200, cls: 0, lcpElement: "p", shiftSources: [], navigationType: "navigate", url: "http://x/app", ...over });

  it("passes readings at the goals", () => {
    expect(vitalsProblems("home", reading({ lcp_ms: VITALS_GOALS.lcp_ms, cls: VITALS_GOALS.cls }))).toEqual([]);
  });

  it("names each goal a reading misses", () => {
    const problems = vitalsProblems("home", reading({ lcp_ms: VITALS_GOALS.lcp_ms + 1, cls: VITALS_GOALS.cls + 0.01, shiftSources: ["div.banner"] }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/LCP 1001 ms/);
    expect(problems[1]).toMatch(/CLS .*div\.banner/);
  });

  it("fails a page that painted no largest content", () => {
    expect(vitalsProblems("home", reading({ lcp_ms: null }))).toEqual([expect.stringMatching(/no largest-contentful-paint/)]);
  });
});
