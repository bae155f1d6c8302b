import { describe, expect, test } from "vitest";
import { A4_PORTRAIT_OFFICIAL, type DocModel } from "../../../src/model/document.js";
import { charsWithoutGlyph } from "../../../src/export/pdf/glyph-coverage.js";
import { exportPdf, MissingGlyphsError } from "../../../src/export/pdf/index.js";
import { options } from "./helpers.js";

const doc = (text: string, format = "- {n} -"): DocModel => ({
  meta: { title: "t", lang: "th-TH" },
  baseSizePt: 16,
  pageNumbers: { position: "top-center", from: 2, format, numerals: "thai" },
  sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks: [{ type: "paragraph", runs: [{ text }] }] }],
});

describe("charsWithoutGlyph", () => {
  const latinAndThai = (c: number) => c < 0x250 || (c >= 0x0e00 && c <= 0x0e7f);
  test("each missing character once, in order of use; line ends, tabs, ZWSP and ZWJ need none; other spaces do", () => {
    expect(charsWithoutGlyph(doc("ก▶ข\u2009ค▶\n\t\u200B\u200Dง✓"), latinAndThai)).toEqual(["▶", "\u2009", "✓"]);
  });
  test("characters beyond the BMP count once each, as code points; a lone surrogate is a character of its own", () => {
    const found = charsWithoutGlyph(doc("ก\u{1F600}\u{1F600}ข\u{20000}\uD800ค\uDC00\u{1F600}\uD800"), latinAndThai);
    expect(found).toEqual(["\u{1F600}", "\u{20000}", "\uD800", "\uDC00"]);
  });
  test("the page-number format is checked too", () => {
    expect(charsWithoutGlyph(doc("ก", "— {n} —"), latinAndThai)).toEqual(["—"]);
  });
});

describe("exportPdf", () => {
  test("refuses a character the font has no glyph for, naming the family", async () => {
    const err = await exportPdf(doc("ก \u{1F600}"), options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingGlyphsError);
    expect((err as MissingGlyphsError).family).toBe("Sarabun");
    expect((err as MissingGlyphsError).chars).toEqual(["\u{1F600}"]);
  });
});
