/**
 * PyThaiNLP's Thai word list (58,042 entries, CC0-1.0; provenance and licence in
 * words_th.LICENSE.md beside this file), as the bytes of thai-words.txt: UTF-8, a word a
 * line, sorted by code point (scripts/thai-words.mjs writes it, `npm run build` copies it to
 * dist/thai/data/). compound-words.ts searches these bytes as they are.
 *
 * A file, not a string literal in a module: V8 had to scan 1.46 MB of source to import the
 * literal (≈ 20 ms CPU at every start and in every worker) and the build then split it into a
 * Set of 58,000 strings (≈ 15–25 ms more, and their heap). This module is the only one of
 * src/thai that does I/O, once, on first use (a DOCX-only run never reads it).
 */
import { readFileSync } from "node:fs";

export const THAI_WORDS_FILE = new URL("./thai-words.txt", import.meta.url);

export const readThaiWords = (): Uint8Array => readFileSync(THAI_WORDS_FILE);
