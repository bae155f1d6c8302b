/**
 * A pdfkit font whose text extracts exactly as it was typed, draws no glyph
 * for the zero-width space we use as a line-break opportunity, and shapes
 * Thai and non-Thai text as separate runs.
 *
 * Why a subclass of pdfkit's EmbeddedFont:
 * - Stock pdfkit writes each subset glyph's ToUnicode entry from fontkit's
 *   `glyph.codePoints`. Sarabun decomposes ำ (U+0E33) into nikhahit + sara aa,
 *   and fontkit caches Glyph objects by id, so the sara aa glyph reports "า"
 *   (or nothing) depending on which text came first: กำหนด extracts as
 *   "กำาหนด". Here each grapheme cluster's text goes to the first glyph drawn
 *   for it and the cluster's other glyphs map to nothing; when one glyph id
 *   needs two different texts, the subset gets a second copy of the outline.
 * - pdfmake breaks lines only where the `linebreak` package allows, which
 *   never happens between two Thai letters. We insert U+200B there; Sarabun
 *   has no glyph for it (it would draw .notdef), so layout drops it.
 * - fontkit chooses one script per string, so "Q&Aของ" would be shaped as
 *   Latin and lose Thai mark positioning.
 */

export const ZWSP = "\u200B";
const ZWSP_ALL = /\u200B/g;

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

const THAI = /[\u0E00-\u0E7F]/;

/**
 * Cut text into the pieces fontkit should shape alone: after each space or
 * tab (as pdfkit does) and wherever the text switches between Thai and
 * anything else. Script-neutral characters (spaces, digits, punctuation) stay
 * with the run they follow.
 */
export function shapingPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let thaiRun: boolean | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const isThai = THAI.test(ch);
    const isLetter = isThai || /\p{L}/u.test(ch);
    if (isLetter) {
      if (thaiRun !== undefined && thaiRun !== isThai && i > start) {
        pieces.push(text.slice(start, i));
        start = i;
      }
      thaiRun = isThai;
    }
    if (ch === " " || ch === "\t") {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
      thaiRun = undefined;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * The text each glyph of `piece` stands for, given each glyph's advance.
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

function codePointsOf(text: string): number[] {
  return Array.from(text, (c) => c.codePointAt(0) as number);
}

export function makeFaithfulFontClass(Base: EmbeddedFontClass): EmbeddedFontClass {
  class FaithfulFont extends Base {
    /** `${glyph id}\u0000${text}` → subset glyph id. */
    private readonly subsetIds = new Map<string, number>();

    override layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRunLike {
      const clean = text.replace(ZWSP_ALL, "");
      const pieces = shapingPieces(clean);
      if (pieces.length <= 1) return super.layout(clean, features, onlyWidth);
      let glyphs: FontkitGlyph[] = [];
      let positions: FontkitPosition[] = [];
      let advanceWidth = 0;
      for (const piece of pieces) {
        const run = super.layout(piece, features, onlyWidth);
        if (!onlyWidth) {
          glyphs = glyphs.concat(run.glyphs);
          positions = positions.concat(run.positions);
        }
        advanceWidth += run.advanceWidth;
      }
      return { glyphs, positions, advanceWidth };
    }

    override encode(text: string, features?: unknown): [string[], FontkitPosition[]] {
      const encoded: string[] = [];
      const positions: FontkitPosition[] = [];
      for (const piece of shapingPieces(text.replace(ZWSP_ALL, ""))) {
        const run = features ? this.layoutRun(piece, features) : this.layoutCached(piece);
        const texts = glyphTexts(
          piece,
          run.positions.map((p) => p.xAdvance),
          (cluster) => this.layoutCached(cluster).glyphs.length,
        );
        run.glyphs.forEach((glyph, i) => {
          const gid = this.subsetGlyph(glyph, texts[i] ?? "");
          encoded.push(`0000${gid.toString(16)}`.slice(-4));
          positions.push(run.positions[i] as FontkitPosition);
        });
      }
      return [encoded, positions];
    }

    private subsetGlyph(glyph: FontkitGlyph, text: string): number {
      const key = `${glyph.id}\u0000${text}`;
      const known = this.subsetIds.get(key);
      if (known !== undefined) return known;
      let gid = this.subset.includeGlyph(glyph.id);
      if (this.unicode[gid] !== undefined) {
        // Same outline, different text: give it its own glyph id.
        this.subset.glyphs.push(glyph.id);
        gid = this.subset.glyphs.length - 1;
      }
      this.widths[gid] = glyph.advanceWidth * this.scale;
      this.unicode[gid] = codePointsOf(text);
      this.subsetIds.set(key, gid);
      return gid;
    }
  }
  return FaithfulFont;
}
