import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyNumerals,
  decimalPlaces,
  parseNumber,
  toArabicDigits,
  toThaiDigits,
  TOKEN,
} from "../../src/thai/digits.js";

describe("toThaiDigits", () => {
  it.each([
    ["92.44", "๙๒.๔๔"],
    ["100.00", "๑๐๐.๐๐"],
    ["29/9/2563", "๒๙/๙/๒๕๖๓"],
    ["36.67%", "๓๖.๖๗%"],
    ["ประจำปี 2563", "ประจำปี ๒๕๖๓"],
    ["ปี2563", "ปี๒๕๖๓"],
    ["พ.ศ.2564", "พ.ศ.๒๕๖๔"],
    ["1.การวิเคราะห์", "๑.การวิเคราะห์"],
    ["(85 คะแนนขึ้นไป)", "(๘๕ คะแนนขึ้นไป)"],
    ["-12.5", "-๑๒.๕"],
    ["0123456789", "๐๑๒๓๔๕๖๗๘๙"],
  ])("converts %s", (input, expected) => {
    expect(toThaiDigits(input)).toBe(expected);
  });

  it.each([
    "O17",
    "I4",
    "E6",
    "O10",
    "ITA2563",
    "e-service2",
    "E-Service",
    "A.1",
    "2563A",
    "http://www.khonkaen.go.th/news?id=25&page=3",
    "https://itas.nacc.go.th/go/2563",
    "www.nakhonratchasima.go.th/2563",
    "saraban1@khonkaen.go.th",
    "1234@example.org",
  ])("keeps the digits of the code %s", (code) => {
    expect(toThaiDigits(code)).toBe(code);
  });

  it("converts the running text around codes and keeps the codes", () => {
    expect(toThaiDigits("O17 E-Service ได้ 0 คะแนน ในปี 2563")).toBe("O17 E-Service ได้ ๐ คะแนน ในปี ๒๕๖๓");
    expect(toThaiDigits("I1 การปฏิบัติหน้าที่ 92.44 คะแนน")).toBe("I1 การปฏิบัติหน้าที่ ๙๒.๔๔ คะแนน");
    expect(toThaiDigits("(O17)ข้อมูล 3 รายการ")).toBe("(O17)ข้อมูล ๓ รายการ");
    expect(toThaiDigits("ดูที่ www.a.go.th/p/12 หรือ 5 ช่องทาง")).toBe("ดูที่ www.a.go.th/p/12 หรือ ๕ ช่องทาง");
    expect(toThaiDigits("ติดต่อ info2@a.go.th โทร 043 221 234")).toBe("ติดต่อ info2@a.go.th โทร ๐๔๓ ๒๒๑ ๒๓๔");
  });

  it("leaves Thai digits and text without digits alone", () => {
    expect(toThaiDigits("๒๕๖๓ ป.ป.ช.")).toBe("๒๕๖๓ ป.ป.ช.");
    expect(toThaiDigits("")).toBe("");
  });
});

describe("toArabicDigits and applyNumerals", () => {
  it("maps every Thai digit back", () => {
    expect(toArabicDigits("๐๑๒๓๔๕๖๗๘๙")).toBe("0123456789");
    expect(toArabicDigits("ปี ๒๕๖๓ O17")).toBe("ปี 2563 O17");
  });

  it("switches on the numerals setting and keeps codes either way", () => {
    expect(applyNumerals("O17 ได้ 95.26 ปี ๒๕๖๔", "thai")).toBe("O17 ได้ ๙๕.๒๖ ปี ๒๕๖๔");
    expect(applyNumerals("O17 ได้ 95.26 ปี ๒๕๖๔", "arabic")).toBe("O17 ได้ 95.26 ปี 2564");
  });
});

