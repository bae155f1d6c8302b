import { createHash } from "node:crypto";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { DocModel, Paragraph } from "../../../src/model/document.js";
import { A4_PORTRAIT_OFFICIAL } from "../../../src/model/document.js";
import { exportPdf, pdfExporter } from "../../../src/export/pdf/index.js";
import { segmentThai } from "../../../src/thai/segment.js";
import { MEASURE_HEADER, MEASURE_ROWS, pdfMeasuresModel } from "../../fixtures/models/pdf-measures.js";
import { pdfMemoModel } from "../../fixtures/models/pdf-memo.js";
import { options, pageCount, pdftotext, solidPng, squash, writePdf } from "./helpers.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function paragraphDoc(text: string, extra: Partial<Paragraph> = {}): DocModel {
  return {
    meta: { title: "t", lang: "th-TH" },
    baseSizePt: 16,
    sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks: [{ type: "paragraph", runs: [{ text }], ...extra }] }],
  };
}

/** All run text of a model's paragraphs, headings and table cells. */
function modelText(doc: DocModel): string {
  const runs = (rs: readonly { text: string }[]) => rs.map((r) => r.text).join("");
  return doc.sections
    .flatMap((s) => s.blocks)
    .map((b) => {
      if (b.type === "paragraph" || b.type === "heading") return runs(b.runs);
      if (b.type === "table") return b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map((p) => (p.type === "paragraph" ? runs(p.runs) : "")))).join("");
      return "";
    })
    .join("");
}

const lines = (text: string) => text.split(/[\n\f]/).filter((l) => l.trim() !== "");

const LONG_THAI =
  "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติได้กำหนดให้หน่วยงานภาครัฐเข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานประจำปีงบประมาณ" +
  "โดยเทศบาลนครขอนแก่นได้นำผลการประเมินมาวิเคราะห์เพื่อกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานน้ำท่วมที่นี้ผู้บริหารปั้นแผนฟ้าฝั่ง";

describe("pdf exporter", () => {
  afterEach(() => vi.useRealTimers());

  test("extracts สระอำ and stacked marks exactly as typed", async () => {
    const source = "กำหนด ประจำปี น้ำ ที่ นี้ ผู้ ปั้น ฟ้า ฝั่ง";
    const path = writePdf("marks", await exportPdf(paragraphDoc(source), options));
    expect(pdftotext(path).trim()).toBe(source);
  });

  test("a table spanning pages: text equals the model, header row repeats, page numbers from page 2", async () => {
    const path = writePdf("measures", await pdfExporter.export(pdfMeasuresModel, options));
    const all = pdftotext(path);
    expect(squash(all)).toContain("กำหนดผู้รับผิดชอบจัดทำ");
    for (const h of MEASURE_HEADER) expect(pdftotext(path, "-f", "2", "-l", "2")).toContain(h);
    expect(pageCount(path)).toBeGreaterThanOrEqual(4);
    expect(pdftotext(path, "-f", "1", "-l", "1")).not.toMatch(/-\s*๑\s*-/);
    expect(squash(pdftotext(path, "-f", "2", "-l", "2"))).toMatch(/^-๒-/);
    // every row made it onto some page
    expect(all.match(/เผยแพร่/g)?.length).toBe(MEASURE_ROWS);
    // extracted characters are the model's characters (order differs across table cells)
    // page numbers ("- ๒ -") are the only text not in the model; hyphens are
    // left out because pdftotext drops one that ends a line (E-|Service)
    const sorted = (s: string) => [...squash(s).replace(/-[๐-๙]+-/g, "").replace(/-/g, "")].sort().join("");
    // and the header row, drawn again on each page the table continues on
    const repeats = (squash(all).match(/ขั้นตอนการดำเนินการ/g)?.length ?? 1) - 1;
    expect(repeats).toBeGreaterThanOrEqual(3);
    const same = sorted(all) === sorted(modelText(pdfMeasuresModel) + MEASURE_HEADER.join("").repeat(repeats));
    expect(same).toBe(true);
  });

  test("breaks Thai lines only at word boundaries", async () => {
    const path = writePdf("long", await exportPdf(paragraphDoc(LONG_THAI, { firstLineIndentCm: 2.5 }), options));
    const got = lines(pdftotext(path));
    expect(got.length).toBeGreaterThan(2);
    expect(got.join("")).toBe(LONG_THAI);
    const boundaries = new Set<number>();
    let at = 0;
    for (const piece of segmentThai(LONG_THAI)) boundaries.add((at += piece.length));
    let end = 0;
    for (const line of got.slice(0, -1)) expect(boundaries).toContain((end += line.length));
  });

  test("no text runs past the right margin, with a first-line indent and in tables", async () => {
    for (const [name, doc] of [
      ["indent", paragraphDoc(LONG_THAI.repeat(3), { firstLineIndentCm: 2.5 })],
      ["table", pdfMeasuresModel],
    ] as const) {
      const path = writePdf(`bbox-${name}`, await exportPdf(doc, options));
      const xml = pdftotext(path, "-bbox");
      const pages = xml.split("<page ").slice(1);
      for (const page of pages) {
        const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
        const rightMargin = width > 800 ? 2 : 2; // both fixtures use a 2 cm right margin
        const limit = width - (rightMargin * 72) / 2.54 + 0.5;
        for (const m of page.matchAll(/xMax="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(limit);
      }
    }
  });

  test("a 5,000-character word still breaks, into whole grapheme clusters", async () => {
    const word = "น้ำกำ".repeat(1000);
    const path = writePdf("monster", await exportPdf(paragraphDoc(word), options));
    const got = lines(pdftotext(path));
    expect(got.length).toBeGreaterThan(10);
    expect(got.join("") === word).toBe(true);
    for (const l of got) expect(l).toMatch(/^(น้ำ|กำ)/);
  });

  test("memo: labels, values, signature and approval extract as typed; a missing emblem is skipped", async () => {
    const withEmblem = await exportPdf(pdfMemoModel, { ...options, images: new Map([["garuda", solidPng(40, 44)]]) });
    const without = await exportPdf(pdfMemoModel, options);
    expect(without.length).toBeLessThan(withEmblem.length);
    const text = squash(pdftotext(writePdf("memo", withEmblem)));
    for (const s of ["บันทึกข้อความ", "ส่วนราชการ", "ขก๕๒๐๖/๐๑๑๐๙", "วันที่๒๙กันยายน๒๕๖๔", "(นางสาวสมใจใจดี)", "เรียนนายกเทศมนตรีนครขอนแก่น", "เพื่อโปรดทราบ/พิจารณา", "ปลัดเทศบาลนครขอนแก่น", "ประจำปีมีการน้ำเสนอผลที่นี้"]) {
      expect(text).toContain(s);
    }
  });

  test("same model → same bytes, even when the clock moves", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const a = await exportPdf(pdfMeasuresModel, options);
    vi.setSystemTime(Date.now() + 86_400_000);
    const b = await exportPdf(pdfMeasuresModel, options);
    expect(sha(b)).toBe(sha(a));
    expect(Buffer.from(a).toString("latin1")).toContain("(D:20210929090000Z)");
  });
});
