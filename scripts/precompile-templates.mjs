#!/usr/bin/env node
/**
 * Precompiles the shipped templates (templates/) into dist/render/precompiled-templates.js,
 * which a build uses instead of parsing, checking and compiling them at run time
 * (src/render/precompiled.ts). Run by `npm run build` after tsc, from the compiled dist/.
 * Same templates → same bytes.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => import(join(root, "dist", p));
const [{ BUILTIN_TEMPLATES, readTemplateFiles }, { createRenderer }, { precompileTemplates, precompiledModule }, { default: Handlebars }] = await Promise.all([
  dist("cli/resources.js"),
  dist("render/handlebars.js"),
  dist("render/precompiled.js"),
  import("handlebars"),
]);
const entries = precompileTemplates(createRenderer(), await readTemplateFiles(BUILTIN_TEMPLATES));
writeFileSync(join(root, "dist", "render", "precompiled-templates.js"), precompiledModule(entries, Handlebars.VERSION));
