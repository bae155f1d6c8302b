/**
 * The text schema's shortcut (src/input/schema/scalars.ts): a text with no
 * UNUSUAL character skips the control, invisible and emoji checks. That is
 * right only if none of them can object to any character UNUSUAL lets
 * through: every UTF-16 unit is tried here (the three look at one character
 * at a time, and UNUSUAL refuses every surrogate, so no pair of those units
 * can make an emoji either).
 */
import { describe, expect, test } from "vitest";
import { oddChars } from "../../src/input/invisible.js";
import { CONTROL, missingGlyphs, text, UNUSUAL } from "../../src/input/schema/scalars.js";

describe("the text check's shortcut", () => {
  test("no UTF-16 unit UNUSUAL lets through is a control, invisible or undrawable character", () => {
    const through: number[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const ch = String.fromCharCode(u);
      if (UNUSUAL.test(ch)) continue;
      through.push(u);
      const flagged = CONTROL.test(ch) || oddChars(ch).length > 0 || oddChars(ch, true).length > 0 || missingGlyphs(ch).length > 0;
      expect(flagged, `U+${u.toString(16)}`).toBe(false);
    }
    // Tab, LF, CR, printable ASCII and U+0E01–U+0E5B: the shortcut is taken for Thai text.
    expect(through.length).toBe(3 + 95 + 0x5b);
  });

  test.each([
    ["a control character", "ตาม\u0007ที่", "E_TEXT_CONTROL"],
    ["a bidi control", "ที่ \u202Eขอ", "E_TEXT_BIDI"],
    ["a BOM inside", "ที่\uFEFFขอ", "E_TEXT_INVISIBLE"],
    ["an emoji", "ดีมาก 👍", "E_TEXT_GLYPH"],
    ["only spaces", "   ", "E_TEXT_EMPTY"],
  ])("a text with %s is still refused", (_what, value, code) => {
    const r = text.safeParse(value);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => (i as { params?: { itadoc?: string } }).params?.itadoc)).toEqual([code]);
  });

  test("plain Thai and ASCII text is trimmed, line ends made LF", () => {
    expect(text.parse("  ตามที่ ป.ป.ช.\r\nประกาศ 2567 \t")).toBe("ตามที่ ป.ป.ช.\nประกาศ 2567");
  });
});
