/**
 * Font parsing, once per FontSet object (the CLI loads one per process or
 * worker). Each PDF gets fresh EmbeddedFont wrappers (they hold that PDF's
 * subset), but they share the parsed fontkit faces and their glyph caches.
 */
import { createRequire } from "node:module";
import type { FontSet } from "../exporter.js";
import { makeFaithfulFontClass, type EmbeddedFontClass, type EmbeddedFontInstance } from "./faithful-font.js";

export type FaceType = "normal" | "bold" | "italics" | "bolditalics";

export interface PdfFonts {
  readonly family: string;
  /** A new font object for one PDF document (`doc`), with pdfkit font id `id`. */
  open(doc: unknown, type: string, id: string): EmbeddedFontInstance;
  /** Advance width of `text` in points: for row-height estimates before layout. */
  widthOf(type: FaceType, text: string, sizePt: number): number;
  /** (ascender − descender) / em of the regular face: pdfmake's line height at lineHeight 1. */
  readonly lineHeightEm: number;
  /** Whether both the regular and the bold face draw the character. */
  hasGlyph(codePoint: number): boolean;
}

// pdfkit is pdfmake's dependency; resolve it from there, not from the app.
const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake/package.json"));
type PdfKitCtor = new (options: Record<string, unknown>) => {
  font(src: Uint8Array): { _font: EmbeddedFontInstance & { font: unknown; constructor: EmbeddedFontClass } };
};
const PdfKit = requireFromPdfmake("pdfkit") as PdfKitCtor;

const cache = new WeakMap<FontSet, PdfFonts>();

export function pdfFontsFor(set: FontSet): PdfFonts {
  const known = cache.get(set);
  if (known) return known;
  const fonts = parseFontSet(set);
  cache.set(set, fonts);
  return fonts;
}

function parseFontSet(set: FontSet): PdfFonts {
  // pdfkit exports neither EmbeddedFont nor fontkit; a throwaway document
  // that never renders hands us both.
  const probe = new PdfKit({ autoFirstPage: false });
  const bytes: Record<FaceType, Uint8Array> = {
    normal: set.regular,
    bold: set.bold,
    italics: set.italic,
    bolditalics: set.boldItalic,
  };
  const measuring = {} as Record<FaceType, EmbeddedFontInstance & { font: unknown }>;
  for (const type of Object.keys(bytes) as FaceType[]) {
    measuring[type] = probe.font(Buffer.from(bytes[type]))._font;
  }
  const FaithfulFont = makeFaithfulFontClass(measuring.normal.constructor as EmbeddedFontClass);
  const measurers = {} as Record<FaceType, EmbeddedFontInstance>;
  for (const type of Object.keys(bytes) as FaceType[]) {
    measurers[type] = new FaithfulFont({ options: {} }, measuring[type].font, "M");
  }
  return {
    family: set.family,
    open(doc, type, id) {
      const face = measuring[type as FaceType];
      if (!face) throw new Error(`unknown font face ${type}`);
      // Shaped runs are cached per face inside FaithfulFont, for all documents.
      return new FaithfulFont(doc, face.font, id);
    },
    hasGlyph(codePoint) {
      return [measuring.normal, measuring.bold].every((f) => (f.font as { hasGlyphForCodePoint(c: number): boolean }).hasGlyphForCodePoint(codePoint));
    },
    lineHeightEm: (measurers.normal.ascender - measurers.normal.descender) / 1000,
    widthOf(type, text, sizePt) {
      return measurers[type].widthOfString(text, sizePt);
    },
  };
}
