/**
 * The layout table (src/model/layout.ts) is the only source of the paragraph
 * and heading looks: the DOCX styles.xml and the PDF's pdfmake nodes both
 * carry its sizes, weight and spacing for every style and heading level, and
 * both exporters and the renderer's grid check place table cells by its one
 * grid walk.
 */
import { describe, expect, it } from "vitest";
import { STYLES, type StyleKey } from "../../src/export/docx/styles.js";
import type { BlockContext } from "../../src/export/pdf/blocks/context.js";
import { heading, paragraph } from "../../src/export/pdf/blocks/text.js";
import type { Heading, ParagraphStyle, TableRow } from "../../src/model/document.js";
import { HEADING_LOOK, PARAGRAPH_LOOK, tableGrid, type BlockLook } from "../../src/model/layout.js";
import { gridProblems } from "../../src/render/markup/table-grid.js";
import { styleElement, stylesXml as readStylesXml } from "../export/docx/styles-xml.js";

const BASE = 16;
const SCALE = 1.25;
// Only what paragraph() and heading() read; neither measures text.
const pdfCtx = { scale: SCALE, basePt: BASE, textWidth: 400, textHeight: 600, images: new Map(), lineHeight: 1 } as unknown as BlockContext;

const PARAGRAPH_STYLES = Object.keys(PARAGRAPH_LOOK) as ParagraphStyle[];
const LEVELS = [1, 2, 3] as const;
const HEADING_STYLE: Record<Heading["level"], StyleKey> = { 1: "heading1", 2: "heading2", 3: "heading3" };

const stylesXml = (): Promise<string> => readStylesXml({ family: "TH SarabunPSK", baseSizePt: BASE });

/** What a Word style says about the layout table's fields. */
function docxLook(style: string): Omit<BlockLook, "align"> & { sizePt: number } {
  const attr = (name: string): number => Number(new RegExp(`<w:spacing [^>]*w:${name}="(\\d+)"`).exec(style)?.[1] ?? NaN);
  const rPr = /<\/w:pPr>(<w:rPr>.*?<\/w:rPr>)/s.exec(style)?.[1] ?? "";
  const sz = Number(/<w:sz w:val="(\d+)"\/>/.exec(rPr)?.[1] ?? NaN);
  return {
    sizePt: sz / 2,
    sizeDeltaPt: sz / 2 - BASE,
    bold: rPr.includes("<w:b/>"),
    spaceBeforePt: attr("before") / 20,
    spaceAfterPt: attr("after") / 20,
    keepWithNext: style.includes("<w:keepNext/>"),
  };
}

function pdfLook(node: Record<string, unknown>): Omit<BlockLook, "align" | "keepWithNext"> {
  const margin = node["margin"] as number[];
  return {
    sizeDeltaPt: (node["fontSize"] as number) / SCALE - BASE,
    bold: node["bold"] === true,
    spaceBeforePt: margin[1] ?? NaN,
    spaceAfterPt: margin[3] ?? NaN,
  };
}

describe("one layout table for both exporters", () => {
  it("gives every paragraph style the same size, weight and spacing in styles.xml and in the PDF", async () => {
    const xml = await stylesXml();
    for (const style of PARAGRAPH_STYLES) {
      const look = PARAGRAPH_LOOK[style];
      const docx = docxLook(styleElement(xml, STYLES[style].id));
      expect(docx, style).toEqual({ ...withoutAlign(look), sizePt: BASE + look.sizeDeltaPt });
      const pdf = pdfLook(paragraph({ type: "paragraph", style, runs: [{ text: "ข้อความ" }] }, pdfCtx));
      expect(pdf, style).toEqual({ sizeDeltaPt: look.sizeDeltaPt, bold: look.bold, spaceBeforePt: look.spaceBeforePt, spaceAfterPt: look.spaceAfterPt });
    }
  });

  it("gives every heading level the same size, weight and spacing in styles.xml and in the PDF", async () => {
    const xml = await stylesXml();
    for (const level of LEVELS) {
      const look = HEADING_LOOK[level];
      expect(docxLook(styleElement(xml, STYLES[HEADING_STYLE[level]].id)), `h${level}`).toEqual({ ...withoutAlign(look), sizePt: BASE + look.sizeDeltaPt });
      expect(pdfLook(heading({ type: "heading", level, runs: [{ text: "หัวข้อ" }] }, pdfCtx)), `h${level}`).toEqual({
        sizeDeltaPt: look.sizeDeltaPt,
        bold: look.bold,
        spaceBeforePt: look.spaceBeforePt,
        spaceAfterPt: look.spaceAfterPt,
      });
    }
  });

  it("steps headings down from the title, and keeps no space after the title (a template asks for one)", () => {
    expect(LEVELS.map((l) => HEADING_LOOK[l].sizeDeltaPt)).toEqual([4, 2, 0]);
    expect(PARAGRAPH_LOOK.title.spaceAfterPt).toBe(0);
  });
});

describe("tableGrid", () => {
  const c = (extra = {}) => ({ blocks: [], ...extra });

  it("places each cell at the first column no rowSpan from above covers, and says which columns are covered", () => {
    const rows: TableRow[] = [{ cells: [c({ rowSpan: 2 }), c({ colSpan: 2 }), c({ rowSpan: 2 }), c({ rowSpan: 3 })] }, { cells: [c(), c()] }, { cells: [c(), c(), c(), c()] }];
    const grid = tableGrid(rows, 5);
    expect(grid.rows.map((r) => r.cells.map((p) => p.column))).toEqual([[0, 1, 3, 4], [1, 2], [0, 1, 2, 3]]);
    expect(grid.rows.map((r) => [...r.covered])).toEqual([[], [0, 3, 4], [4]]);
    expect(grid.rows.map((r) => r.filled)).toEqual([5, 5, 5]);
    expect(grid.spillsPastEnd).toBe(false);
  });

  it("is the walk the renderer's grid check reads", () => {
    const rows: TableRow[] = [{ cells: [c({ rowSpan: 3 }), c()] }, { cells: [c(), c()] }];
    expect(tableGrid(rows, 2).rows.map((r) => r.filled)).toEqual([2, 3]);
    expect(gridProblems(rows, 2)).toEqual(["table row 2 fills 3 of the 2 columns given in widths", "a rowspan reaches past the last row of the table"]);
  });
});

function withoutAlign(look: BlockLook): Omit<BlockLook, "align"> {
  const { align: _align, ...rest } = look;
  return rest;
}
