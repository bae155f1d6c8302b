/**
 * Line ends of a PDF that wrap one paragraph (not the end of one paragraph
 * meeting the start of the next), and those that fall inside a word of a
 * given list.
 */
import type { Segment } from "./pdf-text.js";
import { nextLinePairs, squash } from "./pdf-text.js";
import { readFileSync } from "node:fs";
import { THAI_WORDS_FILE } from "../../src/thai/data/thai-words.js";

/** Characters each side of a line end that must stand together in one paragraph of the model for it to be a wrap. */
const CONTEXT = 6;

export interface Wrap {
  /** The line before the wrap, whitespace removed. */
  readonly before: string;
  /** The line after it, whitespace removed. */
  readonly after: string;
}

/** The wraps among the PDF's consecutive lines: their join stands in one paragraph of the document. */
export function wrapsOf(segments: readonly Segment[], paragraphs: readonly string[]): Wrap[] {
  const squashed = paragraphs.map(squash);
  return nextLinePairs(segments)
    .map(([a, b]) => ({ before: squash(a.text), after: squash(b.text) }))
    .filter((w) => w.before !== "" && w.after !== "")
    .filter((w) => {
      const around = w.before.slice(-CONTEXT) + w.after.slice(0, CONTEXT);
      return squashed.some((p) => p.includes(around));
    });
}

/** The wraps that cut a listed word, each once with the longest word it cuts, as "ได้จัด|ทำรายงาน (จัดทำ)". */
export function cutsInside(wraps: readonly Wrap[], words: readonly string[]): string[] {
  const cuts: string[] = [];
  for (const w of wraps) {
    const cut = words.filter((word) => cutsWord(w, word)).sort((a, b) => b.length - a.length)[0];
    if (cut !== undefined) cuts.push(`${w.before.slice(-10)}|${w.after.slice(0, 10)} (${cut})`);
  }
  return cuts;
}

/**
 * Words of the shipped dictionary that end in การ (มาตรการ, ดำเนินการ,
 * โครงการ …): "มาตรการ|บริหารงาน" ends a line between two words, though
 * "การบริหารงาน" can be read across it.
 */
const ENDS_IN_KAN = readFileSync(THAI_WORDS_FILE, "utf8").split("\n").filter((w) => w.length > 3 && w.endsWith("การ"));

function cutsWord(w: Wrap, word: string): boolean {
  for (let k = 1; k < word.length; k++) {
    if (!w.before.endsWith(word.slice(0, k)) || !w.after.startsWith(word.slice(k))) continue;
    const lead = w.before.slice(0, w.before.length - k);
    if (word.startsWith("การ") && ENDS_IN_KAN.some((e) => (lead + "การ").endsWith(e))) continue;
    return true;
  }
  return false;
}
