/**
 * Text of a PDF through poppler. poppler missing is an error, never a skip.
 *
 * pdftotext's reading order interleaves table cells that sit side by side
 * (a line of the left cell, then a line of the right one), so a cell's text
 * is not contiguous in its output. pdfSegments() takes words in content
 * order with their positions (-raw -bbox) and cuts them into printed lines,
 * one piece per cell, and containsText() then finds a text as a chain of
 * such pieces.
 */
import { execFileSync } from "node:child_process";

export function pdfPageCount(path: string): number {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pdfinfo gave no page count for ${path}`);
  return pages;
}

/** One string per page, in pdftotext's reading order. */
export function pdfPages(path: string): string[] {
  return Array.from({ length: pdfPageCount(path) }, (_, i) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), path, "-"], { encoding: "utf8" }),
  );
}

/** pdftotext breaks Thai lines (no spaces between words) and cells anywhere: compare with all whitespace removed. */
export const squash = (s: string): string => s.replace(/\s+/g, "");

/** A piece of one printed line that lies in one table cell (or the whole line outside tables). */
export interface Segment {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Words further apart than this (points) belong to different cells: a space is about 2.5 pt, a cell edge with its padding about 9 pt. */
const CELL_GAP_PT = 6;

const unescape = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

const num = (attrs: string, name: string): number => Number(new RegExp(`${name}="([^"]+)"`).exec(attrs)?.[1]);

export function pdfSegments(path: string): Segment[] {
  // -raw keeps the content stream's order, which is the layout's: each cell's
  // lines one after another. pdftotext's reading order (-bbox-layout) regroups
  // lines into its own blocks, and with TH Sarabun's tall lines it may put a
  // cell's second line after the next row.
  const xml = execFileSync("pdftotext", ["-enc", "UTF-8", "-raw", "-bbox", path, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const segments: Segment[] = [];
  const pages = xml.split(/<page /).slice(1);
  pages.forEach((page, p) => {
    let current: { words: string[]; xMin: number; xMax: number; yMin: number; yMax: number } | undefined;
    const flush = (): void => {
      if (current) segments.push({ page: p + 1, text: current.words.join(" "), xMin: current.xMin, xMax: current.xMax, yMin: current.yMin, yMax: current.yMax });
      current = undefined;
    };
    for (const w of page.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)) {
      const attrs = w[1] ?? "";
      const box = { xMin: num(attrs, "xMin"), xMax: num(attrs, "xMax"), yMin: num(attrs, "yMin"), yMax: num(attrs, "yMax") };
      // a new printed line, or the same line in the next cell
      if (current && (Math.abs(box.yMin - current.yMin) > 1 || box.xMin - current.xMax > CELL_GAP_PT || box.xMin < current.xMax - 1)) flush();
      if (!current) current = { words: [], ...box };
      current.words.push(unescape(w[2] ?? ""));
      current.xMax = box.xMax;
      current.yMin = Math.min(current.yMin, box.yMin);
      current.yMax = Math.max(current.yMax, box.yMax);
    }
    flush();
  });
  return segments;
}

/** How many segments a text may skip between two of its pieces (the cells beside it). */
const WINDOW = 40;

/**
 * Is `text` printed, as whole segments in order, allowing other cells'
 * segments in between? The first piece may be the end of a segment and the
 * last the start of one (a text that shares its line with a label).
 */
export function containsText(segments: readonly Segment[], text: string): boolean {
  const want = squash(text);
  if (want.length === 0) return true;
  const segs = segments.map((s) => squash(s.text));
  const failed = new Set<string>();
  const rest = (from: number, done: number): boolean => {
    if (done === want.length) return true;
    const key = `${from}:${done}`;
    if (failed.has(key)) return false;
    const left = want.slice(done);
    for (let k = from; k < Math.min(segs.length, from + WINDOW); k++) {
      const s = segs[k]!;
      if (s.length === 0) continue;
      if (s.startsWith(left)) return true;
      if (left.startsWith(s) && rest(k + 1, done + s.length)) return true;
    }
    failed.add(key);
    return false;
  };
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.includes(want)) return true;
    // every end of this segment that starts the text
    for (let cut = Math.max(0, s.length - want.length); cut < s.length; cut++) {
      if (want.startsWith(s.slice(cut)) && rest(i + 1, s.length - cut)) return true;
    }
  }
  return false;
}

/**
 * Pairs of segments where the second continues the first on the next line
 * of the same column: it starts within a line height below and their
 * horizontal extents overlap.
 */
export function nextLinePairs(segments: readonly Segment[]): Array<readonly [Segment, Segment]> {
  const pairs: Array<readonly [Segment, Segment]> = [];
  segments.forEach((a, i) => {
    const b = segments.slice(i + 1, i + 1 + WINDOW).find(
      (s) => s.page === a.page && Math.abs(s.yMin - a.yMax) < 3 && s.xMin < a.xMax && s.xMax > a.xMin,
    );
    if (b) pairs.push([a, b]);
  });
  return pairs;
}
