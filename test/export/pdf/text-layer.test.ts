/**
 * The PDF text layer glyph by glyph: every glyph id maps to one non-empty
 * string, a whole grapheme cluster for clusters drawn with several glyphs,
 * and four readers extract the source exactly, whitespace aside.
 */
import { describe, expect, test } from "vitest";
import { A4_PORTRAIT_OFFICIAL, type DocModel } from "../../../src/model/document.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { EXTRACTORS, extractText, toUnicodeEntries } from "../../helpers/pdf-extractors.js";
import { options, squash, writePdf } from "./helpers.js";

// ำ decomposed (nikhahit + sara aa) and reordered under a tone mark, stacked
// marks, a cluster whose consonant changes shape (ญู), Thai digits, Latin
const SOURCE = "กำหนด ประจำปี น้ำ ที่ นี้ ผู้ ปั้น ฟ้า ฝั่ง ทรัพย์ ญู ฐู ปี่ ๑๒๓๔ 2564 Office ITA (O17) E-Service";

function doc(text: string, bold = false): DocModel {
  return {
    meta: { title: "t", lang: "th-TH" },
    baseSizePt: 16,
    sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks: [{ type: "paragraph", runs: [{ text, ...(bold ? { bold: true } : {}) }] }] }],
  };
}

const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
const clusters = (s: string): Set<string> => new Set([...new Intl.Segmenter("th", { granularity: "grapheme" }).segment(s)].map((g) => g.segment));

describe.each([false, true])("bold %s", (bold) => {
  test("every ToUnicode entry is a grapheme cluster of the source (or a ligature's clusters), none empty", async () => {
    const bytes = await exportPdf(doc(SOURCE, bold), options);
    const entries = toUnicodeEntries(bytes).filter((e) => e.code !== "0"); // .notdef, never drawn
    expect(entries.length).toBeGreaterThan(20);
    const known = clusters(SOURCE);
    const texts = entries.map((e) => utf16(e.unicode));
    expect(texts.filter((t) => t.length === 0 || !SOURCE.includes(t))).toEqual([]);
    // Latin ligatures (Of|fi|ce) map to the clusters they draw; everything else to one cluster
    expect(texts.filter((t) => !known.has(t))).toEqual(["fi"]);
    // the clusters that Sarabun draws with several glyphs each got one glyph of their own
    for (const c of ["กำ", "จำ", "น้ำ", "ที่", "นี้", "ผู้", "ปั้", "ฟ้", "ฝั่", "ย์", "ญู", "ปี่"]) expect(texts).toContain(c);
  });

  test.each(EXTRACTORS)("%s extracts the source as typed", async (name) => {
    const bytes = await exportPdf(doc(SOURCE, bold), options);
    const path = writePdf(`text-layer-${bold ? "bold" : "regular"}`, bytes);
    expect(squash(await extractText(name, path, bytes))).toBe(squash(SOURCE));
  });
});
