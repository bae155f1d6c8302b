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
 *
 * The jobs live beside this file: text-pieces.ts (where text is cut for
 * shaping), cluster-map.ts (clusters → glyphs → ToUnicode text),
 * shaping-cache.ts (the per-face caches), subset-glyphs.ts (cluster
 * outlines in the subset); pdfkit's and fontkit's members are declared in
 * internals/. This file is the subclass that ties them together.
 */
import { clusterSpans, codePointsOf, hex4, placeCluster } from "./cluster-map.js";
import type { FontkitFace, FontkitGlyph, FontkitPosition, GlyphRunLike } from "./internals/fontkit.js";
import type { EmbeddedFontClass } from "./internals/pdfkit.js";
import { compactRun, DEFAULT_CACHE_LIMITS, faceCacheStore, isNumeral, LONGEST_CACHED_WIDTH, slotOf, type DrawnGlyph, type FaceCaches, type ShapedPiece, type ShapingCacheLimits } from "./shaping-cache.js";
import { useFastSubsetFile } from "./subset-file.js";
import { clusterOutline, makeRoomForClusters, MAX_CLUSTER_PARTS, useOutlineCache, type OutlineRecord } from "./subset-glyphs.js";
import { glyphTexts, pieceEnd, pieceStart } from "./text-pieces.js";

const NO_GLYPHS: readonly never[] = [];

/**
 * A piece's subset glyph ids (hex, as in the content stream) and its drawn
 * glyphs (their positions): the ids joined when the piece is plain (no
 * glyph needs a position of its own), else one by one.
 */
interface EncodedPiece {
  /** Null when `plain` holds the ids (4 hex digits each). */
  readonly hex: readonly string[] | null;
  readonly drawn: readonly DrawnGlyph[];
  readonly plain: string | null;
}

/** The ids of a plain piece, gathered for one join (encodePiece does not re-enter itself). */
const idsToJoin: string[] = [];

/**
 * A glyph that pdfkit's _fragment writes with no operator of its own: no
 * offset (a Tm) and an advance equal to its width (no TJ adjustment). The
 * same tests as pdfkit's, including NaN for a missing advanceWidth.
 */
const isPlain = (p: FontkitPosition): boolean => !(p.xOffset || p.yOffset) && p.xAdvance - (p.advanceWidth as number) === 0;

