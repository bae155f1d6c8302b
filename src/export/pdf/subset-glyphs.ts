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
import { faceMaxp, replaceGlyphCopying, type Component, type OutlineRecord, type TtfSubset } from "./internals/fontkit.js";

export type { OutlineRecord } from "./internals/fontkit.js";

/** Outline records by glyph id, for one face (at most the face's glyph count). */
export type OutlineCache = Map<number, OutlineRecord>;

/**
 * Makes `subset` (a fontkit TTFSubset) take outlines from `cache`, and
 * returns the face's outline reader. Leaves other subsets (CFF fonts,
 * variable fonts) as they are and returns null: they cannot hold the
 * composite glyphs of clusterOutline().
 */
export function useOutlineCache(subset: TtfSubset, cache: OutlineCache): ((gid: number) => OutlineRecord) | null {
  return replaceGlyphCopying(subset, (gid, read) => {
    let record = cache.get(gid);
    if (!record) {
      record = read(gid);
      cache.set(gid, record);
    }
    return record;
  });
}

/** A glyph of the face drawn at an offset (font units) inside a cluster glyph. */
export interface PlacedGlyph {
  readonly glyphID: number;
  readonly dx: number;
  readonly dy: number;
}

/** Composite-glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const MORE_COMPONENTS = 0x0020;

/** The most parts a cluster glyph has: raised into maxp so that rasterisers accept it. */
export const MAX_CLUSTER_PARTS = 32;

/**
 * One composite outline that draws `parts` where shaping put them, with the
 * given advance: a Thai cluster (น้ำ: no nu, nikhahit + mai tho, sara aa)
 * becomes one glyph, so its ToUnicode entry can be the cluster's whole text
 * and no glyph of it needs an empty or partial one. Bytes are glyf-table
 * bytes whose component ids are the face's ids; the subset renumbers them
 * as it does for the face's own composites.
 */
export function clusterOutline(parts: readonly PlacedGlyph[], advance: number, outlineOf: (gid: number) => OutlineRecord): OutlineRecord {
  if (parts.length === 0 || parts.length > MAX_CLUSTER_PARTS) throw new Error(`a cluster glyph has 1 to ${MAX_CLUSTER_PARTS} parts, not ${parts.length}`);
  const bytes = new Uint8Array(10 + 8 * parts.length);
  const view = new DataView(bytes.buffer);
  let box: [number, number, number, number] | undefined;
  const components: Component[] = [];
  parts.forEach((part, i) => {
    const record = outlineOf(part.glyphID);
    if (record.bytes.length >= 10) {
      const src = new DataView(record.bytes.buffer, record.bytes.byteOffset, 10);
      const b: [number, number, number, number] = [src.getInt16(2) + part.dx, src.getInt16(4) + part.dy, src.getInt16(6) + part.dx, src.getInt16(8) + part.dy];
      box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
    }
    const at = 10 + 8 * i;
    view.setUint16(at, ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | (i < parts.length - 1 ? MORE_COMPONENTS : 0));
    view.setUint16(at + 2, part.glyphID);
    view.setInt16(at + 4, part.dx);
    view.setInt16(at + 6, part.dy);
    components.push({ glyphID: part.glyphID, pos: at + 2 });
  });
  const [xMin, yMin, xMax, yMax] = box ?? [0, 0, 0, 0];
  view.setInt16(0, -1);
  view.setInt16(2, xMin);
  view.setInt16(4, yMin);
  view.setInt16(6, xMax);
  view.setInt16(8, yMax);
  return { bytes, components, advance, bearing: xMin };
}

/**
 * Lets the face's subsets hold cluster glyphs: one more level of component
 * nesting (a cluster glyph's parts may be composites) and up to
 * MAX_CLUSTER_PARTS components. fontkit copies the face's maxp into each
 * subset, and FreeType rejects composites deeper than maxp says.
 */
export function makeRoomForClusters(subset: TtfSubset): void {
  const maxp = faceMaxp(subset);
  if (!maxp || roomy.has(maxp)) return;
  maxp.maxComponentDepth = (maxp.maxComponentDepth ?? 1) + 1;
  maxp.maxComponentElements = Math.max(maxp.maxComponentElements ?? 0, MAX_CLUSTER_PARTS);
  roomy.add(maxp);
}

const roomy = new WeakSet<object>();
