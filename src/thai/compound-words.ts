/**
 * The dictionary that joins what Intl.Segmenter('th') splits: PyThaiNLP's
 * word list (58,000 words, CC0; data/thai-words.ts), which holds the TLWG
 * standard and compound lists too. ICU's own Thai dictionary splits many of
 * these into their parts (จัด|ทำ, ตรวจ|สอบ, พื้น|ฐาน), which would allow a
 * line break in the middle of a word.
 *
 * The data is a module, not a file read at run time, so src/thai does no
 * I/O. The set is built on first use: a run that makes only DOCX never
 * segments Thai and never pays for it.
 */
import { THAI_WORDS_TEXT } from "./data/thai-words.js";

/** Entries are 4 to 30 characters long (scripts/thai-words.mjs). */
export const LONGEST_WORD = 30;

let words: ReadonlySet<string> | undefined;

export function thaiWords(): ReadonlySet<string> {
  words ??= new Set(THAI_WORDS_TEXT.split("\n"));
  return words;
}
