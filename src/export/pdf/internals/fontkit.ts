/**
 * The one door to fontkit's private parts: the objects of fontkit 2.0.4
 * (reached through pdfkit, which bundles no types for them) and the
 * unexported TTFSubset whose glyph copying subset-glyphs.ts replaces.
 * FONTKIT_INTERNALS lists the members for the canary test
 * (test/export/pdf/internals.test.ts); fontkit is pinned exactly through
 * package.json `overrides`.
 */

import { createRequire } from "node:module";

// fontkit comes with pdfkit, pdfmake's dependency: resolve it from there, not from the app.
const fontkit = createRequire(createRequire(createRequire(import.meta.url).resolve("pdfmake/package.json")).resolve("pdfkit"))("fontkit") as {
  create(bytes: Buffer): { readonly familyName?: string };
};

/** The family name a font file declares (name table), or undefined. */
export function familyNameOf(bytes: Uint8Array): string | undefined {
  return fontkit.create(Buffer.from(bytes)).familyName;
}

/** The fontkit version pinned in package.json `overrides`, which these declarations were checked against. */
export const FONTKIT_VERSION = "2.0.4";

export interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
}

export interface FontkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth?: number;
}

export interface GlyphRunLike {
  readonly glyphs: readonly FontkitGlyph[];
  readonly positions: readonly FontkitPosition[];
  readonly advanceWidth: number;
}

/** A component of a composite TrueType glyph. */
export interface Component {
  readonly glyphID: number;
  /** Byte offset of the component's glyph id inside the outline. */
  readonly pos: number;
}

/** A parsed face (fontkit's TTFFont), as far as itadoc reads it. */
export interface FontkitFace {
  readonly numGlyphs: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** The TrueType-only and private parts of a TTFFont. */
interface TtfFaceInternals extends FontkitFace {
  readonly loca?: { readonly offsets: readonly number[] };
  readonly _variationProcessor?: unknown;
  readonly maxp?: { maxComponentDepth?: number; maxComponentElements?: number };
  getGlyph(id: number): {
    readonly advanceWidth: number;
    _decode(): { readonly numberOfContours: number; readonly components?: readonly Component[] } | null;
    _getMetrics(): { readonly leftBearing: number };
  };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}

/** A subset (fontkit's TTFSubset or CFFSubset) as pdfkit's EmbeddedFont uses it. */
export interface TtfSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
}

interface TtfSubsetInternals extends TtfSubset {
  readonly font: TtfFaceInternals;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

/** What the canary test checks: members of a TrueType face, one of its glyphs, and a TTFSubset. */
export const FONTKIT_INTERNALS = {
  faceMembers: ["numGlyphs", "hasGlyphForCodePoint", "loca", "maxp", "getGlyph", "_getTableStream"],
  glyphMembers: ["advanceWidth", "_decode", "_getMetrics"],
  subsetMembers: ["font", "glyphs", "glyf", "loca", "hmtx", "offset", "includeGlyph", "_addGlyph"],
} as const;

/** One outline of a face, as a subset needs it. */
export interface OutlineRecord {
  readonly bytes: Uint8Array;
  readonly components: readonly Component[] | null;
  readonly advance: number;
  readonly bearing: number;
}

/** Whether `subset` is a TrueType subset of a static face: one whose glyph copying can be replaced. */
function isPlainTtfSubset(subset: TtfSubset): subset is TtfSubsetInternals {
  const s = subset as Partial<TtfSubsetInternals>;
  return typeof s._addGlyph === "function" && !!s.font && typeof s.font.loca?.offsets !== "undefined" && !s.font._variationProcessor;
}

/** The glyf-table bytes, components and metrics of glyph `gid` of a TrueType face. */
function readOutline(font: TtfFaceInternals, gid: number): OutlineRecord {
  const glyph = font.getGlyph(gid);
  const decoded = glyph._decode();
  const offsets = font.loca?.offsets ?? [];
  const start = offsets[gid] ?? 0;
  const end = offsets[gid + 1] ?? start;
  const stream = font._getTableStream("glyf");
  stream.pos += start;
  // a copy: the subset keeps it across documents, the font's buffer may be reused
  const bytes = new Uint8Array(stream.readBuffer(end - start));
  const components = decoded && decoded.numberOfContours < 0 ? [...(decoded.components ?? [])].map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/**
 * Makes a TrueType `subset` copy each glyph from `outlineOf` (a reader that
 * may cache), with the bytes, offsets and metrics fontkit's own _addGlyph
 * writes. Returns a reader of the face's outlines, or null for subsets that
 * are left as they are (CFF fonts, variable fonts).
 */
export function replaceGlyphCopying(
  subset: TtfSubset,
  cached: (gid: number, read: (gid: number) => OutlineRecord) => OutlineRecord,
): ((gid: number) => OutlineRecord) | null {
  if (!isPlainTtfSubset(subset)) return null;
  const ttf = subset;
  const font = ttf.font;
  const outlineOf = (gid: number): OutlineRecord => cached(gid, (g) => readOutline(font, g));
  ttf._addGlyph = (gid: number): number => {
    const record = outlineOf(gid);
    let bytes = record.bytes;
    if (record.components) {
      bytes = new Uint8Array(record.bytes);
      const view = new DataView(bytes.buffer);
      for (const c of record.components) view.setUint16(c.pos, ttf.includeGlyph(c.glyphID));
    }
    ttf.glyf.push(bytes);
    ttf.loca.offsets.push(ttf.offset);
    ttf.hmtx.metrics.push({ advance: record.advance, bearing: record.bearing });
    ttf.offset += bytes.length;
    return ttf.glyf.length - 1;
  };
  return outlineOf;
}

/**
 * The face's maxp object, which fontkit copies into each subset it writes
 * (so raising a limit there raises it in every subset of the face).
 */
export function faceMaxp(subset: TtfSubset): { maxComponentDepth?: number; maxComponentElements?: number } | undefined {
  return (subset as Partial<TtfSubsetInternals>).font?.maxp;
}
