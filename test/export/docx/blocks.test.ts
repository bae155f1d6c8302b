import { describe, expect, it } from "vitest";
import { blockToDocx } from "../../../src/export/docx/blocks/index.js";
import { scaleWidths } from "../../../src/export/docx/blocks/table.js";
import { tableGrid } from "../../../src/model/layout.js";
import { exportDocx } from "../../../src/export/docx/index.js";
import { imageInfo } from "../../../src/export/docx/image-info.js";
import { scriptPieces } from "../../../src/export/docx/run-props.js";
import type { Block, DocModel, MemoHeader, PageNumbering, PageSetup, Paragraph, Table } from "../../../src/model/document.js";
import { A4_PORTRAIT_OFFICIAL } from "../../../src/model/document.js";
import { familySize } from "../../../src/export/pdf/size-table.js";
import { makePng, memoOptions, paragraphsOf, part, runsOf, SIZE_TABLE, textOf } from "./helpers.js";
import { MediaCollector } from "../../../src/export/docx/media.js";

const model = (blocks: readonly Block[], extra: { page?: PageSetup; pageNumbers?: PageNumbering } = {}): DocModel => ({
  meta: { title: "t", lang: "th-TH" },
  baseSizePt: 16,
  ...(extra.pageNumbers ? { pageNumbers: extra.pageNumbers } : {}),
  sections: [{ page: extra.page ?? A4_PORTRAIT_OFFICIAL, blocks }],
});
const documentXmlOf = async (m: DocModel, options = memoOptions): Promise<string> => part(await exportDocx(m, options), "word/document.xml");
const para = (text: string): Paragraph => ({ type: "paragraph", runs: [{ text }] });

const header: MemoHeader = {
  type: "memoHeader",
  emblem: "missing",
  title: "บันทึกข้อความ",
  division: "กอง",
  number: "ขก ๑/๒",
  date: "๑ ม.ค. ๖๘",
  subject: "ทดสอบ",
  labels: { division: "ส่วนราชการ", number: "ที่", date: "วันที่", subject: "เรื่อง" },
};

describe("sections and page numbers", () => {
  it("turns a landscape section's A4 sideways and sizes its tables to the wider text width", async () => {
    const table: Table = { type: "table", columns: [{ width: 1 }, { width: 3 }], headerRows: 0, rows: [{ cells: [{ blocks: [para("a")] }, { blocks: [para("b")] }] }] };
    const m: DocModel = {
      ...model([para("แนวตั้ง")]),
      sections: [
        { page: A4_PORTRAIT_OFFICIAL, blocks: [para("แนวตั้ง")] },
        { page: { ...A4_PORTRAIT_OFFICIAL, orientation: "landscape", margins: { topCm: 2, rightCm: 2, bottomCm: 2, leftCm: 2 } }, blocks: [table] },
      ],
    };
    const xml = await documentXmlOf(m);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const width = 16838 - 2 * 1134;
    expect(xml).toContain(`<w:gridCol w:w="${Math.round(width / 4)}"/><w:gridCol w:w="${width - Math.round(width / 4)}"/>`);
  });

  it("puts Arabic page numbers from page 1 in the footer: no title page, no Thai number format", async () => {
    const docx = await exportDocx(model([para("x")], { pageNumbers: { position: "bottom-center", from: 1, numerals: "arabic", format: "หน้า {n}" } }), memoOptions);
    const xml = part(docx, "word/document.xml");
    expect(xml).toContain('<w:footerReference w:type="default"');
    expect(xml).not.toContain("headerReference");
    expect(xml).not.toContain("titlePg");
    expect(xml).not.toContain("w:fmt=");
    expect(textOf(part(docx, "word/footer1.xml"))).toBe("หน้า ");
  });

  it("writes no header or footer without page numbering", async () => {
    const xml = await documentXmlOf(model([para("x")]));
    expect(xml).not.toMatch(/headerReference|footerReference|titlePg/);
  });
});

describe("memo header without an emblem", () => {
  it("centres the title by its style and writes no picture when the image is not supplied", async () => {
    const xml = await documentXmlOf(model([header]));
    const [title] = paragraphsOf(xml);
    expect(textOf(title ?? "")).toBe("บันทึกข้อความ");
    expect(title).toContain('<w:pStyle w:val="ITAMemoTitle"/>');
    expect(title).not.toMatch(/<w:drawing>|<w:tab\/>|<w:jc /);
  });
});

