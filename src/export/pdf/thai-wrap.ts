/**
 * Runs → pdfmake inline text nodes whose only line-break opportunities are
 * the ones segmentThai allows.
 *
 * pdfmake breaks lines with the `linebreak` package (UAX #14), which treats
 * Thai as one unbreakable word; it then cuts a too-wide word by characters.
 * We insert U+200B (class ZW: break after) at every segmentThai boundary that
 * has no whitespace next to it. The font layer (faithful-font.ts) drops
 * U+200B, so it is neither drawn nor extracted.
 */
import type { Run } from "../../model/document.js";
import { fallbackBreaks, independentParts, segmentThai } from "../../thai/segment.js";
import { BoundedCache } from "./bounded-cache.js";
import { graphemeClusters, ZWSP } from "./text-pieces.js";

/**
 * A piece longer than this many code units cannot be a word (dictionary
 * words are at most 30, 34 with การ/ความ before them); it gets a break opportunity between every
 * grapheme so it fills lines instead of running off the page, and so that
 * pdfmake's character cutter (one full-text measure per probe) never sees it.
 */
const MONSTER_PIECE = 60;

export interface PdfInline {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly decoration?: "underline";
  readonly fontSize?: number;
}

/**
 * Paragraph texts already marked. Documents repeat theirs (template wording,
 * the same owner in every row, every year's headings); segmenting is about a
 * tenth of an export.
 */
const marked = new BoundedCache<string, string>(2_000);

/**
 * The same for the independent parts of paragraphs (segment.ts
 * independentParts: phrases between spaces). A paragraph seen for the
 * first time mostly repeats phrases of others (the organisation's name
 * differs, the template wording does not), so most of it is looked up
 * rather than segmented.
 */
const markedParts = new BoundedCache<string, string>(10_000);

/** Text with U+200B wherever a line may break and UAX #14 would not. */
export function withBreakOpportunities(text: string): string {
  let out = marked.get(text);
  if (out === undefined) {
    out = markByParts(text);
    marked.set(text, out);
  }
  return out;
}

/**
 * mark(text) from its independent parts: each part ends in white space, so
 * no U+200B goes between two parts and the marked parts join to the marked
 * text.
 */
function markByParts(text: string): string {
  const parts = independentParts(text);
  if (parts.length === 1) return mark(text);
  let out = "";
  for (const part of parts) out += markedParts.getOrSet(part, () => mark(part));
  return out;
}

const SPACE = /\s/;

/** Exported for the test that marking by parts gives what marking the whole does. */
export function mark(text: string): string {
  let out = "";
  for (const piece of segmentThai(text)) {
    if (out.length > 0 && !SPACE.test(out[out.length - 1] as string) && !SPACE.test(piece[0] as string)) out += ZWSP;
    if (piece.length > MONSTER_PIECE) {
      out += graphemeClusters(piece).join(ZWSP);
    } else {
      out += piece;
    }
  }
  return out;
}

/**
 * A paragraph's text with its break marks, segmented over the whole paragraph (cached by text in
 * withBreakOpportunities): what runsToInlines cuts into inlines and the table's height estimate measures.
 */
export function markedText(runs: readonly Run[]): string {
  return withBreakOpportunities(runs.length === 1 ? (runs[0] as Run).text : runs.map((r) => r.text).join(""));
}

/**
 * One paragraph's runs as pdfmake inlines. Segmentation runs over the whole
 * paragraph so a word split across two runs (bold prefix) keeps its context.
 */
export function runsToInlines(runs: readonly Run[], scale: number): PdfInline[] {
  const all = markedText(runs);
  const inlines: PdfInline[] = [];
  let at = 0; // position in `all`
  for (const run of runs) {
    const from = at;
    let consumed = 0;
    while (consumed < run.text.length && at < all.length) {
      if (all.charCodeAt(at) !== 0x200b) consumed++;
      at++;
    }
    // A break opportunity right at the end of this run belongs to it (so the
    // next run may start a line).
    while (all.charCodeAt(at) === 0x200b) at++;
    const text = all.slice(from, at);
    if (text.length === 0) continue;
    inlines.push({
      text,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.underline ? { decoration: "underline" as const } : {}),
      ...(run.sizePt !== undefined ? { fontSize: run.sizePt * scale } : {}),
    });
  }
  return inlines;
}

/** Trailing white space and break marks, which stay with the first part of a split piece. */
const TRAILING = /[\s\u200B]+$/;

/**
 * Where to cut a piece that is wider than a whole line (a long compound in a
 * narrow table cell), instead of pdfmake's cut after the last character that
 * fits (สาธา|รณะ): the last position of the best rank of fallbackBreaks whose
 * text before it `fits`. Undefined when no word boundary fits.
 */
export function overflowBreak(text: string, fits: (prefix: string) => boolean): number | undefined {
  const core = text.replace(TRAILING, "");
  for (const rank of fallbackBreaks(core)) {
    for (let k = rank.length - 1; k >= 0; k--) {
      const pos = rank[k]!;
      if (fits(text.slice(0, pos))) return pos;
    }
  }
  return undefined;
}
