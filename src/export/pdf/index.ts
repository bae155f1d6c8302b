/**
 * PDF exporter: DocModel → PDF bytes through pdfmake's layout engine, with
 * Thai line breaking (thai-wrap.ts), faithful text extraction and per-script
 * shaping (faithful-font.ts), and fonts parsed once per FontSet (fonts.ts).
 *
 * Deterministic: the only date written is options.createdAt; pdfkit derives
 * the trailer /ID from the info dictionary and the font subset tags from the
 * font ids (F1, F2 …), so equal inputs give equal bytes.
 */
import type { DocModel, PageNumbering, Section } from "../../model/document.js";
import type { ExportOptions, Exporter } from "../exporter.js";
import { blocksToContent } from "./blocks/index.js";
import { PT_PER_CM, type BlockContext, type Node } from "./blocks/context.js";
import { pdfFontsFor } from "./fonts.js";
import { charsWithoutGlyph, MissingGlyphsError } from "./glyph-coverage.js";
import { OutlineBuilder } from "./outline.js";
import { renderPdf, type DocDefinition } from "./pdfmake-engine.js";

export { MissingGlyphsError } from "./glyph-coverage.js";
export { PdfEngineMismatch } from "./internals/pdfmake.js";
export { parseSizeTable, familySize, type SizeTable, type FamilySize } from "./size-table.js";

const A4 = { width: 595.28, height: 841.89 };
/** Page numbers sit this far below the top (or above the bottom) edge. */
const PAGE_NUMBER_OFFSET_CM = 1.2;

type Margins4 = readonly [number, number, number, number];

function marginsOf(section: Section): Margins4 {
  const m = section.page.margins;
  return [m.leftCm * PT_PER_CM, m.topCm * PT_PER_CM, m.rightCm * PT_PER_CM, m.bottomCm * PT_PER_CM];
}

function pageDims(section: Section): { width: number; height: number } {
  return section.page.orientation === "landscape" ? { width: A4.height, height: A4.width } : A4;
}

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

function formatPageNumber(p: PageNumbering, n: number): string {
  const digits = p.numerals === "thai" ? String(n).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)] as string) : String(n);
  return p.format.replace("{n}", digits);
}

function pageNumberNode(p: PageNumbering, fontSize: number) {
  return (currentPage: number): Node | null => {
    if (currentPage < p.from) return null;
    const offset = PAGE_NUMBER_OFFSET_CM * PT_PER_CM;
    return {
      text: formatPageNumber(p, currentPage),
      alignment: "center",
      fontSize,
      margin: p.position === "top-center" ? [0, offset - fontSize, 0, 0] : [0, 0, 0, 0],
    };
  };
}

/**
 * The pdfmake document definition of `doc` (exported for bench/pdf.mjs,
 * which lays the same content out with stock pdfmake for comparison).
 */
export function pdfDefinition(doc: DocModel, options: ExportOptions): DocDefinition {
  const fonts = pdfFontsFor(options.fonts);
  const scale = options.fonts.sizeScale;
  const images = options.images ?? new Map<string, Uint8Array>();
  const first = doc.sections[0];
  const outline = new OutlineBuilder();
  const content = doc.sections.map((section) => {
    const dims = pageDims(section);
    const margins = marginsOf(section);
    const ctx: BlockContext = {
      fonts,
      scale,
      basePt: doc.baseSizePt,
      textWidth: dims.width - margins[0] - margins[2],
      textHeight: dims.height - margins[1] - margins[3],
      images,
      lineHeight: 1,
      outline,
    };
    return {
      section: blocksToContent(section.blocks, ctx),
      pageSize: "A4",
      pageOrientation: section.page.orientation,
      pageMargins: [...margins],
    };
  });
  const bodySize = doc.baseSizePt * scale;
  const numbers = doc.pageNumbers ? pageNumberNode(doc.pageNumbers, bodySize) : undefined;
  const usedImages: Record<string, Buffer> = {};
  for (const [ref, bytes] of images) usedImages[ref] = Buffer.from(bytes);
  return {
    content,
    pageSize: "A4",
    pageOrientation: first?.page.orientation ?? "portrait",
    pageMargins: first ? marginsOf(first) : [85, 71, 57, 57],
    defaultStyle: { font: options.fonts.family, fontSize: bodySize, lineHeight: 1 },
    ...(numbers && doc.pageNumbers?.position === "top-center" ? { header: numbers } : {}),
    ...(numbers && doc.pageNumbers?.position === "bottom-center" ? { footer: numbers } : {}),
    images: usedImages,
    info: {
      Title: doc.meta.title,
      ...(doc.meta.subject ? { Subject: doc.meta.subject } : {}),
      ...(doc.meta.author ? { Author: doc.meta.author } : {}),
      ...(doc.meta.keywords ? { Keywords: doc.meta.keywords } : {}),
      Creator: "itadoc",
      Producer: "itadoc (pdfmake)",
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
    language: doc.meta.lang,
  };
}

export async function exportPdf(doc: DocModel, options: ExportOptions): Promise<Uint8Array> {
  const fonts = pdfFontsFor(options.fonts);
  const undrawable = charsWithoutGlyph(doc, (c) => fonts.hasGlyph(c));
  if (undrawable.length > 0) throw new MissingGlyphsError(options.fonts.family, undrawable);
  return renderPdf(pdfDefinition(doc, options), fonts);
}

export const pdfExporter = {
  format: "pdf",
  export: exportPdf,
} as const satisfies Exporter;