describe("other blocks", () => {
  it("writes headings with their style and outline level", async () => {
    const xml = await documentXmlOf(model([{ type: "heading", level: 1, runs: [{ text: "ผลการประเมิน" }] }]));
    expect(xml).toContain('<w:pStyle w:val="ITAHeading1"/>');
    const styles = part(await exportDocx(model([]), memoOptions), "word/styles.xml");
    expect(styles).toMatch(/w:styleId="ITAHeading1">.*?<w:outlineLvl w:val="0"\/>/);
  });

  it("writes list markers as text with a tab and a hanging indent", async () => {
    const xml = await documentXmlOf(model([{ type: "list", leftIndentCm: 1, items: [{ marker: "๑)", runs: [{ text: "ข้อแรก" }] }, { marker: "", runs: [{ text: "ต่อ" }] }] }]));
    const [first, second] = paragraphsOf(xml);
    expect(textOf(first ?? "")).toBe("๑)ข้อแรก");
    expect(first).toMatch(/<w:ind w:left="(\d+)" w:hanging="\d+"\/>/);
    expect(runsOf(first ?? "")[0]).toContain("<w:tab/>");
    expect(second).not.toContain("hanging");
  });

  it("turns a spacer into an exact-height empty paragraph, scaled like text", async () => {
    const xml = await documentXmlOf(model([{ type: "spacer", heightPt: 12 }]));
    expect(xml).toContain(`<w:spacing w:after="0" w:before="0" w:line="${12 * 20}" w:lineRule="exact"/>`);
  });

  it("writes a page break", async () => {
    const xml = await documentXmlOf(model([para("ก"), { type: "pageBreak" }, para("ข")]));
    expect(xml).toContain('<w:br w:type="page"/>');
  });

  it("places an image at its size in cm and skips one the options do not supply", async () => {
    const png = makePng(20, 10);
    const options = { ...memoOptions, images: new Map([["chart", png]]) };
    const xml = await documentXmlOf(model([{ type: "image", ref: "chart", widthCm: 4, heightCm: 2, align: "center" }, { type: "image", ref: "none", widthCm: 1, heightCm: 1 }]), options);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1);
    expect(xml).toContain('<wp:extent cx="1440000" cy="720000"/>');
    expect(xml).toContain('<w:jc w:val="center"/>');
  });

  it("refuses image bytes that are not a picture Word takes", async () => {
    const options = { ...memoOptions, images: new Map([["bad", new TextEncoder().encode("not an image")]]) };
    await expect(exportDocx(model([{ type: "image", ref: "bad", widthCm: 1, heightCm: 1 }]), options)).rejects.toThrow(/bad.*PNG/);
  });

  it("turns borders off and aligns cells", async () => {
    const t: Table = {
      type: "table",
      columns: [{ width: 1 }],
      headerRows: 0,
      borders: false,
      sizePt: 12,
      rows: [{ cells: [{ blocks: [para("๙")], align: "right", vAlign: "bottom" }] }],
    };
    const xml = await documentXmlOf(model([t]));
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(xml).toContain('<w:vAlign w:val="bottom"/>');
    expect(xml).toContain('<w:jc w:val="right"/>');
    // The table's own size (12 pt official) wins over the ITA Table Text style's 14.
    expect(runsOf(xml)[0]).toContain(`<w:sz w:val="${12 * 2}"/>`);
  });

  it("names TH SarabunPSK at official sizes by default, whatever face the PDF embeds", async () => {
    const fonts = { ...memoOptions.fonts, family: "Laksaman", sizeScale: familySize(SIZE_TABLE, "Laksaman").scale };
    const xml = await documentXmlOf(model([para("ทดสอบ")]), { ...memoOptions, fonts });
    expect(runsOf(xml)[0]).toContain('<w:rFonts w:ascii="TH SarabunPSK" w:cs="TH SarabunPSK" w:eastAsia="TH SarabunPSK" w:hAnsi="TH SarabunPSK"/><w:sz w:val="32"/><w:szCs w:val="32"/>');
  });

  it("writes the family the organisation chose (settings.font: TH Sarabun New)", async () => {
    const xml = await documentXmlOf(model([para("ทดสอบ")]), { ...memoOptions, docxFont: "TH Sarabun New" });
    expect(runsOf(xml)[0]).toContain('<w:rFonts w:ascii="TH Sarabun New" w:cs="TH Sarabun New" w:eastAsia="TH Sarabun New" w:hAnsi="TH Sarabun New"/><w:sz w:val="32"/><w:szCs w:val="32"/>');
  });

  it("rejects a block kind it does not know", () => {
    const ctx = { family: "TH SarabunPSK" as const, baseSizePt: 16, textWidthTwips: 9000, images: new Map(), media: new MediaCollector(1) };
    expect(() => blockToDocx({ type: "hologram" } as unknown as Block, ctx)).toThrow(/unhandled block/);
  });
});

