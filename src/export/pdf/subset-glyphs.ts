/**
 * Faster TrueType subsetting for fonts that every document embeds again.
 *
 * fontkit's TTFSubset copies each used glyph's outline into the subset, and
 * to find the parts of a composite glyph it fully decodes every outline
 * (all points) of every document; that was a sixth of an export. The bytes,
 * components and metrics of an outline depend only on the face, so they are
 * read once per face and the subset is built from them; the output bytes are
 * the same as fontkit's.
 */

interface Component {
  readonly glyphID: number;
  /** Byte offset of the component's glyph id inside the outline. */
  readonly pos: number;
}

/** One outline of a face, as the subset needs it. */
export interface OutlineRecord {
  readonly bytes: Uint8Array;
  readonly components: readonly Component[] | null;
  readonly advance: number;
  readonly bearing: number;
}

/** Outline records by glyph id, for one face (at most the face's glyph count). */
export type OutlineCache = Map<number, OutlineRecord>;

/** The parts of fontkit's (unexported) TTFSubset and TTFFont that this reads or replaces. */
interface FontkitTtfFont {
  readonly loca: { readonly offsets: readonly number[] };
  readonly _variationProcessor?: unknown;
  getGlyph(id: number): {
    readonly advanceWidth: number;
    _decode(): { readonly numberOfContours: number; readonly components?: readonly Component[] } | null;
    _getMetrics(): { readonly leftBearing: number };
  };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}

interface TtfSubsetInternals {
  readonly font: FontkitTtfFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(gid: number): number;
}

function readOutline(font: FontkitTtfFont, gid: number): OutlineRecord {
  const glyph = font.getGlyph(gid);
  const decoded = glyph._decode();
  const start = font.loca.offsets[gid] ?? 0;
  const end = font.loca.offsets[gid + 1] ?? start;
  const stream = font._getTableStream("glyf");
  stream.pos += start;
  // a copy: the subset keeps it across documents, the font's buffer may be reused
  const bytes = new Uint8Array(stream.readBuffer(end - start));
  const components = decoded && decoded.numberOfContours < 0 ? [...(decoded.components ?? [])].map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/**
 * Makes `subset` (a fontkit TTFSubset) take outlines from `cache`. Leaves
 * other subsets (CFF fonts, variable fonts) as they are.
 */
export function useOutlineCache(subset: unknown, cache: OutlineCache): void {
  const s = subset as Partial<TtfSubsetInternals>;
  if (typeof s._addGlyph !== "function" || !s.font || typeof s.font.loca?.offsets === "undefined" || s.font._variationProcessor) return;
  const font = s.font;
  const ttf = subset as TtfSubsetInternals;
  ttf._addGlyph = (gid: number): number => {
    let record = cache.get(gid);
    if (!record) {
      record = readOutline(font, gid);
      cache.set(gid, record);
    }
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
}
