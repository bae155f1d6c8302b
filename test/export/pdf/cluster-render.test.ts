/**
 * Cluster glyphs draw exactly what the face's own glyphs draw: the same Thai
 * and Latin text is laid out by stock pdfmake (one glyph id per shaped glyph,
 * placed by pdfkit) and by itadoc (one composite glyph per multi-glyph
 * cluster), both pages rendered by poppler, and the ink compared pixel by
 * pixel. A misplaced mark, a missing part or a wrong advance shows up as
 * hundreds of differing pixels; antialiasing differences stay a few.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { A4_PORTRAIT_OFFICIAL, type DocModel } from "../../../src/model/document.js";
import { exportPdf, pdfDefinition } from "../../../src/export/pdf/index.js";
import { toUnicodeEntries } from "../../helpers/pdf-extractors.js";
import { options, writePdf } from "./helpers.js";

const SOURCE = "กำหนด ประจำปี น้ำ ที่ นี้ ผู้ ปั้น ฟ้า ฝั่ง ทรัพย์ ญู ฐู ปี่ ๑๒๓๔ Office ITA";

const model: DocModel = {
  meta: { title: "t", lang: "th-TH" },
  baseSizePt: 16,
  sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks: [{ type: "paragraph", runs: [{ text: SOURCE }] }] }],
};

/** `value` without the U+200B break opportunities itadoc inserts (stock pdfmake would draw them as .notdef). */
function withoutZwsp<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u200B", "") as T;
  if (Array.isArray(value)) return value.map(withoutZwsp) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutZwsp(v)])) as T;
  }
  return value;
}

/** Grey pixels of page 1 at 150 dpi (PGM body). */
function pixels(path: string): Buffer {
  const pgm = execFileSync("pdftoppm", ["-r", "150", "-gray", "-f", "1", "-l", "1", path], { maxBuffer: 64 << 20 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40));
  if (!header) throw new Error("pdftoppm gave no PGM");
  return pgm.subarray(pgm.length - Number(header[1]) * Number(header[2]));
}

describe("cluster glyphs", () => {
  test("render like the face's own glyphs drawn by stock pdfmake", async () => {
    const stock = createRequire(import.meta.url)("pdfmake") as {
      setUrlAccessPolicy(f: () => boolean): void;
      setLocalAccessPolicy(f: () => boolean): void;
      setFonts(f: Record<string, Record<string, string>>): void;
      createPdf(def: unknown): { getBuffer(): Promise<Buffer> };
    };
    const font = (n: string) => new URL(`../../../fonts/Sarabun-${n}.ttf`, import.meta.url).pathname;
    stock.setUrlAccessPolicy(() => false);
    stock.setLocalAccessPolicy(() => true);
    stock.setFonts({ Sarabun: { normal: font("Regular"), bold: font("Bold"), italics: font("Italic"), bolditalics: font("BoldItalic") } });
    const { images: _images, ...def } = pdfDefinition(model, options);
    const theirs = writePdf("cluster-stock", await stock.createPdf(withoutZwsp(def)).getBuffer());
    const ours = writePdf("cluster-itadoc", await exportPdf(model, options));
    // ours really draws cluster glyphs: ที่ is one glyph there
    const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
    expect(toUnicodeEntries(readFileSync(ours)).map((e) => utf16(e.unicode))).toContain("ที่");
    const a = pixels(theirs);
    const b = pixels(ours);
    expect(b.length).toBe(a.length);
    let ink = 0;
    let differing = 0;
    for (let i = 0; i < a.length; i++) {
      if ((a[i] as number) < 128) ink++;
      if (Math.abs((a[i] as number) - (b[i] as number)) > 128) differing++;
    }
    expect(ink).toBeGreaterThan(2000);
    expect(differing / ink).toBeLessThan(0.01);
  });
});
