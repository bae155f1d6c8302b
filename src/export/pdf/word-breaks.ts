/**
 * pdfmake's TextBreaker.getBreaks (0.3.11) for the text nodes itadoc makes,
 * without getBreaks' copies per item, and with the words of the last few
 * texts kept (KEPT_TEXTS below: keeping thousands, for the texts a run
 * repeats, cost CPU on the national set and on 100 organisations).
 *
 * Only the plain case is taken here: every item a string or an inline
 * object with a string `text`, no style name, no `wordBreak: break-all`
 * and no `noWrap` on an item or on the stack; text-measure.ts gives any
 * other node to pdfmake's own buildInlines. For those nodes pdfmake's
 * splitWords is linebreak's breaks, a required break or a trailing line
 * feed ending a line (what `split` returns), and getBreaks copies each
 * item's own fields but `text` onto its words and marks the last word of an
 * item `noNewLine` when it and the next item's first word make one word.
 */
import { BoundedCache } from "./bounded-cache.js";

/** A word of a text as pdfmake's splitWords cuts it (its text without the line feed, and whether a line ends after it). */
export interface BrokenWord {
  readonly text: string;
  readonly lineEnd: boolean;
}

/** pdfmake's splitWords(text, noWrap = false, breakAll = false). */
export type SplitWords = (text: string) => readonly BrokenWord[];

/** A word of a text node as getBreaks hands it to measure(): `text`, then `lineEnd`, then the item's other own fields. */
export type BreakResult = { text: string; lineEnd?: true; noNewLine?: boolean } & Record<string, unknown>;

/**
 * Texts whose words are kept, two generations. 4,000 (as many as thai-wrap.ts
 * keeps marked paragraphs) held ~20 MB per thread, and on the national set it
 * cost more than it saved: 2 took 0.82 and 0.93 of its CPU in two alternated
 * national runs (bench/RESULTS.md, "Merged main at the end of stop 22"), and
 * workers were replaced less often. Measured again once cached strings were
 * copies of their own (wip/text): 1,000–4,000 texts split from such
 * copies hit 83–87 % of the texts and held 1–6 MB; with each kept text's
 * word advances beside them (no width lookup per word for a text seen
 * again) 2,000 still made a measures PDF 5–10 % slower in fresh processes
 * on 100 organisations and 1–2 % in one process on 600 (bench/RESULTS.md,
 * "wip/text").
 */
const KEPT_TEXTS = 2;

/**
 * `split` with the words of each text kept (bounded). The arrays are shared:
 * callers only read them (the types say readonly). `split` must return new
 * word objects of its own (internals/pdfmake.ts splitPlainWords makes them from linebreak's breaks):
 * they are kept as they come, not copied and frozen again, since nearly
 * every text is split anew with this bound (the copies were 2 % of a
 * measures PDF's allocation, bench/RESULTS.md "wip/pdf2").
 */
export function keptSplitWords(split: SplitWords, limit = KEPT_TEXTS): SplitWords {
  const kept = new BoundedCache<string, readonly BrokenWord[]>(limit);
  // get, then set: getOrSet would take a new closure per text measured
  return (text) => {
    let words = kept.get(text);
    if (words === undefined) {
      words = split(text);
      kept.set(text, words);
    }
    return words;
  };
}

/**
 * getBreaks' walk over a plain node's items: `visit` gets each item's words
 * (split), the item and its index, and whether the last word of the item
 * before and this item's first word make one word (getBreaks then marks
 * that last word noNewLine).
 */
export function eachItemWords(items: readonly unknown[], split: SplitWords, visit: (words: readonly BrokenWord[], item: unknown, index: number, joinsPrevious: boolean) => void): void {
  let lastWord: string | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const words = split(typeof item === "string" ? item : (item as { text: string }).text);
    // getFirstWord / getLastWord and the join test of getBreaks; splitWords never gives no words
    const joins = !!lastWord && words.length > 0 && split(lastWord + (words[0] as BrokenWord).text).length === 1;
    visit(words, item, i, joins);
    const last = words[words.length - 1];
    lastWord = i + 1 < items.length && last && !last.lineEnd ? last.text : null;
  }
}

/**
 * The items' words with getBreaks' fields, for items of the plain case (the
 * caller has checked it). Same words, same fields in the same order.
 */
export function breakItems(items: readonly unknown[], split: SplitWords): BreakResult[] {
  const results: BreakResult[] = [];
  eachItemWords(items, split, (words, item, _i, joinsPrevious) => {
    if (joinsPrevious) (results[results.length - 1] as BreakResult).noNewLine = true;
    for (const word of words) {
      const result: BreakResult = { text: word.text };
      if (word.lineEnd) result.lineEnd = true;
      if (typeof item !== "string") {
        const own = item as Record<string, unknown>;
        for (const key in own) if (key !== "text" && Object.prototype.hasOwnProperty.call(own, key)) result[key] = own[key];
      }
      results.push(result);
    }
  });
  return results;
}

const isValue = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Whether `items` (a node's flattened text) is the plain case, given the
 * stack's own `noWrap` and `wordBreak` (top entry with a value, else the
 * default style's: pdfmake's getProperty without named styles).
 */
export function isPlainBreak(items: readonly unknown[], stackNoWrap: unknown, stackWordBreak: unknown): boolean {
  if (stackNoWrap || stackWordBreak === "break-all") return false;
  for (const item of items) {
    if (typeof item === "string") continue;
    if (typeof item !== "object" || item === null || Array.isArray(item) || item instanceof String) return false;
    const o = item as Record<string, unknown>;
    if (typeof o["text"] !== "string" || o["style"] !== undefined || o["_textRef"] !== undefined) return false;
    if (isValue(o["noWrap"]) ? o["noWrap"] : false) return false;
    if (isValue(o["wordBreak"]) && o["wordBreak"] === "break-all") return false;
  }
  return true;
}