describe("table geometry", () => {
  it("scales weights to whole twips that add up exactly", () => {
    expect(scaleWidths([1, 1, 1], 100)).toEqual([33, 33, 34]);
    expect(scaleWidths([0, 0], 10)).toEqual([5, 5]);
    expect(scaleWidths([46, 18, 18, 18], 9071).reduce((a, b) => a + b)).toBe(9071);
  });

  it("finds each cell's first grid column past rowSpans from above", () => {
    const c = (extra = {}) => ({ blocks: [], ...extra });
    const t: Table = {
      type: "table",
      columns: [{ width: 1 }, { width: 1 }, { width: 1 }, { width: 1 }, { width: 1 }],
      headerRows: 2,
      rows: [{ cells: [c({ rowSpan: 2 }), c({ colSpan: 2 }), c({ rowSpan: 2 }), c({ rowSpan: 3 })] }, { cells: [c(), c()] }, { cells: [c(), c(), c(), c()] }],
    };
    expect(tableGrid(t.rows, t.columns.length).rows.map((r) => r.cells.map((p) => p.column))).toEqual([[0, 1, 3, 4], [1, 2], [0, 1, 2, 3]]);
  });
});

describe("imageInfo", () => {
  it("reads PNG and JPEG sizes", () => {
    expect(imageInfo(makePng(54, 60))).toEqual({ type: "png", widthPx: 54, heightPx: 60 });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0]);
    expect(imageInfo(jpeg)).toEqual({ type: "jpg", widthPx: 40, heightPx: 30 });
    expect(imageInfo(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe("ไม้ยมก", () => {
  it("is kept with its word by a no-break space, so no line starts with ๆ", async () => {
    const xml = await documentXmlOf(model([para("มาตรการต่าง ๆ ที่จัดทำขึ้น และ ๆ")]));
    expect(xml).toContain("มาตรการต่าง\u00A0ๆ ที่จัดทำขึ้น และ\u00A0ๆ");
    expect(xml).not.toContain("ต่าง ๆ");
  });
});

describe("runs split by script", () => {
  it("cuts where Thai meets Latin, keeping spaces, punctuation and digits with the piece before (the first piece takes the leading ones)", () => {
    expect(scriptPieces("การ (ITA) ต่อ")).toEqual([
      { cs: true, text: "การ (" },
      { cs: false, text: "ITA) " },
      { cs: true, text: "ต่อ" },
    ]);
    expect(scriptPieces("O17 E-Service การ")).toEqual([
      { cs: false, text: "O17 E-Service " },
      { cs: true, text: "การ" },
    ]);
    expect(scriptPieces("- ")).toEqual([{ cs: true, text: "- " }]);
    expect(scriptPieces("๒๕๖๓ ABC")).toEqual([
      { cs: true, text: "๒๕๖๓ " },
      { cs: false, text: "ABC" },
    ]);
    expect(scriptPieces("ผู้ é")).toEqual([
      { cs: true, text: "ผู้ " },
      { cs: false, text: "é" },
    ]);
  });

  it("writes a Thai piece with <w:cs/> and a Latin piece without it, same font and size", async () => {
    const xml = await documentXmlOf(model([para("ประเมิน ITA ปี")]));
    const runs = runsOf(xml);
    expect(runs.map(textOf)).toEqual(["ประเมิน ", "ITA ", "ปี"]);
    expect(runs.map((r) => r.includes("<w:cs/>"))).toEqual([true, false, true]);
    for (const r of runs) expect(r).toContain('<w:sz w:val="32"/><w:szCs w:val="32"/>');
  });
});
