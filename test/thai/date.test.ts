import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
  compareThaiDate,
  daysInMonth,
  formatThaiDate,
  isValidThaiDate,
  parseThaiDate,
  type ThaiDate,
} from "../../src/thai/date.js";

const sep29: ThaiDate = { year: 2563, month: 9, day: 29 };

describe("month names", () => {
  it("has twelve full and twelve short names in calendar order", () => {
    expect(THAI_MONTHS).toHaveLength(12);
    expect(THAI_MONTHS_SHORT).toHaveLength(12);
    expect(THAI_MONTHS[0]).toBe("มกราคม");
    expect(THAI_MONTHS[8]).toBe("กันยายน");
    expect(THAI_MONTHS[11]).toBe("ธันวาคม");
    expect(THAI_MONTHS_SHORT[9]).toBe("ต.ค.");
    expect(new Set(THAI_MONTHS_SHORT).size).toBe(12);
  });
});

describe("parseThaiDate accepts", () => {
  it.each([
    ["2563-09-29", sep29],
    ["2563-9-29", sep29],
    ["29 กันยายน 2563", sep29],
    ["๒๙ กันยายน ๒๕๖๓", sep29],
    ["29 ก.ย. 2563", sep29],
    ["29 ก.ย.2563", sep29],
    ["29 ก.ย. 63", sep29],
    ["29/9/2563", sep29],
    ["29/09/63", sep29],
    ["วันที่ 29 กันยายน 2563", sep29],
    ["วันที่๒๙ กันยายน ๒๕๖๓", sep29],
    ["29 กันยายน พ.ศ. 2563", sep29],
    ["  29   กันยายน   2563 ", sep29],
    ["๗ ต.ค. ๖๓", { year: 2563, month: 10, day: 7 }],
    ["1 มกราคม 2564", { year: 2564, month: 1, day: 1 }],
    ["31 ธ.ค. 2500", { year: 2500, month: 12, day: 31 }],
    ["29 กุมภาพันธ์ 2563", { year: 2563, month: 2, day: 29 }],
  ])("%j", (text, date) => {
    expect(parseThaiDate(text)).toEqual({ ok: true, date });
  });
});

describe("parseThaiDate rejects", () => {
  it.each([
    ["", "format"],
    ["กันยายน 2563", "format"],
    ["29 กันยา 2563", "format"],
    ["29 September 2563", "format"],
    ["29-09-2563", "format"],
    ["2563/09/29", "format"],
    ["29 กันยายน 256", "format"],
    ["29/9/2563 เวลา 10.00", "format"],
    ["๓๑ กุมภาพันธ์ ๒๕๖๓", "impossible"],
    ["2563-02-30", "impossible"],
    ["2563-13-01", "impossible"],
    ["2563-00-10", "impossible"],
    ["0 มกราคม 2563", "impossible"],
    ["31 เมษายน 2563", "impossible"],
    ["29 ก.พ. 2564", "impossible"],
    ["2020-09-29", "year"],
    ["29 กันยายน 2020", "year"],
    ["29/9/2399", "year"],
  ] as const)("%j as %s", (text, reason) => {
    expect(parseThaiDate(text)).toEqual({ ok: false, reason });
  });
});

describe("leap years follow the Gregorian year (BE − 543)", () => {
  it.each([
    [2563, 29], // 2020
    [2564, 28], // 2021
    [2543, 29], // 2000: divisible by 400
    [2443, 28], // 1900: divisible by 100 only
  ])("February %i has %i days", (year, days) => {
    expect(daysInMonth(year, 2)).toBe(days);
  });
});

describe("formatThaiDate", () => {
  it("writes the full and short forms in either numerals", () => {
    expect(formatThaiDate(sep29, "full", "thai")).toBe("๒๙ กันยายน ๒๕๖๓");
    expect(formatThaiDate(sep29, "full", "arabic")).toBe("29 กันยายน 2563");
    expect(formatThaiDate({ year: 2563, month: 10, day: 7 }, "short", "thai")).toBe("๗ ต.ค. ๖๓");
    expect(formatThaiDate({ year: 2563, month: 10, day: 7 }, "short", "arabic")).toBe("7 ต.ค. 63");
    expect(formatThaiDate({ year: 2605, month: 1, day: 1 }, "short", "arabic")).toBe("1 ม.ค. 05");
  });

  it("refuses an impossible date", () => {
    expect(() => formatThaiDate({ year: 2563, month: 2, day: 30 }, "full", "thai")).toThrow(RangeError);
  });
});

describe("compareThaiDate and isValidThaiDate", () => {
  it("orders by year, then month, then day", () => {
    expect(compareThaiDate(sep29, sep29)).toBe(0);
    expect(compareThaiDate(sep29, { year: 2563, month: 9, day: 30 })).toBeLessThan(0);
    expect(compareThaiDate({ year: 2563, month: 10, day: 1 }, sep29)).toBeGreaterThan(0);
    expect(compareThaiDate({ year: 2562, month: 12, day: 31 }, { year: 2563, month: 1, day: 1 })).toBeLessThan(0);
  });

  it("rejects non-integers and out-of-range fields", () => {
    expect(isValidThaiDate(sep29)).toBe(true);
    expect(isValidThaiDate({ year: 2563, month: 9, day: 31 })).toBe(false);
    expect(isValidThaiDate({ year: 2563, month: 9.5, day: 1 })).toBe(false);
    expect(isValidThaiDate({ year: 2563, month: 9, day: 1.5 })).toBe(false);
    expect(isValidThaiDate({ year: Number.NaN, month: 9, day: 1 })).toBe(false);
  });
});

const validDate = fc
  .record({ year: fc.integer({ min: 2400, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(isValidThaiDate);

describe("date properties", () => {
  it("parses back what it prints in the full form", () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom("thai", "arabic") as fc.Arbitrary<"thai" | "arabic">, (d, numerals) => {
        expect(parseThaiDate(formatThaiDate(d, "full", numerals))).toEqual({ ok: true, date: d });
      }),
    );
  });

  it("parses back what it prints in the short form within 2500–2599", () => {
    const in25xx = validDate.filter((d) => d.year >= 2500 && d.year <= 2599);
    fc.assert(
      fc.property(in25xx, (d) => {
        expect(parseThaiDate(formatThaiDate(d, "short", "thai"))).toEqual({ ok: true, date: d });
      }),
    );
  });

  it("agrees with the Gregorian calendar of Date on every day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2400, max: 2999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = new Date(Date.UTC(year - 543, month, 0)).getUTCDate();
        expect(daysInMonth(year, month)).toBe(last);
      }),
    );
  });

  it("compareThaiDate sorts like the ISO text", () => {
    const iso = (d: ThaiDate) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
    fc.assert(
      fc.property(validDate, validDate, (a, b) => {
        expect(Math.sign(compareThaiDate(a, b))).toBe(Math.sign(iso(a).localeCompare(iso(b))));
      }),
    );
  });
});
