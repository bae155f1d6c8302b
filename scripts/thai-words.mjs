#!/usr/bin/env node
/**
 * Writes src/thai/data/thai-words.txt from PyThaiNLP's word list
 * (pythainlp/corpus/words_th.txt, CC0-1.0; see src/thai/data/words_th.LICENSE.md).
 *
 *   node scripts/thai-words.mjs path/to/words_th.txt <pythainlp commit>
 *
 * Kept: entries of 4 to 30 characters without white space (shorter ones are
 * single syllables that a line never breaks inside anyway; longer ones are
 * names and idioms). Sorted by code point: the output is stable, and
 * compound-words.ts looks words up by binary search over the file's bytes
 * (UTF-8, a word a line, nothing else in it), so no Set of 58,000 strings is built.
 */
import { readFileSync, writeFileSync } from "node:fs";

const [source, commit] = process.argv.slice(2);
if (!source || !/^[0-9a-f]{40}$/.test(commit ?? "")) {
  console.error("usage: node scripts/thai-words.mjs words_th.txt <40-hex pythainlp commit>");
  process.exit(2);
}
const words = [
  ...new Set(
    readFileSync(source, "utf8")
      .split(/\r?\n/)
      .map((w) => w.trim())
      .filter((w) => w.length >= 4 && w.length <= 30 && !/\s/.test(w)),
  ),
].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
// The dictionary is searched by byte (compound-words.ts): UTF-8's byte order is code point order, which is the
// order of this sort (code units) as long as no entry holds a surrogate or a character past them.
if (words.some((w) => /[\n\uD800-\uFFFF]/.test(w))) throw new Error("an entry holds a character the byte search would misorder");

writeFileSync(new URL("../src/thai/data/thai-words.txt", import.meta.url), `${words.join("\n")}\n`);
console.log(`${words.length} words; write commit ${commit} and the count in src/thai/data/words_th.LICENSE.md`);
