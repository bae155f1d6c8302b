/**
 * The dictionary that joins what Intl.Segmenter('th') splits: PyThaiNLP's
 * word list (58,000 words, CC0; data/thai-words.txt), which holds the TLWG
 * standard and compound lists too. ICU's own Thai dictionary splits many of
 * these into their parts (จัด|ทำ, ตรวจ|สอบ, พื้น|ฐาน), which would allow a
 * line break in the middle of a word.
 *
 * The list is looked up where it lies, by binary search over its UTF-8 bytes
 * (sorted by code point, a word a line): no Set of 58,000 strings is built,
 * and a one-organisation build looks up a few hundred candidates. The file is
 * read on first use: a run that makes only DOCX never segments Thai and never
 * pays for it.
 */
import { readThaiWords } from "./data/thai-words.js";

/** Entries are 4 to 30 characters long (scripts/thai-words.mjs). */
export const LONGEST_WORD = 30;

export interface WordList {
  has(word: string): boolean;
}

const NEWLINE = 0x0a;

/**
 * `word` against the line bytes[start, end): negative when the word sorts first, 0 when equal.
 * Compares the word's code units with the line's code points, decoded on the way; both orders
 * agree because the list holds no character from U+D800 up (scripts/thai-words.mjs checks), and a
 * word holding one sorts after every line, as it does by code unit.
 */
function compareLine(word: string, bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  for (let k = 0; k < word.length; k++) {
    if (p >= end) return 1;
    const b0 = bytes[p]!;
    let cp: number;
    if (b0 < 0x80) {
      cp = b0;
      p += 1;
    } else if (b0 < 0xe0) {
      cp = ((b0 & 0x1f) << 6) | (bytes[p + 1]! & 0x3f);
      p += 2;
    } else {
      cp = ((b0 & 0x0f) << 12) | ((bytes[p + 1]! & 0x3f) << 6) | (bytes[p + 2]! & 0x3f);
      p += 3;
    }
    const diff = word.charCodeAt(k) - cp;
    if (diff !== 0) return diff;
  }
  return p < end ? -1 : 0;
}

/**
 * A sorted word list (UTF-8, one word a line, sorted by code point, no empty line) looked up in
 * place. Each step takes the line around the middle of the range still open; the range's ends
 * are always line starts, so the line found lies inside it and the range shrinks at every step.
 */
export function sortedWordList(bytes: Uint8Array): WordList {
  return {
    has(word: string): boolean {
      let lo = 0;
      let hi = bytes.length;
      while (lo < hi) {
        let start = (lo + hi) >>> 1;
        while (start > lo && bytes[start - 1] !== NEWLINE) start--;
        let end = start;
        while (end < hi && bytes[end] !== NEWLINE) end++;
        const order = compareLine(word, bytes, start, end);
        if (order === 0) return start < end;
        if (order < 0) hi = start;
        else lo = end + 1;
      }
      return false;
    },
  };
}

let words: WordList | undefined;

export function thaiWords(): WordList {
  words ??= sortedWordList(readThaiWords());
  return words;
}
