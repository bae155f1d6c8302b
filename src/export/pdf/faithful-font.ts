/**
 * A pdfkit font whose text extracts exactly as it was typed, in every
 * reader, draws no glyph for the zero-width space we use as a line-break
 * opportunity, and shapes Thai and non-Thai text as separate runs.
 *
 * Why a subclass of pdfkit's EmbeddedFont:
 * - Stock pdfkit writes each subset glyph's ToUnicode entry from fontkit's
 *   `glyph.codePoints`. Sarabun decomposes ำ (U+0E33) into nikhahit + sara aa
 *   and reorders marks (น้ำ: no nu, nikhahit + mai tho, sara aa), and fontkit
 *   caches Glyph objects by id, so glyph-by-glyph text is wrong or missing.
 *   Giving a cluster's other glyphs empty text (`<>`) is no fix: pdf.js,
 *   PDFium and MuPDF each fill such a glyph with a guess (คุ%ณ, U+FFFD).
 *   Here every grapheme cluster that shapes to several glyphs is drawn as
 *   one composite glyph of the subset (clusterOutline), whose ToUnicode
 *   entry is the cluster's text; a one-glyph cluster maps to its own text.
 *   So every glyph id maps to exactly one non-empty string, and the strings
 *   in content order are the input text. When one glyph id needs two texts,
 *   the subset gets a second copy of the outline.
 * - pdfmake breaks lines only where the `linebreak` package allows, which
 *   never happens between two Thai letters. We insert U+200B there; Sarabun
 *   has no glyph for it (it would draw .notdef), so layout drops it.
 * - fontkit chooses one script per string, so "Q&Aของ" would be shaped as
 *   Latin and lose Thai mark positioning.
 * - Shaping is the slow part of an export, and a shaped word depends only on
 *   the face and the text: runs, widths and each word's drawn glyphs are
 *   kept per face for every document of the process, in bounded caches.
 */
import { BoundedCache } from "./bounded-cache.js";
import { clusterOutline, makeRoomForClusters, MAX_CLUSTER_PARTS, useOutlineCache, type OutlineCache, type OutlineRecord, type PlacedGlyph } from "./subset-glyphs.js";

export const ZWSP = "\u200B";

/** The parts of fontkit's objects that this file reads. */
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

interface TtfSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
}

/** The members of pdfkit's (unexported) EmbeddedFont that the subclass uses. */
export interface EmbeddedFontInstance {
  readonly id: string;
  readonly scale: number;
  readonly ascender: number;
  readonly descender: number;
  subset: TtfSubset;
  unicode: number[][];
  widths: number[];
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRunLike;
  layoutRun(text: string, features?: unknown): GlyphRunLike;
  layoutCached(text: string): GlyphRunLike;
  encode(text: string, features?: unknown): [string[], FontkitPosition[]];
  widthOfString(text: string, size: number, features?: unknown): number;
}

export type EmbeddedFontClass = new (document: unknown, font: unknown, id: string) => EmbeddedFontInstance;

const LETTER = /\p{L}/u;

/** 1: Thai, 0: another script's letter, -1: script-neutral. */
function scriptOf(code: number, ch: string): number {
  if (code >= 0x0e00 && code <= 0x0e7f) return 1;
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 0 : -1;
  return LETTER.test(ch) ? 0 : -1;
}

/**
 * Cut text into the pieces fontkit should shape alone: after each space or
 * tab (as pdfkit does) and wherever the text switches between Thai and
 * anything else. Script-neutral characters (spaces, digits, punctuation) stay
 * with the run they follow.
 */
