import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareThaiDate, isValidThaiDate, type ThaiDate } from "../../src/thai/date.js";
import { beToCe, ceToBe, fiscalYearOf, fiscalYearRange, isPlausibleFiscalYear } from "../../src/thai/fiscal-year.js";

describe("fiscal year", () => {
  it.each([
    [{ year: 2563, month: 9, day: 30 }, 2563],
    [{ year: 2563, month: 10, day: 1 }, 2564],
    [{ year: 2563, month: 1, day: 1 }, 2563],
    [{ year: 2563, month: 12, day: 31 }, 2564],
  ])("%o is in fiscal year %i", (d, fy) => {
    expect(fiscalYearOf(d)).toBe(fy);
  });

  it("runs from 1 October of the year before to 30 September", () => {
    expect(fiscalYearRange(2564)).toEqual({
      start: { year: 2563, month: 10, day: 1 },
      end: { year: 2564, month: 9, day: 30 },
    });
  });

  it("converts between eras", () => {
    expect(beToCe(2563)).toBe(2020);
    expect(ceToBe(2020)).toBe(2563);
  });

  it.each([
    [2540, true],
    [2563, true],
    [2700, true],
    [2539, false],
    [2701, false],
    [2020, false],
    [2563.5, false],
    [Number.NaN, false],
  ])("isPlausibleFiscalYear(%d) is %s", (y, ok) => {
    expect(isPlausibleFiscalYear(y)).toBe(ok);
  });
});

describe("fiscal year properties", () => {
  const date = fc
    .record({ year: fc.integer({ min: 2400, max: 2800 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(isValidThaiDate);

  it("every date lies inside the range of its own fiscal year", () => {
    fc.assert(
      fc.property(date, (d: ThaiDate) => {
        const { start, end } = fiscalYearRange(fiscalYearOf(d));
        return compareThaiDate(start, d) <= 0 && compareThaiDate(d, end) <= 0;
      }),
    );
  });

  it("consecutive ranges touch: the day after one's end starts the next", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2401, max: 2800 }), (fy) => {
        const { start, end } = fiscalYearRange(fy);
        const next = fiscalYearRange(fy + 1).start;
        return isValidThaiDate(start) && isValidThaiDate(end) && end.year === next.year && end.month + 1 === next.month;
      }),
    );
  });

  it("beToCe and ceToBe are inverse", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (y) => ceToBe(beToCe(y)) === y && beToCe(ceToBe(y)) === y));
  });
});
