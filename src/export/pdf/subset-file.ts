/**
 * The TrueType file of a document's font subset, written directly, and kept
 * for the next document that draws the same glyphs.
 *
 * fontkit serialises a subset through its generic struct encoder
 * (restructure): it clones head, hhea and maxp, sizes every field, then
 * writes them one by one; that was as costly as deflating the file. Only
 * four things change between two subsets of one face: the glyf bytes, the
 * loca offsets, the hmtx metrics and the glyph count in hhea and maxp. The
 * rest (the table directory's order, head, cvt, prep, fpgm) is taken from a
 * file fontkit writes once per face, so the bytes are fontkit's: the same
 * table order, no padding between tables, checksums 0 as fontkit leaves
 * them.
 *
 * The file depends only on the face and the ordered glyph list (cluster
 * glyph ids are never reused for another outline: shaping-cache.ts), so a
 * bounded cache keyed by that list hands back the very same bytes, and
 * stream-memo.ts then skips deflating them again.
 */
import { BoundedCache } from "./bounded-cache.js";
import { faceMaxp, fontkitReferenceFile, replaceSubsetEncoding, subsetGlyphTables, type SubsetGlyphTables, type TtfSubset } from "./internals/fontkit.js";
import { rememberDeflate } from "./stream-memo.js";

/** Subset files by glyph list, per face: two generations of this many (a few tens of KiB each). */
export const SUBSET_FILES_KEPT = 16;

/** Where the glyph count sits in hhea (numberOfMetrics) and maxp (numGlyphs). */
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;
const DIRECTORY_HEADER = 12;
const TABLE_ENTRY = 16;

/** A face's tables as fontkit writes them, in file order; null bytes for the three written per subset. */
interface Layout {
  readonly header: Uint8Array;
  readonly tables: ReadonlyArray<{ readonly tag: string; readonly bytes: Uint8Array | null }>;
}

interface FaceFiles {
  readonly layout: Layout;
  /** The maxp limits makeRoomForClusters raises, when the layout was read: a change means reading it again. */
  readonly limits: string;
  readonly files: BoundedCache<string, Uint8Array>;
}

const perFace = new WeakMap<object, FaceFiles>();

/** Subset files written and taken from the cache in this process (for tests and benchmarks). */
export const subsetFileCounts = { written: 0, reused: 0 };
const VARIABLE = new Set(["glyf", "loca", "hmtx"]);

/** The table layout of a TrueType file fontkit wrote. */
export function readLayout(file: Uint8Array): Layout {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getUint16(4);
  const tables: Array<{ tag: string; bytes: Uint8Array | null }> = [];
  // writeSubsetFile lays the tables out one after the other in entry order, as fontkit does: check it did
  let next = DIRECTORY_HEADER + TABLE_ENTRY * count;
  for (let i = 0; i < count; i++) {
    const at = DIRECTORY_HEADER + TABLE_ENTRY * i;
    const tag = String.fromCharCode(...file.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset !== next) throw new Error(`subset file: table ${tag} at ${offset}, expected ${next}`);
    next += length;
    tables.push({ tag, bytes: VARIABLE.has(tag) ? null : file.slice(offset, offset + length) });
  }
  if (next !== file.length) throw new Error(`subset file: ${file.length - next} bytes after the tables`);
  if (!tables.some((t) => t.tag === "hhea") || !tables.some((t) => t.tag === "maxp")) throw new Error("subset file without hhea or maxp");
  return { header: file.slice(0, DIRECTORY_HEADER), tables };
}

/** The bytes of the glyph-dependent table `tag`. */
function variableTable(tag: string, t: SubsetGlyphTables): Uint8Array {
  if (tag === "glyf") {
    const out = new Uint8Array(t.locaOffsets[t.locaOffsets.length - 1] ?? 0);
    let at = 0;
    for (const g of t.glyf) {
      out.set(g, at);
      at += g.length;
    }
    return out;
  }
  if (tag === "loca") {
    const short = t.locaVersion === 0;
    const out = new Uint8Array(t.locaOffsets.length * (short ? 2 : 4));
    const view = new DataView(out.buffer);
    // fontkit halves short offsets (>>> 1) and writes them as uint16
    t.locaOffsets.forEach((o, i) => (short ? view.setUint16(2 * i, o >>> 1) : view.setUint32(4 * i, o)));
    return out;
  }
  const out = new Uint8Array(4 * t.metrics.length);
  const view = new DataView(out.buffer);
  t.metrics.forEach((m, i) => {
    view.setUint16(4 * i, m.advance);
    view.setInt16(4 * i + 2, m.bearing);
  });
  return out;
}

/** The TrueType file of a subset with glyph tables `t`, laid out as `layout`. */
export function writeSubsetFile(layout: Layout, t: SubsetGlyphTables): Uint8Array {
  const glyphs = t.glyf.length;
  const bodies = layout.tables.map(({ tag, bytes }) => {
    if (!bytes) return variableTable(tag, t);
    if (tag !== "hhea" && tag !== "maxp") return bytes;
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint16(tag === "hhea" ? HHEA_NUMBER_OF_METRICS : MAXP_NUM_GLYPHS, tag === "hhea" ? t.metrics.length : glyphs);
    return copy;
  });
  const start = DIRECTORY_HEADER + TABLE_ENTRY * bodies.length;
  const file = new Uint8Array(start + bodies.reduce((n, b) => n + b.length, 0));
  const view = new DataView(file.buffer);
  file.set(layout.header, 0);
  let at = start;
  bodies.forEach((body, i) => {
    const entry = DIRECTORY_HEADER + TABLE_ENTRY * i;
    const tag = layout.tables[i]?.tag ?? "";
    for (let k = 0; k < 4; k++) file[entry + k] = tag.charCodeAt(k);
    // checksum left 0, as fontkit leaves it
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, body.length);
    file.set(body, at);
    at += body.length;
  });
  return file;
}

function faceFiles(subset: TtfSubset & { readonly font: object }): FaceFiles | null {
  const maxp = faceMaxp(subset);
  const limits = `${maxp?.maxComponentDepth},${maxp?.maxComponentElements}`;
  const known = perFace.get(subset.font);
  if (known && known.limits === limits) return known;
  const reference = fontkitReferenceFile(subset);
  if (!reference) return null;
  const entry: FaceFiles = { layout: readLayout(reference), limits, files: new BoundedCache(SUBSET_FILES_KEPT) };
  perFace.set(subset.font, entry);
  return entry;
}

/**
 * Makes a plain TrueType `subset` write its file here (writeSubsetFile) and
 * take it from the face's cache when an earlier document drew the same
 * glyph list. Returns false, and leaves the subset to fontkit, otherwise.
 */
export function useFastSubsetFile(subset: TtfSubset): boolean {
  return replaceSubsetEncoding(subset, (s) => {
    const face = faceFiles(s as TtfSubset & { readonly font: object });
    if (!face) throw new Error("subset file: not a plain TrueType face");
    // the list before encoding: the components it pulls in follow from it
    const key = s.glyphs.join(",");
    const cached = face.files.get(key);
    if (cached) {
      subsetFileCounts.reused++;
      return cached;
    }
    subsetFileCounts.written++;
    const file = writeSubsetFile(face.layout, subsetGlyphTables(s));
    face.files.set(key, file);
    rememberDeflate(file);
    return file;
  });
}