export function shapingPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const script = scriptOf(code, text[i] as string);
    if (script >= 0) {
      if (run >= 0 && run !== script && i > start) {
        pieces.push(text.slice(start, i));
        start = i;
      }
      run = script;
    }
    if (code === 0x20 || code === 0x09) {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
      run = -1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/**
 * The pieces a drawn or measured string is shaped in: U+200B is dropped and
 * ends a piece. pdfmake measures each word alone (its words end at U+200B),
 * so shaping a line of several words in the same pieces draws every glyph
 * exactly where the layout put it.
 */
export function drawnPieces(text: string): string[] {
  if (!text.includes(ZWSP)) return shapingPieces(text);
  const pieces: string[] = [];
  for (const part of text.split(ZWSP)) if (part.length > 0) pieces.push(...shapingPieces(part));
  return pieces;
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * For faces whose subsets cannot hold cluster glyphs (CFF, variable fonts):
 * the text each glyph of `piece` stands for, given each glyph's advance.
 * Within a grapheme cluster the text goes to a glyph that advances the pen
 * and the cluster's other glyphs get "": an extractor that sees a glyph with
 * width but no text inserts a space (กำ หนด). Sarabun draws ำ as nikhahit
 * (no advance) + sara aa (advance), so a cluster ending in ำ with two
 * advancing glyphs gives ำ to the second. When glyphs cannot be matched to
 * clusters (a ligature across clusters), the first glyph gets the whole piece.
 */
export function glyphTexts(piece: string, advances: readonly number[], glyphsOf: (cluster: string) => number): string[] {
  const texts: string[] = [];
  for (const { segment } of graphemes.segment(piece)) {
    const n = glyphsOf(segment);
    if (n === 0) continue;
    const start = texts.length;
    for (let k = 0; k < n; k++) texts.push("");
    const advancing: number[] = [];
    for (let k = start; k < start + n; k++) if ((advances[k] ?? 0) > 0) advancing.push(k);
    const [first, second] = advancing;
    if (advancing.length === 2 && second !== undefined && first !== undefined && segment.endsWith("\u0E33")) {
      texts[first] = segment.slice(0, -1);
      texts[second] = "\u0E33";
    } else {
      texts[first ?? start] = segment;
    }
  }
  if (texts.length === advances.length) return texts;
  return advances.map((_, i) => (i === 0 ? piece : ""));
}

/** Subset glyph ids as pdfkit writes them (4 hex digits), made once. */
const HEX4: string[] = [];
function hex4(gid: number): string {
  return (HEX4[gid] ??= `0000${gid.toString(16)}`.slice(-4));
}

function codePointsOf(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0) as number);
}

/** How many entries each face keeps per cache (two generations: up to twice this). */
export interface ShapingCacheLimits {
  /** Shaped pieces (words, mostly). */
  readonly runs: number;
  /** Measured strings (pdfmake measures every word of every paragraph). */
  readonly widths: number;
}

/**
 * Enough for the vocabulary of a national run; 4,000 measures PDFs with
 * different sentences each level off at about 40 MB of heap, all caches
 * included.
 */
export const DEFAULT_CACHE_LIMITS: ShapingCacheLimits = { runs: 20_000, widths: 20_000 };

/** Strings longer than this (whole lines) are measured from their cached pieces but not cached themselves. */
const LONGEST_CACHED_WIDTH = 80;

/** One glyph as it goes into the content stream: a face glyph or a cluster glyph, and the text it extracts as. */
interface DrawnGlyph {
  readonly glyph: FontkitGlyph;
  readonly position: FontkitPosition;
  readonly text: string;
}

interface ShapedPiece {
  readonly run: GlyphRunLike;
  /** fontkit's GlyphRun recomputes its advance on every read. */
  readonly advanceWidth: number;
  /** The glyphs that draw the piece, worked out when it is first drawn. */
  drawn?: readonly DrawnGlyph[];
}

interface FaceCaches {
  readonly pieces: BoundedCache<string, ShapedPiece>;
  readonly widths: BoundedCache<string, number>;
  readonly outlines: OutlineCache;
  /**
   * Cluster glyphs by their parts and advance → an id above the face's own
   * glyph ids (their outlines are in `outlines`). Bounded by the distinct
   * shaped clusters of a script, a few thousand for Thai.
   */
  readonly clusters: Map<string, number>;
  nextClusterId: number;
}

const NO_GLYPHS: readonly never[] = [];

