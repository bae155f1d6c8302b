import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatInteger, formatPercent, formatScore } from "../../src/thai/format.js";
import { parseNumber } from "../../src/thai/digits.js";

describe("formatScore", () => {
  it.each([
    [92.44, "92.44", "๙๒.๔๔"],
    [100, "100.00", "๑๐๐.๐๐"],
    [0, "0.00", "๐.๐๐"],
    [92.4, "92.40", "๙๒.๔๐"],
    [95.26, "95.26", "๙๕.๒๖"],
  ])("%d → %s / %s", (n, arabic, thai) => {
    expect(formatScore(n, "arabic")).toBe(arabic);
    expect(formatScore(n, "thai")).toBe(thai);
  });

  it("rounds half up on the decimal the number was written as", () => {
    // Each is stored just below its written value; plain toFixed rounds them down.
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(formatScore(1.005, "arabic")).toBe("1.01");
    expect(formatScore(84.995, "arabic")).toBe("85.00");
    expect(formatScore(8.345, "arabic")).toBe("8.35");
    expect(formatScore(1.0049, "arabic")).toBe("1.00");
    expect(formatScore(92.005, "arabic", 1)).toBe("92.0");
    expect(formatScore(92.05, "arabic", 1)).toBe("92.1");
  });

  it("prints a computed mean the way the documents do", () => {
    // seed 000: EIT = mean(93.04, 92.26, 91.35) = 92.2166…
    expect(formatScore((93.04 + 92.26 + 91.35) / 3, "thai")).toBe("๙๒.๒๒");
  });

  it("honours the decimals argument", () => {
    expect(formatScore(100, "arabic", 0)).toBe("100");
    expect(formatScore(57.777, "arabic", 1)).toBe("57.8");
  });

  it("does not print -0.00", () => {
    expect(formatScore(-0.001, "arabic")).toBe("0.00");
    expect(formatScore(-1.5, "arabic")).toBe("-1.50");
  });

  it("refuses NaN and infinities", () => {
    expect(() => formatScore(Number.NaN, "arabic")).toThrow(RangeError);
    expect(() => formatScore(Number.POSITIVE_INFINITY, "thai")).toThrow(RangeError);
  });

  it("handles very small and very large magnitudes", () => {
    expect(formatScore(5e-7, "arabic")).toBe("0.00");
    expect(formatScore(1e17, "arabic")).toBe("100000000000000000.00");
  });
});

describe("formatPercent and formatInteger", () => {
  it("prints percentages as the seeds do", () => {
    expect(formatPercent(36.67, "arabic")).toBe("36.67%");
    expect(formatPercent(36.67, "thai")).toBe("๓๖.๖๗%");
    expect(formatPercent(100 / 3, "arabic", 1)).toBe("33.3%");
  });

  it("prints integers without separators", () => {
    expect(formatInteger(2563, "thai")).toBe("๒๕๖๓");
    expect(formatInteger(43, "arabic")).toBe("43");
    expect(formatInteger(1234567, "arabic")).toBe("1234567");
    expect(formatInteger(2.5, "arabic")).toBe("3");
  });
});

describe("format properties", () => {
  const cents = fc.integer({ min: 0, max: 100_000 });

  it("prints a two-decimal score exactly as written", () => {
    fc.assert(
      fc.property(cents, (c) => {
        const written = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
        return formatScore(c / 100, "arabic") === written;
      }),
    );
  });

  it("rounds a three-decimal score half up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (m) => {
        const up = Math.floor(m / 10) + (m % 10 >= 5 ? 1 : 0);
        const expected = `${Math.floor(up / 100)}.${String(up % 100).padStart(2, "0")}`;
        return formatScore(m / 1000, "arabic") === expected;
      }),
    );
  });

  it("Thai output parses back to the rounded value", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (n) => {
        const printed = formatScore(n, "thai");
        return Math.abs((parseNumber(printed) ?? Number.NaN) - n) <= 0.005 + 1e-9;
      }),
    );
  });
});

describe("half-up rounding, the short way for numbers written with no more decimals than printed", () => {
  /** The rounding as it was before the short way (bench/RESULTS.md, wip/front): every number shifted. */
  function shiftedAlways(n: number, decimals: number): string {
    const abs = Math.abs(n);
    const shifted = Math.round(Number(`${abs}e${decimals}`));
    const exact = Number.isSafeInteger(shifted) && !String(abs).includes("e");
    const text = (exact ? Number(`${shifted}e-${decimals}`) : abs).toFixed(decimals);
    return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
  }

  it("the same text as shifting every number: random doubles, scores with 0–4 decimals, halves, huge and tiny ones", () => {
    const scoreLike = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 })).map(([i, d]) => i / 10 ** d);
    const special = fc.constantFrom(0, -0, 1.005, 2.675, 84.995, 0.5, 1.5, 2.5, -0.005, 5e-7, 1e21, 2 ** 53, 2 ** 53 + 2, 123456789.125, 9007199254740.99, 1e-10, 99.995);
    const n = fc.oneof(scoreLike, special, fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(n, fc.integer({ min: 0, max: 6 }), (x, d) => {
        expect(formatScore(x, "arabic", d)).toBe(shiftedAlways(x, d));
      }),
      { numRuns: 20000, seed: 41 },
    );
  });
});
