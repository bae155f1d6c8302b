/**
 * Thai compound words (about 5,500: พื้นฐาน, งบประมาณ, ประชาสัมพันธ์ …) from
 * the standard compound list of the Thai Linux Working Group dictionary,
 * shipped by the `wordcut` package (LGPL data, used as a dependency, not
 * copied). ICU's Thai dictionary splits these into their parts (พื้น|ฐาน),
 * which would allow a line break in the middle of a word.
 *
 * Read once when the module loads, like a JSON import: it is package data,
 * not user input.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

function load(): ReadonlySet<string> {
  const pkg = createRequire(import.meta.url).resolve("wordcut/package.json");
  const text = readFileSync(join(dirname(pkg), "data", "tdict-std-compound.txt"), "utf8");
  return new Set(
    text
      .split(/\r?\n/)
      .map((w) => w.trim())
      .filter((w) => w.length > 1),
  );
}

export const COMPOUND_WORDS: ReadonlySet<string> = load();
