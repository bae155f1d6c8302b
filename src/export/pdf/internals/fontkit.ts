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
  readonly loca?: { readonly offsets: readonly number[]; readonly version?: number };
  readonly _variationProcessor?: unknown;
  readonly maxp?: { maxComponentDepth?: number; maxComponentElements?: number };
  getGlyph(id: number): {
    readonly advanceWidth: number;
    _decode(): { readonly numberOfContours: number; readonly components?: readonly Component[] } | null;
    _getMetrics(): { readonly leftBearing: number };
  };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  createSubset(): TtfSubset;
}

/** A subset (fontkit's TTFSubset or CFFSubset) as pdfkit's EmbeddedFont uses it. */
export interface TtfSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
}

interface TtfSubsetInternals extends TtfSubset {
  readonly font: TtfFaceInternals;
  glyf: Uint8Array[];
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
  offset: number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** What the canary test checks: members of a TrueType face, one of its glyphs, and a TTFSubset. */
export const FONTKIT_INTERNALS = {
  faceMembers: ["numGlyphs", "hasGlyphForCodePoint", "loca", "maxp", "getGlyph", "_getTableStream"],
  glyphMembers: ["advanceWidth", "_decode", "_getMetrics"],
  subsetMembers: ["font", "glyphs", "glyf", "loca", "hmtx", "offset", "includeGlyph", "_addGlyph", "encode"],
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

/**
 * The tables of a TrueType subset that depend on its glyphs, as fontkit's
 * TTFSubset.encode builds them before it serialises the file.
 */
export interface SubsetGlyphTables {
  /** Each glyph's outline bytes, in subset glyph id order. */
  readonly glyf: readonly Uint8Array[];
  /** Byte offsets of the outlines in the glyf table, one more than there are glyphs. */
  readonly locaOffsets: readonly number[];
  /** head.indexToLocFormat, copied from the face: 0 short offsets (halved, uint16), 1 long (uint32). */
  readonly locaVersion: number;
  /** Advance and left side bearing of each glyph (the hmtx table). */
  readonly metrics: ReadonlyArray<{ readonly advance: number; readonly bearing: number }>;
}

/**
 * fontkit's own TrueType file of a fresh subset of `subset`'s face holding
 * only glyph 0: the tables that do not depend on the glyphs, as fontkit
 * writes them. Null for subsets that are not plain TrueType.
 */
export function fontkitReferenceFile(subset: TtfSubset): Uint8Array | null {
  if (!isPlainTtfSubset(subset)) return null;
  const fresh = subset.font.createSubset();
  return (Object.getPrototypeOf(fresh) as { encode(this: TtfSubset): Uint8Array }).encode.call(fresh);
}

/**
 * What TTFSubset.encode does before serialising: copies every glyph of
 * `subset` into it with its _addGlyph (a composite pulls in its parts, which
 * join the list) and collects the glyph-dependent tables.
 */
export function subsetGlyphTables(subset: TtfSubset): SubsetGlyphTables {
  if (!isPlainTtfSubset(subset)) throw new Error("not a plain TrueType subset");
  const ttf = subset;
  const version = ttf.font.loca?.version ?? 0;
  ttf.glyf = [];
  ttf.offset = 0;
  ttf.loca = { offsets: [], version };
  ttf.hmtx = { metrics: [], bearings: [] };
  // the list grows while it is walked: components join it
  for (let i = 0; i < ttf.glyphs.length; i++) ttf._addGlyph(ttf.glyphs[i] as number);
  ttf.loca.offsets.push(ttf.offset);
  return { glyf: ttf.glyf, locaOffsets: ttf.loca.offsets, locaVersion: version, metrics: ttf.hmtx.metrics };
}

/** Makes `subset.encode()` (which pdfkit calls when it embeds the font) return `encode(subset)`. */
export function replaceSubsetEncoding(subset: TtfSubset, encode: (subset: TtfSubset) => Uint8Array): boolean {
  if (!isPlainTtfSubset(subset)) return false;
  subset.encode = () => encode(subset);
  return true;
}
