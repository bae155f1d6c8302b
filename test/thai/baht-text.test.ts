import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_BAHT_AMOUNT, bahtText } from "../../src/thai/baht-text.js";

const text = (amount: number): string => {
  const r = bahtText(amount);
  if (!r.ok) throw new Error(`${amount}: ${r.reason}`);
  return r.text;
};

describe("bahtText", () => {
  it.each([
    [0, "ศูนย์บาทถ้วน"],
    [1, "หนึ่งบาทถ้วน"],
    [10, "สิบบาทถ้วน"],
    [11, "สิบเอ็ดบาทถ้วน"],
    [21, "ยี่สิบเอ็ดบาทถ้วน"],
    [100, "หนึ่งร้อยบาทถ้วน"],
    [101, "หนึ่งร้อยเอ็ดบาทถ้วน"],
    [1234.5, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"],
    [1234.05, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสตางค์"],
    [0.5, "ห้าสิบสตางค์"],
    [0.01, "หนึ่งสตางค์"],
    [0.21, "ยี่สิบเอ็ดสตางค์"],
    [1.01, "หนึ่งบาทหนึ่งสตางค์"],
    [1.15, "หนึ่งบาทสิบห้าสตางค์"],
    [250_000, "สองแสนห้าหมื่นบาทถ้วน"],
    [1_000_000, "หนึ่งล้านบาทถ้วน"],
    [21_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"],
    [12_345_678.9, "สิบสองล้านสามแสนสี่หมื่นห้าพันหกร้อยเจ็ดสิบแปดบาทเก้าสิบสตางค์"],
    [999_999_999_999.99, "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์"],
  ])("%d → %s", (amount, expected) => {
    expect(text(amount)).toBe(expected);
  });

  it("does not count float noise as a third decimal", () => {
    expect(text(0.1 + 0.2)).toBe("สามสิบสตางค์");
    expect(text(1.1 * 3)).toBe("สามบาทสามสิบสตางค์");
    expect(text(123_456_789.12)).toBe("หนึ่งร้อยยี่สิบสามล้านสี่แสนห้าหมื่นหกพันเจ็ดร้อยแปดสิบเก้าบาทสิบสองสตางค์");
  });

  it.each([
    [-1, "negative"],
    [-0.01, "negative"],
    [Number.NaN, "not_finite"],
    [Number.POSITIVE_INFINITY, "not_finite"],
    [1.005, "too_many_decimals"],
    [0.001, "too_many_decimals"],
    [100.125, "too_many_decimals"],
    [MAX_BAHT_AMOUNT, "too_large"],
    [1e21, "too_large"],
  ] as const)("%d is refused as %s", (amount, reason) => {
    expect(bahtText(amount)).toEqual({ ok: false, reason });
  });
});

// An independent reading of 0–999,999 to check the package against.
const DIGIT = ["", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"];
const PLACE = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];
function readBelowMillion(n: number): string {
  const digits = String(n).split("").reverse().map(Number);
  return digits
    .map((d, place) => {
      if (d === 0) return "";
      if (place === 0 && d === 1 && n >= 10) return "เอ็ด";
      if (place === 1 && d === 1) return "สิบ";
      if (place === 1 && d === 2) return "ยี่สิบ";
      return DIGIT[d]! + PLACE[place]!;
    })
    .reverse()
    .join("");
}

describe("bahtText properties", () => {
  it("reads whole baht below a million as an independent reading does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), (n) => text(n) === `${readBelowMillion(n)}บาทถ้วน`),
    );
  });

  it("reads baht and satang as two independent numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 99 }), (b, s) => {
        return text((b * 100 + s) / 100) === `${readBelowMillion(b)}บาท${readBelowMillion(s)}สตางค์`;
      }),
    );
  });

  it("accepts every whole-satang amount below the limit and keeps its satang", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_BAHT_AMOUNT * 100 - 1 }), (satang) => {
        const r = bahtText(satang / 100);
        if (!r.ok) return false;
        const s = satang % 100;
        return s === 0 ? r.text.endsWith("บาทถ้วน") : r.text.endsWith(`${readBelowMillion(s)}สตางค์`);
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses an amount with a clear third decimal at any size below the limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_BAHT_AMOUNT * 100 - 1 }), fc.integer({ min: 1, max: 9 }), (satang, milli) => {
        const amount = (satang * 10 + milli) / 1000;
        return !bahtText(amount).ok;
      }),
    );
  });
});
