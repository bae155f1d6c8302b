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
}

/**
 * Enough for the vocabulary of a national run; 4,000 measures PDFs with
 * different sentences each level off at about 40 MB of heap, all caches
 * included.
 */
export const DEFAULT_CACHE_LIMITS: ShapingCacheLimits = { runs: 20_000, widths: 20_000 };

/** Strings longer than this (whole lines) are measured from their cached pieces but not cached themselves. */
export const LONGEST_CACHED_WIDTH = 80;

/** One glyph as it goes into the content stream: a face glyph or a cluster glyph, and the text it extracts as. */
export interface DrawnGlyph {
  readonly glyph: FontkitGlyph;
  readonly position: FontkitPosition;
  readonly text: string;
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

/** A store of FaceCaches per parsed face (one store per FaithfulFont class). */
export function faceCacheStore(limits: ShapingCacheLimits): (face: { readonly numGlyphs: number }) => FaceCaches {
  const faces = new WeakMap<object, FaceCaches>();
  return (face) => {
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
    return caches;
  };
}
