/**
 * The one door to pdfkit's private parts. pdfkit exports neither its
 * EmbeddedFont class nor fontkit, and FaithfulFont (faithful-font.ts) is a
 * subclass of EmbeddedFont that reads and writes its subset, ToUnicode and
 * width tables. The members it uses are declared here, once, and
 * PDFKIT_INTERNALS lists them for the canary test
 * (test/export/pdf/internals.test.ts). pdfkit is pinned exactly through
 * package.json `overrides`: it is pdfmake's dependency, not ours.
 */
import { createRequire } from "node:module";
import type { FontkitFace, FontkitPosition, GlyphRunLike, TtfSubset } from "./fontkit.js";

/** The pdfkit version pinned in package.json `overrides`, which these declarations were checked against. */
export const PDFKIT_VERSION = "0.19.1";

/** The members of pdfkit's EmbeddedFont that FaithfulFont and fonts.ts use. */
export interface EmbeddedFontInstance {
  readonly id: string;
  /** The parsed fontkit face. */
  readonly font: FontkitFace;
  /** 1000 / unitsPerEm: font units to PDF text-space units. */
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  /** fontkit's subset of the glyphs this document draws. */
  subset: TtfSubset;
  /** Subset glyph id → the code points its ToUnicode entry maps to. */
  unicode: number[][];
  /** Subset glyph id → advance in PDF text-space units. */
  widths: number[];
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRunLike;
  layoutRun(text: string, features?: unknown): GlyphRunLike;
  layoutCached(text: string): GlyphRunLike;
  encode(text: string, features?: unknown): [string[], FontkitPosition[]];
  widthOfString(text: string, size: number, features?: unknown): number;
}

export type EmbeddedFontClass = new (document: unknown, font: FontkitFace, id: string) => EmbeddedFontInstance;

/** What the canary test checks on an EmbeddedFont: instance fields and prototype methods. */
export const PDFKIT_INTERNALS = {
  embeddedFontFields: ["id", "font", "scale", "ascender", "descender", "subset", "unicode", "widths"],
  embeddedFontMethods: ["layout", "layoutRun", "layoutCached", "encode", "widthOfString"],
  /** The document member that holds the font just opened by doc.font(bytes). */
  documentFields: ["_font"],
} as const;

// pdfkit is pdfmake's dependency; resolve it from there, not from the app.
const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake/package.json"));
type PdfKitCtor = new (options: Record<string, unknown>) => {
  font(src: Uint8Array): { _font: EmbeddedFontInstance };
};
const PdfKit = requireFromPdfmake("pdfkit") as PdfKitCtor;

/** Installed pdfkit version (for the canary test). */
export const installedPdfkitVersion = (requireFromPdfmake("pdfkit/package.json") as { version: string }).version;

export interface OpenedFaces<K extends string> {
  /** Each face, parsed by pdfkit's fontkit, wrapped in a throwaway document's EmbeddedFont. */
  readonly faces: Record<K, EmbeddedFontInstance>;
  /** pdfkit's EmbeddedFont class, to subclass. */
  readonly EmbeddedFont: EmbeddedFontClass;
}

/**
 * Parses font files with pdfkit's own fontkit: a throwaway document that
 * never renders opens them and hands back both the parsed faces and the
 * EmbeddedFont class.
 */
export function openFaces<K extends string>(bytes: Record<K, Uint8Array>): OpenedFaces<K> {
  const probe = new PdfKit({ autoFirstPage: false });
  const faces = {} as Record<K, EmbeddedFontInstance>;
  for (const key of Object.keys(bytes) as K[]) faces[key] = probe.font(Buffer.from(bytes[key]))._font;
  const first = Object.values<EmbeddedFontInstance>(faces)[0];
  if (!first) throw new Error("openFaces needs at least one face");
  return { faces, EmbeddedFont: first.constructor as EmbeddedFontClass };
}
