/**
 * Font parsing, once per FontSet object (the CLI loads one per process or
 * worker). Each PDF gets fresh EmbeddedFont wrappers (they hold that PDF's
 * subset), but they share the parsed fontkit faces and their glyph caches.
 */
import type { FontSet } from "../exporter.js";
import { BoundedCache } from "./bounded-cache.js";
import { makeFaithfulFontClass } from "./faithful-font.js";
import { openFaces, type EmbeddedFontInstance } from "./internals/pdfkit.js";

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

const cache = new WeakMap<FontSet, PdfFonts>();

export function pdfFontsFor(set: FontSet): PdfFonts {
  const known = cache.get(set);
  if (known) return known;
  const fonts = parseFontSet(set);
  cache.set(set, fonts);
  return fonts;
}

function parseFontSet(set: FontSet): PdfFonts {
  const bytes: Record<FaceType, Uint8Array> = {
    normal: set.regular,
    bold: set.bold,
    italics: set.italic,
    bolditalics: set.boldItalic,
  };
  const { faces: measuring, EmbeddedFont } = openFaces(bytes);
  const FaithfulFont = makeFaithfulFontClass(EmbeddedFont);
  const measurers = {} as Record<FaceType, EmbeddedFontInstance>;
  for (const type of Object.keys(bytes) as FaceType[]) {
    measurers[type] = new FaithfulFont({ options: {} }, measuring[type].font, "M");
  }
  /*
   * Advances of whole strings measured before layout (a table cell's
   * paragraph for its row-height estimate, blocks/table.ts), per face: too
   * long for FaithfulFont's width cache, so each was its pieces looked up
   * again, one by one. A measures PDF repeats most of its cells' paragraphs
   * (the marked text is the same string object, thai-wrap.ts's cache).
   */
  const advances = { normal: new BoundedCache<string, number>(1_000), bold: new BoundedCache<string, number>(1_000), italics: new BoundedCache<string, number>(1_000), bolditalics: new BoundedCache<string, number>(1_000) };
  const advanceOf = (type: FaceType, text: string): number => advances[type].getOrSet(text, () => measurers[type].widthOfString(text, 1000));
  return {
    family: set.family,
    open(doc, type, id) {
      const face = measuring[type as FaceType];
      if (!face) throw new Error(`unknown font face ${type}`);
      // Shaped runs are cached per face inside FaithfulFont, for all documents.
      return new FaithfulFont(doc, face.font, id);
    },
    hasGlyph(codePoint) {
      return [measuring.normal, measuring.bold].every((f) => f.font.hasGlyphForCodePoint(codePoint));
    },
    lineHeightEm: (measurers.normal.ascender - measurers.normal.descender) / 1000,
    widthOf(type, text, sizePt) {
      // advance × (size / 1000), as widthOfString scales it: the same number as widthOfString(text, sizePt)
      return advanceOf(type, text) * (sizePt / 1000);
    },
  };
}
