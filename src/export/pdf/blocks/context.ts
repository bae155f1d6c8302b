import type { PdfFonts } from "../fonts.js";
import type { OutlineBuilder } from "../outline.js";

export const PT_PER_CM = 72 / 2.54;

/** What block converters need to know about the page and the fonts. */
export interface BlockContext {
  readonly fonts: PdfFonts;
  /** Official-face points × scale = points of the bundled family. */
  readonly scale: number;
  /** Body size in official-face points. */
  readonly basePt: number;
  /** Width between the section's margins, in points. */
  readonly textWidth: number;
  /** Height between the section's margins, in points. */
  readonly textHeight: number;
  /** Image bytes by model reference; only refs present here are drawn. */
  readonly images: ReadonlyMap<string, Uint8Array>;
  /** Line height as a multiple of the font's own (ascender − descender). */
  readonly lineHeight: number;
  /** Bookmarks for the document's headings (outline.ts); none without it. */
  readonly outline?: OutlineBuilder;
}

/** A pdfmake content node; pdfmake's own typings are not installed. */
export type Node = Record<string, unknown>;

export function pt(ctx: BlockContext, officialPt: number): number {
  return officialPt * ctx.scale;
}
