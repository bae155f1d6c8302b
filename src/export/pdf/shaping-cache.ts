/**
 * What FaithfulFont (faithful-font.ts) keeps per parsed face, for every
 * document of the process: shaped pieces, measured widths, outlines and
 * cluster glyph ids. A shaped word depends only on the face and the text,
 * and shaping is the slow part of an export.
 */
import { BoundedCache } from "./bounded-cache.js";
import type { FontkitGlyph, FontkitPosition, GlyphRunLike } from "./internals/fontkit.js";
import type { OutlineCache } from "./subset-glyphs.js";

/** How many entries each face keeps per cache (two generations: up to twice this). */
export interface ShapingCacheLimits {
  /** Shaped pieces (words, mostly). */
  readonly runs: number;
  /** Measured strings (pdfmake measures every word of every paragraph). */
  readonly widths: number;
  /** Shaped pieces that are numbers (isNumeral), kept apart from the words. */
  readonly numerals: number;
}

/**
 * Enough for the vocabulary of a national run. Numbers are the exception:
 * scores with two decimals, dates and counts are ten thousand different
 * pieces, most drawn by one organisation only; in the words' cache they were
 * 85 % of its entries (~1.4 KB each) and grew a worker's live heap through
 * the whole national run, never reaching the limit (bench/RESULTS.md,
 * "wip/mem"). A small cache of their own keeps the numbers every document
 * repeats (years, ๑๐๐, item numbers) and bounds the rest.
 */
export const DEFAULT_CACHE_LIMITS: ShapingCacheLimits = { runs: 20_000, widths: 20_000, numerals: 1_000 };

const DIGIT = /[0-9\u0E50-\u0E59]/;
const NOT_NUMERAL = /[^0-9\u0E50-\u0E59.,:%()/\- ]/;

/** A piece made of digits (Thai or Arabic) and the punctuation of numbers only, such as "๘๑.๐๔ " or "(๒๕๖๗)". */
export function isNumeral(piece: string): boolean {
  return DIGIT.test(piece) && !NOT_NUMERAL.test(piece);
}

/** Strings longer than this (whole lines) are measured from their cached pieces but not cached themselves. */
export const LONGEST_CACHED_WIDTH = 80;

/**
 * What a cached piece keeps of fontkit's GlyphRun: its glyphs, positions and
 * advance. The GlyphRun also holds the shaper's feature table, and each of
 * its GlyphPositions got advanceWidth from pdfkit after it was made (a
 * property stored out of the object, one more array per glyph); plain
 * objects with the same fields in the same order hold the same numbers in
 * less heap (a piece's entry 1.8 → 1.4 KB, bench/RESULTS.md "wip/mem").
 * pdfkit only reads positions, and copies one with for…in (word spacing):
 * the same keys in the same order.
 */
export function compactRun(run: GlyphRunLike): GlyphRunLike {
  const positions = run.positions.map((p): FontkitPosition => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: p.advanceWidth as number }));
  return { glyphs: run.glyphs, positions, advanceWidth: run.advanceWidth };
}

/** One glyph as it goes into the content stream: a face glyph or a cluster glyph, and the text it extracts as. */
export interface DrawnGlyph {
  readonly glyph: FontkitGlyph;
  readonly position: FontkitPosition;
  readonly text: string;
  /** The face's number for this glyph id and text (FaceCaches.slots): a document finds its subset glyph id by it. */
  readonly slot: number;
}

export interface ShapedPiece {
  readonly run: GlyphRunLike;
  /** fontkit's GlyphRun recomputes its advance on every read. */
  readonly advanceWidth: number;
  /** The glyphs that draw the piece, worked out when it is first drawn. */
  drawn?: readonly DrawnGlyph[];
}

export interface FaceCaches {
  readonly pieces: BoundedCache<string, ShapedPiece>;
  /** Shaped pieces that are numbers (isNumeral). */
  readonly numerals: BoundedCache<string, ShapedPiece>;
  readonly widths: BoundedCache<string, number>;
  readonly outlines: OutlineCache;
  /**
   * Cluster glyphs by their parts and advance → an id above the face's own
   * glyph ids (their outlines are in `outlines`). Bounded by the distinct
   * shaped clusters of a script, a few thousand for Thai.
   */
  readonly clusters: Map<string, number>;
  nextClusterId: number;
  /**
   * Glyph id → text → a small number of the face's own (DrawnGlyph.slot),
   * so that a document's subset glyph ids are an array read by it instead
   * of two map lookups per glyph drawn. Bounded as `clusters` is: by the
   * distinct glyphs and cluster texts a face draws.
   */
  readonly slots: Map<number, Map<string, number>>;
  nextSlot: number;
}

/** The slot of `glyphId` drawn as `text` in `caches`' face, given one the first time. */
export function slotOf(caches: FaceCaches, glyphId: number, text: string): number {
  let byText = caches.slots.get(glyphId);
  if (!byText) {
    byText = new Map();
    caches.slots.set(glyphId, byText);
  }
  let slot = byText.get(text);
  if (slot === undefined) {
    slot = caches.nextSlot++;
    byText.set(text, slot);
  }
  return slot;
}

/** A store of FaceCaches per parsed face (one store per FaithfulFont class). */
export function faceCacheStore(limits: ShapingCacheLimits): (face: { readonly numGlyphs: number }) => FaceCaches {
  const faces = new WeakMap<object, FaceCaches>();
  return (face) => {
    let caches = faces.get(face);
    if (!caches) {
      caches = {
        pieces: new BoundedCache(limits.runs),
        numerals: new BoundedCache(limits.numerals),
        widths: new BoundedCache(limits.widths),
        outlines: new Map(),
        clusters: new Map(),
        nextClusterId: face.numGlyphs,
        slots: new Map(),
        nextSlot: 0,
      };
      faces.set(face, caches);
    }
    return caches;
  };
}
