/**
 * Document structure a viewer shows: bookmarks from the headings (nested by
 * level, each pointing at its heading's line), the title in the Info
 * dictionary and in XMP, shown as the window title, and the language.
 * Read back through pdf.js, as Firefox reads them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, test } from "vitest";
import { A4_PORTRAIT_OFFICIAL, type Block, type DocModel } from "../../../src/model/document.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { outlineLevelOf } from "../../../src/export/pdf/outline.js";
import { sharedExampleBuild } from "../../helpers/shared-build.js";
import { options } from "./helpers.js";

const TITLE = "มาตรการ Q&A <ITA> ประจำปี ๒๕๖๕";

const blocks: Block[] = [
  { type: "paragraph", style: "title", runs: [{ text: "มาตรการส่งเสริมคุณธรรม" }] },
  { type: "paragraph", keepWithNext: true, runs: [{ text: "๑. ผลคะแนน", bold: true }] },
  { type: "paragraph", runs: [{ text: "เนื้อหา" }] },
  { type: "heading", level: 3, runs: [{ text: "๑.๑ รายละเอียด" }] },
  { type: "paragraph", runs: [{ text: "เนื้อหา" }] },
  { type: "pageBreak" },
  { type: "heading", level: 2, runs: [{ text: "๒. การวิเคราะห์" }] },
  { type: "paragraph", keepWithNext: true, runs: [{ text: "ไม่ใช่หัวข้อ: ตัวหนาบางส่วน " }, { text: "ตัวหนา", bold: true }] },
  { type: "paragraph", runs: [{ text: "เนื้อหา" }] },
];

const model: DocModel = { meta: { title: TITLE, lang: "th-TH" }, baseSizePt: 16, sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks }] };

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

interface Entry {
  readonly title: string;
  readonly page: number;
  readonly top: number;
  readonly items: Entry[];
}

async function outline(doc: PDFDocumentProxy): Promise<Entry[]> {
  const walk = async (items: Awaited<ReturnType<PDFDocumentProxy["getOutline"]>>): Promise<Entry[]> =>
    Promise.all(
      (items ?? []).map(async (i) => {
        const dest = typeof i.dest === "string" ? await doc.getDestination(i.dest) : i.dest;
        if (!dest) throw new Error(`bookmark ${i.title} has no destination`);
        const ref = dest[0] as { num: number; gen: number };
        return { title: i.title, page: (await doc.getPageIndex(ref)) + 1, top: Number(dest[3]), items: await walk(i.items) };
      }),
    );
  return walk(await doc.getOutline());
}

describe("PDF document structure", () => {
  let doc: PDFDocumentProxy;
  beforeAll(async () => {
    doc = await open(await exportPdf(model, options));
  });

  test("bookmarks from the headings, nested by level, each at its heading's page", async () => {
    const entries = await outline(doc);
    const shape = (es: Entry[]): unknown[] => es.map((e) => [e.title, e.page, shape(e.items)]);
    expect(shape(entries)).toEqual([
      [
        "มาตรการส่งเสริมคุณธรรม",
        1,
        [
          ["๑. ผลคะแนน", 1, [["๑.๑ รายละเอียด", 1, []]]],
          ["๒. การวิเคราะห์", 2, []],
        ],
      ],
    ]);
    // each one points at its line (further down the page), not at the page top
    const [first] = entries;
    const section = first?.items[0];
    expect(first && section && section.top < first.top).toBe(true);
    expect(first?.top).toBeLessThan(A4_HEIGHT_PT - 60);
  });

  test("title in Info and XMP (escaped), displayed as the window title, language th-TH", async () => {
    const { info, metadata } = await doc.getMetadata();
    expect((info as Record<string, unknown>)["Title"]).toBe(TITLE);
    expect((info as Record<string, unknown>)["Language"]).toBe("th-TH");
    expect(metadata?.get("dc:title")).toBe(TITLE);
    expect(await doc.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
  });

  test("only whole-bold paragraphs kept with the next count as headings", () => {
    expect(blocks.map(outlineLevelOf)).toEqual([1, 2, undefined, 3, undefined, undefined, 2, undefined, undefined]);
  });
});

const A4_HEIGHT_PT = 841.89;

describe("every example PDF", () => {
  test("has a title and bookmarks; the report's sections are under its title", async () => {
    const { out, code, output } = await sharedExampleBuild("pdf");
    expect(code, output).toBe(0);
    for (const file of ["khon-kaen-city/2563-memo.pdf", "khon-kaen-city/2564-measures.pdf", "nakhon-ratchasima-city/2564-report.pdf", "nakhon-ratchasima-city/2565-measures.pdf"]) {
      const d = await open(readFileSync(join(out, file)));
      expect(String((await d.getMetadata()).info["Title" as keyof object]).length, file).toBeGreaterThan(10);
      expect((await outline(d)).length, file).toBeGreaterThan(0);
    }
    const report = await outline(await open(readFileSync(join(out, "nakhon-ratchasima-city/2564-report.pdf"))));
    expect(report[0]?.items.map((e) => e.title)).toEqual(["๑. ผลคะแนนรายตัวชี้วัด", "๒. การวิเคราะห์ผลการประเมิน", "๓. กิจกรรมเพื่อพัฒนาตัวชี้วัดที่เลือก"]);
  });
});