export function makeFaithfulFontClass(Base: EmbeddedFontClass, limits: ShapingCacheLimits = DEFAULT_CACHE_LIMITS): EmbeddedFontClass {
  /** Per parsed face (fontkit font object), shared by every document and by the measuring fonts. */
  const faces = new WeakMap<object, FaceCaches>();

  class FaithfulFont extends Base {
    /** Font glyph id → the text it stands for → subset glyph id. */
    private readonly subsetIds = new Map<number, Map<string, number>>();
    private readonly caches: FaceCaches;
    /** The face's outlines, or null when its subsets cannot hold cluster glyphs (not plain TrueType). */
    private readonly outlineOf: ((gid: number) => OutlineRecord) | null;

    constructor(document: unknown, font: unknown, id: string) {
      super(document, font, id);
      const face = font as { numGlyphs: number };
      let caches = faces.get(face);
      if (!caches) {
        caches = {
          pieces: new BoundedCache(limits.runs),
          widths: new BoundedCache(limits.widths),
          outlines: new Map(),
          clusters: new Map(),
          nextClusterId: face.numGlyphs,
        };
        faces.set(face, caches);
      }
      this.caches = caches;
      this.outlineOf = useOutlineCache(this.subset, caches.outlines);
      // before any subset of the face is written, whether or not it draws a cluster glyph: equal bytes cold or warm
      if (this.outlineOf) makeRoomForClusters(this.subset);
    }

    private shaped(piece: string): ShapedPiece {
      const known = this.caches.pieces.get(piece);
      if (known) return known;
      const run = this.layoutRun(piece);
      const shaped: ShapedPiece = { run, advanceWidth: run.advanceWidth };
      this.caches.pieces.set(piece, shaped);
      return shaped;
    }

    override layoutCached(text: string): GlyphRunLike {
      return this.shaped(text).run;
    }

    private advanceOf(text: string): number {
      const cacheable = text.length <= LONGEST_CACHED_WIDTH;
      if (cacheable) {
        const known = this.caches.widths.get(text);
        if (known !== undefined) return known;
      }
      let width = 0;
      for (const piece of drawnPieces(text)) width += this.shaped(piece).advanceWidth;
      if (cacheable) this.caches.widths.set(text, width);
      return width;
    }

    override layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRunLike {
      if (onlyWidth && !features) return { glyphs: NO_GLYPHS, positions: NO_GLYPHS, advanceWidth: this.advanceOf(text) };
      const glyphs: FontkitGlyph[] = [];
      const positions: FontkitPosition[] = [];
      let advanceWidth = 0;
      for (const piece of drawnPieces(text)) {
        const run = features ? super.layout(piece, features, onlyWidth) : this.shaped(piece).run;
        if (!onlyWidth) {
          for (const g of run.glyphs) glyphs.push(g);
          for (const p of run.positions) positions.push(p);
        }
        advanceWidth += run.advanceWidth;
      }
      return { glyphs, positions, advanceWidth };
    }

    override widthOfString(text: string, size: number, features?: unknown): number {
      const width = features ? this.layout(text, features, true).advanceWidth : this.advanceOf(text);
      // the same arithmetic as pdfkit's, so measured and drawn widths agree to the bit
      const scale = size / 1000;
      return width * scale;
    }

    override encode(text: string, features?: unknown): [string[], FontkitPosition[]] {
      const encoded: string[] = [];
      const positions: FontkitPosition[] = [];
      for (const piece of drawnPieces(text)) {
        let drawn: readonly DrawnGlyph[];
        if (features) {
          drawn = this.drawnGlyphs(piece, this.layoutRun(piece, features));
        } else {
          const shaped = this.shaped(piece);
          drawn = shaped.drawn ??= this.drawnGlyphs(piece, shaped.run);
        }
        for (const d of drawn) {
          encoded.push(hex4(this.subsetGlyph(d.glyph, d.text)));
          positions.push(d.position);
        }
      }
      return [encoded, positions];
    }

    /**
     * The glyphs that draw `piece` (shaped as `run`): one per grapheme
     * cluster. A cluster's glyphs are found by shaping it alone and matching
     * those glyph ids from both ends of the piece; where they do not match
     * (a ligature across clusters, as in "Office", or marks reordered across
     * them, as in น้ำ), the clusters in between share one glyph.
     */
    private drawnGlyphs(piece: string, run: GlyphRunLike): DrawnGlyph[] {
      const { glyphs, positions } = run;
      const alone: Array<{ readonly text: string; readonly ids: readonly number[] }> = [];
      for (const { segment } of graphemes.segment(piece)) {
        const ids = this.shaped(segment).run.glyphs.map((g) => g.id);
        if (ids.length > 0) alone.push({ text: segment, ids });
      }
      const matches = (c: { readonly ids: readonly number[] }, at: number): boolean =>
        at >= 0 && at + c.ids.length <= glyphs.length && c.ids.every((id, k) => glyphs[at + k]?.id === id);
      const head: Array<readonly [start: number, end: number, text: string]> = [];
      let g = 0;
      let c = 0;
      while (c < alone.length && matches(alone[c]!, g)) {
        head.push([g, g + alone[c]!.ids.length, alone[c]!.text]);
        g += alone[c++]!.ids.length;
      }
      const tail: Array<readonly [start: number, end: number, text: string]> = [];
      let end = glyphs.length;
      let last = alone.length;
      while (last > c && matches(alone[last - 1]!, end - alone[last - 1]!.ids.length) && end - alone[last - 1]!.ids.length >= g) {
        end -= alone[--last]!.ids.length;
        tail.unshift([end, end + alone[last]!.ids.length, alone[last]!.text]);
      }
      const middle = alone.slice(c, last).map((x) => x.text).join("");
      const clusters = [...head];
      if (end > g && middle.length > 0) clusters.push([g, end, middle]);
      else if (end > g || middle.length > 0) return this.wholePiece(piece, run);
      clusters.push(...tail);
      if (!this.outlineOf || clusters.some(([start, stop]) => stop - start > MAX_CLUSTER_PARTS)) return this.textPerGlyph(piece, run);
      return clusters.map(([start, stop, text]) =>
        stop - start === 1
          ? { glyph: glyphs[start] as FontkitGlyph, position: positions[start] as FontkitPosition, text }
          : this.clusterGlyph(glyphs.slice(start, stop), positions.slice(start, stop), text),
      );
    }

    /** Glyphs and clusters that cannot be matched at all: the piece is one glyph. */
    private wholePiece(piece: string, run: GlyphRunLike): DrawnGlyph[] {
      if (!this.outlineOf || run.glyphs.length > MAX_CLUSTER_PARTS || run.glyphs.length === 0) return this.textPerGlyph(piece, run);
      return [this.clusterGlyph(run.glyphs, run.positions, piece)];
    }

    /** One composite glyph for a cluster's glyphs, placed as shaping placed them. */
    private clusterGlyph(glyphs: readonly FontkitGlyph[], positions: readonly FontkitPosition[], text: string): DrawnGlyph {
      const toUnits = (v: number): number => Math.round(v / this.scale);
      const parts: PlacedGlyph[] = [];
      let pen = 0;
      glyphs.forEach((g, i) => {
        const p = positions[i] as FontkitPosition;
        parts.push({ glyphID: g.id, dx: pen + toUnits(p.xOffset), dy: toUnits(p.yOffset) });
        pen += toUnits(p.xAdvance);
      });
      const key = `${parts.map((p) => `${p.glyphID}:${p.dx}:${p.dy}`).join(",")}/${pen}`;
      let id = this.caches.clusters.get(key);
      if (id === undefined) {
        id = this.caches.nextClusterId++;
        this.caches.outlines.set(id, clusterOutline(parts, pen, this.outlineOf as (gid: number) => OutlineRecord));
        this.caches.clusters.set(key, id);
      }
      const advance = pen * this.scale;
      return { glyph: { id, advanceWidth: pen }, position: { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance }, text };
    }

    /** Without cluster glyphs: the face's glyphs, the text spread over them by glyphTexts. */
    private textPerGlyph(piece: string, run: GlyphRunLike): DrawnGlyph[] {
      const texts = glyphTexts(
        piece,
        run.positions.map((p) => p.xAdvance),
        (cluster) => this.shaped(cluster).run.glyphs.length,
      );
      return run.glyphs.map((glyph, i) => ({ glyph, position: run.positions[i] as FontkitPosition, text: texts[i] ?? "" }));
    }

    private subsetGlyph(glyph: FontkitGlyph, text: string): number {
      let byText = this.subsetIds.get(glyph.id);
      const known = byText?.get(text);
      if (known !== undefined) return known;
      let gid = this.subset.includeGlyph(glyph.id);
      if (this.unicode[gid] !== undefined) {
        // Same outline, different text: give it its own glyph id.
        this.subset.glyphs.push(glyph.id);
        gid = this.subset.glyphs.length - 1;
      }
      this.widths[gid] = glyph.advanceWidth * this.scale;
      this.unicode[gid] = codePointsOf(text);
      if (!byText) {
        byText = new Map();
        this.subsetIds.set(glyph.id, byText);
      }
      byText.set(text, gid);
      return gid;
    }
  }
  return FaithfulFont;
}