describe("parseNumber", () => {
  it.each([
    ["92.44", 92.44],
    ["๙๒.๔๔", 92.44],
    [" 100 ", 100],
    ["\t๑๐๐\n", 100],
    ["-3.5", -3.5],
    ["-0", 0],
    ["0.00", 0],
    ["007", 7],
  ])("reads %j", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["", " ", "1e3", "12abc", "abc", "+5", ".5", "5.", "1,234", "1 234", "0x10", "--1", "Infinity", "NaN", "1.2.3"])(
    "rejects %j",
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );
});

describe("decimalPlaces", () => {
  it.each([
    ["92", 0],
    ["92.4", 1],
    ["92.40", 2],
    ["๙๒.๔๔๕", 3],
    [" 1.005 ", 3],
  ])("%j has %i", (text, n) => {
    expect(decimalPlaces(text)).toBe(n);
  });
});

// Text built mostly from the characters the converter must decide about.
const tricky = fc
  .array(
    fc.constantFrom(..."0123456789๐๑๒๓๔๕๖๗๘๙aZOIE.-_/:@%?=&#+ ()กปีที่ๆwhtps".split(""), "www.", "http://", "O17", "พ.ศ."),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));
const noLatin = fc
  .array(fc.constantFrom(..."0123456789๐๑๒๓๔๕๖๗๘๙.-_/:%?=&#+ ()กปีที่ๆ".split("")), { maxLength: 30 })
  .map((parts) => parts.join(""));

describe("digit properties", () => {
  it("toThaiDigits is idempotent", () => {
    fc.assert(fc.property(fc.oneof(tricky, fc.string()), (s) => toThaiDigits(toThaiDigits(s)) === toThaiDigits(s)), {
      numRuns: 2000,
    });
  });

  it("round-trips through Thai digits when there are no Latin letters", () => {
    fc.assert(fc.property(noLatin, (s) => toArabicDigits(toThaiDigits(s)) === toArabicDigits(s)));
  });

  it("leaves no Arabic digit in text without Latin letters or @", () => {
    fc.assert(fc.property(noLatin, (s) => !/[0-9]/.test(toThaiDigits(s))));
  });

  it("changes digits only, never length or other characters", () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const t = toThaiDigits(s);
        return t.length === s.length && toArabicDigits(t) === toArabicDigits(s);
      }),
    );
  });

  it("parseNumber reads back a printed decimal with up to two places", () => {
    const twoPlaces = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100);
    fc.assert(
      fc.property(twoPlaces, (n) => {
        const expected = n === 0 ? 0 : n;
        return parseNumber(toThaiDigits(String(n))) === expected && parseNumber(String(n)) === expected;
      }),
    );
  });
});

describe("toThaiDigits walks the tokens itself", () => {
  /** The earlier form, one replace with a callback per token (the same tokens): the walk must give the very same text. */
  const reference = (text: string): string =>
    /[0-9]/.test(text)
      ? text.replace(TOKEN, (t) => (/[A-Za-z]/.test(t) ? t : t.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + d.charCodeAt(0) - 48))))
      : text;

  it("gives what one replace with a callback gave, on random text of digits, Latin, Thai and the joiners", () => {
    const piece = fc.constantFrom("0", "7", "12", "2567", "a", "O", "E-", "x.go.th", "www.", "https://", "@", ".", "/", "-", "_", " ", "ปี", "พ.ศ.", "๒๕", "%", "?id=", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join("");
        expect(toThaiDigits(text)).toBe(reference(text));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it("a text with no Latin letter (its short way: every digit converted) gives what the replace gave", () => {
    const piece = fc.constantFrom("0", "7", "12", "2567", "@", ".", "/", "-", "_", " ", "ปี", "พ.ศ.", "๒๕", "%", "?=", "é", ":", "#");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join("");
        expect(toThaiDigits(text)).toBe(reference(text));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it("converts a number at the very start and at the very end", () => {
    expect(toThaiDigits("1")).toBe("๑");
    expect(toThaiDigits("10 ข้อ 2")).toBe("๑๐ ข้อ ๒");
  });
});
