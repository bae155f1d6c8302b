#!/usr/bin/env node
/**
 * Copies the Thai word list and its licence (src/thai/data/thai-words.txt, words_th.LICENSE.md)
 * to dist/thai/data/, where the compiled src/thai/data/thai-words.js reads it: tsc copies no data.
 * Run by `npm run build` after tsc.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const from = join(root, "src", "thai", "data");
const to = join(root, "dist", "thai", "data");
mkdirSync(to, { recursive: true });
for (const file of ["thai-words.txt", "words_th.LICENSE.md"]) copyFileSync(join(from, file), join(to, file));
