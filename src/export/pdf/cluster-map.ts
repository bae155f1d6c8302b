/**
 * Cluster → ToUnicode mapping for FaithfulFont (faithful-font.ts): which
 * glyphs of a shaped piece belong to which grapheme cluster, how a cluster
 * of several glyphs becomes one composite glyph, and the text each subset
 * glyph extracts as.
 */
import type { FontkitGlyph, FontkitPosition } from "./internals/fontkit.js";
import type { PlacedGlyph } from "./subset-glyphs.js";
import { graphemeClusters } from "./text-pieces.js";

/** Glyphs [start, end) of a run and the text they draw. */
export type ClusterSpan = readonly [start: number, end: number, text: string];

/**
 * The spans of `glyphIds` (a shaped piece) that draw each grapheme cluster
 * of `piece`. A cluster's glyphs are found by shaping it alone (`idsOf`) and
 * matching those glyph ids from both ends of the piece; where they do not
 * match (a ligature across clusters, as in "Office", or marks reordered
 * across them, as in น้ำ), the clusters in between share one span. Null when
 * glyphs and clusters cannot be matched at all.
 */
export function clusterSpans(piece: string, glyphIds: readonly number[], idsOf: (cluster: string) => readonly number[]): ClusterSpan[] | null {
  const alone: Array<{ readonly text: string; readonly ids: readonly number[] }> = [];
  for (const segment of graphemeClusters(piece)) {
    const ids = idsOf(segment);
    if (ids.length > 0) alone.push({ text: segment, ids });
  }
  const matches = (c: { readonly ids: readonly number[] }, at: number): boolean =>
    at >= 0 && at + c.ids.length <= glyphIds.length && c.ids.every((id, k) => glyphIds[at + k] === id);
  const head: ClusterSpan[] = [];
  let g = 0;
  let c = 0;
  while (c < alone.length && matches(alone[c]!, g)) {
    head.push([g, g + alone[c]!.ids.length, alone[c]!.text]);
    g += alone[c++]!.ids.length;
  }
  const tail: ClusterSpan[] = [];
  let end = glyphIds.length;
  let last = alone.length;
  while (last > c && matches(alone[last - 1]!, end - alone[last - 1]!.ids.length) && end - alone[last - 1]!.ids.length >= g) {
    end -= alone[--last]!.ids.length;
    tail.unshift([end, end + alone[last]!.ids.length, alone[last]!.text]);
  }
  const middle = alone.slice(c, last).map((x) => x.text).join("");
  const spans = [...head];
  if (end > g && middle.length > 0) spans.push([g, end, middle]);
  else if (end > g || middle.length > 0) return null;
  spans.push(...tail);
  return spans;
}

/** A cluster's glyphs as parts of one composite glyph (font units), its advance and its identity. */
export interface PlacedCluster {
  readonly parts: readonly PlacedGlyph[];
  /** Advance in font units. */
  readonly pen: number;
  /** Equal for clusters that draw the same. */
  readonly key: string;
}

/** Places `glyphs` where shaping put them (`positions`, in text-space units; `scale` = 1000 / unitsPerEm). */
export function placeCluster(glyphs: readonly FontkitGlyph[], positions: readonly FontkitPosition[], scale: number): PlacedCluster {
  const toUnits = (v: number): number => Math.round(v / scale);
  const parts: PlacedGlyph[] = [];
  let pen = 0;
  glyphs.forEach((g, i) => {
    const p = positions[i] as FontkitPosition;
    parts.push({ glyphID: g.id, dx: pen + toUnits(p.xOffset), dy: toUnits(p.yOffset) });
    pen += toUnits(p.xAdvance);
  });
  const key = `${parts.map((p) => `${p.glyphID}:${p.dx}:${p.dy}`).join(",")}/${pen}`;
  return { parts, pen, key };
}

/** Subset glyph ids as pdfkit writes them (4 hex digits), made once. */
const HEX4: string[] = [];
export function hex4(gid: number): string {
  return (HEX4[gid] ??= `0000${gid.toString(16)}`.slice(-4));
}

/** The code points of a ToUnicode entry. */
export function codePointsOf(text: string): number[] {
  // a loop, not Array.from(text, …): that walks the string iterator and calls back per character, ~8× slower
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i) as number;
    out.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return out;
}
