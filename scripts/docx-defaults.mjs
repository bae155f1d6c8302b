#!/usr/bin/env node
/**
 * Writes dist/export/docx/docx-defaults-data.js: the parts docx.js makes for an empty
 * document at the default sizes the shipped templates use, so that a build does not
 * load docx.js to make them again (src/export/docx/docx-defaults.ts). Run by
 * `npm run build` after tsc, from the compiled dist/. Same docx.js → same bytes.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [{ PRECOMPUTED_SIZES_PT, docxDefaultsModule, docxVersion, packedByDocx }, { halfPoints }] = await Promise.all([
  import(join(root, "dist/export/docx/docx-defaults.js")),
  import(join(root, "dist/export/docx/context.js")),
]);
const defaults = new Map();
for (const pt of PRECOMPUTED_SIZES_PT) defaults.set(halfPoints(pt), await packedByDocx(halfPoints(pt)));
writeFileSync(join(root, "dist/export/docx/docx-defaults-data.js"), docxDefaultsModule(docxVersion(), defaults));