export function makeFaithfulFontClass(Base: EmbeddedFontClass, limits: ShapingCacheLimits = DEFAULT_CACHE_LIMITS): EmbeddedFontClass {
  /** Per parsed face (fontkit font object), shared by every document and by the measuring fonts. */
  const cachesOf = faceCacheStore(limits);

  class FaithfulFont extends Base {
    /**
     * DrawnGlyph.slot → this document's subset glyph id + 1 (0: none yet):
     * the glyph id and text a slot stands for get one subset glyph id per
     * document, given the first time (subsetGlyph).
     */
    private subsetIds: Int32Array;
    /**
     * This document's pieces drawn so far → their subset glyph ids (hex, as
     * in the content stream) and drawn glyphs: a plain word drawn again costs
     * one string join, not a subset lookup per glyph. Per document, so it dies with it;
     * the ids are the ones subsetGlyph gave the first time, as it would again.
     */
    private readonly encodedPieces = new Map<string, EncodedPiece>();
    private readonly caches: FaceCaches;
    /** The face's outlines, or null when its subsets cannot hold cluster glyphs (not plain TrueType). */
    private readonly outlineOf: ((gid: number) => OutlineRecord) | null;

    constructor(document: unknown, font: FontkitFace, id: string) {
      super(document, font, id);
      const caches = cachesOf(font);
      this.caches = caches;
      // room for the slots the face has given so far: most of what this document draws
      this.subsetIds = new Int32Array(caches.nextSlot + 256);
      this.outlineOf = useOutlineCache(this.subset, caches.outlines);
      // before any subset of the face is written, whether or not it draws a cluster glyph: equal bytes cold or warm
      if (this.outlineOf) makeRoomForClusters(this.subset);
      if (this.outlineOf) useFastSubsetFile(this.subset);
    }

    private shaped(piece: string): ShapedPiece {
      const cache = isNumeral(piece) ? this.caches.numerals : this.caches.pieces;
      const known = cache.get(piece);
      if (known) return known;
      const run = compactRun(this.layoutRun(piece));
      const shaped: ShapedPiece = { run, advanceWidth: run.advanceWidth };
      cache.set(piece, shaped);
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
      for (let at = pieceStart(text, 0), end = 0; at < text.length; at = pieceStart(text, end)) {
        end = pieceEnd(text, at);
        width += this.shaped(text.slice(at, end)).advanceWidth;
      }
      if (cacheable) this.caches.widths.set(text, width);
      return width;
    }

    override layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRunLike {
      if (onlyWidth && !features) return { glyphs: NO_GLYPHS, positions: NO_GLYPHS, advanceWidth: this.advanceOf(text) };
      const glyphs: FontkitGlyph[] = [];
      const positions: FontkitPosition[] = [];
      let advanceWidth = 0;
      for (let at = pieceStart(text, 0), end = 0; at < text.length; at = pieceStart(text, end)) {
        end = pieceEnd(text, at);
        const piece = text.slice(at, end);
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
      for (let at = pieceStart(text, 0), end = 0; at < text.length; at = pieceStart(text, end)) {
        end = pieceEnd(text, at);
        const piece = text.slice(at, end);
        const known = features ? this.encodePiece(piece, features) : this.encodedPiece(piece);
        if (known.hex) for (const h of known.hex) encoded.push(h);
        else for (let i = 0; i < (known.plain as string).length; i += 4) encoded.push((known.plain as string).slice(i, i + 4));
        for (const d of known.drawn) positions.push(d.position);
      }
      return [encoded, positions];
    }

    /**
     * The content-stream hex of `text` when no glyph of it needs a position
     * of its own (the TJ array is then just this string), else null. Encodes
     * the pieces in the order encode() would, so a caller that falls back to
     * encode() on null gives the subset the same glyph ids.
     */
    plainHex(text: string): string | null {
      let hex = "";
      for (let at = pieceStart(text, 0), end = 0; at < text.length; at = pieceStart(text, end)) {
        end = pieceEnd(text, at);
        const known = this.encodedPiece(text.slice(at, end));
        if (known.plain === null) return null;
        hex += known.plain;
      }
      return hex;
    }

    /** A piece drawn without font features, encoded once per document. */
    private encodedPiece(piece: string): EncodedPiece {
      let known = this.encodedPieces.get(piece);
      if (!known) {
        known = this.encodePiece(piece, undefined);
        this.encodedPieces.set(piece, known);
      }
      return known;
    }

    private encodePiece(piece: string, features: unknown): EncodedPiece {
      let drawn: readonly DrawnGlyph[];
      if (features) {
        drawn = this.drawnGlyphs(piece, this.layoutRun(piece, features));
      } else {
        const shaped = this.shaped(piece);
        drawn = shaped.drawn ??= this.drawnGlyphs(piece, shaped.run);
      }
      // the subset ids are given in the drawn order either way: the order decides the subset
      let plain = true;
      for (const d of drawn) if (!isPlain(d.position)) plain = false;
      if (!plain) return { hex: drawn.map((d) => hex4(this.subsetGlyph(d))), drawn, plain: null };
      idsToJoin.length = 0;
      for (const d of drawn) idsToJoin.push(hex4(this.subsetGlyph(d)));
      return { hex: null, drawn, plain: idsToJoin.join("") };
    }

    /** The glyphs that draw `piece` (shaped as `run`): one per grapheme cluster (cluster-map.ts clusterSpans). */
    private drawnGlyphs(piece: string, run: GlyphRunLike): DrawnGlyph[] {
      const { glyphs, positions } = run;
      const clusters = clusterSpans(
        piece,
        glyphs.map((g) => g.id),
        (segment) => this.shaped(segment).run.glyphs.map((g) => g.id),
      );
      if (!clusters) return this.wholePiece(piece, run);
      if (!this.outlineOf || clusters.some(([start, stop]) => stop - start > MAX_CLUSTER_PARTS)) return this.textPerGlyph(piece, run);
      return clusters.map(([start, stop, text]) =>
        stop - start === 1
          ? this.drawnGlyph(glyphs[start] as FontkitGlyph, positions[start] as FontkitPosition, text)
          : this.clusterGlyph(glyphs.slice(start, stop), positions.slice(start, stop), text),
      );
    }

    private drawnGlyph(glyph: FontkitGlyph, position: FontkitPosition, text: string): DrawnGlyph {
      return { glyph, position, text, slot: slotOf(this.caches, glyph.id, text) };
    }

    /** Glyphs and clusters that cannot be matched at all: the piece is one glyph. */
    private wholePiece(piece: string, run: GlyphRunLike): DrawnGlyph[] {
      if (!this.outlineOf || run.glyphs.length > MAX_CLUSTER_PARTS || run.glyphs.length === 0) return this.textPerGlyph(piece, run);
      return [this.clusterGlyph(run.glyphs, run.positions, piece)];
    }

    /** One composite glyph for a cluster's glyphs, placed as shaping placed them. */
    private clusterGlyph(glyphs: readonly FontkitGlyph[], positions: readonly FontkitPosition[], text: string): DrawnGlyph {
      const { parts, pen, key } = placeCluster(glyphs, positions, this.scale);
      let id = this.caches.clusters.get(key);
      if (id === undefined) {
        id = this.caches.nextClusterId++;
        this.caches.outlines.set(id, clusterOutline(parts, pen, this.outlineOf as (gid: number) => OutlineRecord));
        this.caches.clusters.set(key, id);
      }
      const advance = pen * this.scale;
      return this.drawnGlyph({ id, advanceWidth: pen }, { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance }, text);
    }

    /** Without cluster glyphs: the face's glyphs, the text spread over them by glyphTexts. */
    private textPerGlyph(piece: string, run: GlyphRunLike): DrawnGlyph[] {
      const texts = glyphTexts(
        piece,
        run.positions.map((p) => p.xAdvance),
        (cluster) => this.shaped(cluster).run.glyphs.length,
      );
      return run.glyphs.map((glyph, i) => this.drawnGlyph(glyph, run.positions[i] as FontkitPosition, texts[i] ?? ""));
    }

    private subsetGlyph(drawn: DrawnGlyph): number {
      const slot = drawn.slot;
      if (slot >= this.subsetIds.length) {
        const grown = new Int32Array(Math.max(2 * this.subsetIds.length, slot + 1));
        grown.set(this.subsetIds);
        this.subsetIds = grown;
      }
      const known = this.subsetIds[slot] as number;
      if (known !== 0) return known - 1;
      const { glyph, text } = drawn;
      let gid = this.subset.includeGlyph(glyph.id);
      if (this.unicode[gid] !== undefined) {
        // Same outline, different text: give it its own glyph id.
        this.subset.glyphs.push(glyph.id);
        gid = this.subset.glyphs.length - 1;
      }
      this.widths[gid] = glyph.advanceWidth * this.scale;
      this.unicode[gid] = codePointsOf(text);
      this.subsetIds[slot] = gid + 1;
      return gid;
    }
  }
  return FaithfulFont;
}
