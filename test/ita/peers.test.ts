import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { largestRemainderPercents, peerDistribution } from "../../src/ita/peers.js";

describe("peer grade distribution", () => {
  test("the 2563 เทศบาลนคร distribution of seed 002", () => {
    const d = peerDistribution({ group: "เทศบาลนคร", total: 30, counts: { AA: 0, A: 11, B: 9, C: 4, D: 3, E: 1, F: 2 } });
    expect(d.shares.map((s) => s.percent)).toEqual([0, 36.67, 30, 13.33, 10, 3.33, 6.67]);
    expect(d.passed).toEqual({ count: 11, percent: 36.67 });
    expect(d.failed).toEqual({ count: 19, percent: 63.33 });
  });

  test("percentages always add up to exactly 100.00", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { minLength: 1, maxLength: 7 }).filter((xs) => xs.some((x) => x > 0)), (counts) => {
        const ps = largestRemainderPercents(counts);
        expect(Math.round(ps.reduce((a, b) => a + b, 0) * 100)).toBe(10000);
        ps.forEach((p, i) => {
          const exact = (counts[i]! * 100) / counts.reduce((a, b) => a + b, 0);
          expect(Math.abs(p - exact)).toBeLessThan(0.0101);
        });
      }),
    );
  });
});
