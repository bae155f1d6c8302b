/**
 * Template loading shared by the main thread (early errors, cache key) and the workers.
 * Reading and hashing the files is apart from compiling them: a rerun with nothing to
 * build needs the hash only, and does not load Handlebars at all.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import type { TemplateSet } from "../../render/load-templates.js";
import type { BuildResources } from "./build-org.js";
import type { PrecompiledSet } from "../../render/precompiled.js";
import { BUILTIN_TEMPLATES, readTemplateFolder } from "../resources.js";
import { templateDiagnostic } from "./template-diagnostic.js";

/** A template folder's files and their hash, as readTemplates read them. */
export interface ReadTemplateFiles {
  readonly files: ReadonlyMap<string, string>;
  readonly hash: string;
}
export type ReadTemplates = ({ ok: true } & ReadTemplateFiles) | { ok: false; errors: Diagnostic[] };
export type LoadedTemplates = { ok: true; set: TemplateSet; hash: string } | { ok: false; errors: Diagnostic[] };

/** The template folder's files (the built-in one when `dir` is undefined) and the hash that goes into every document's key. */
export async function readTemplates(dir: string | undefined, cwd: string): Promise<ReadTemplates> {
  let files: Map<string, string>;
  try {
    const folder = await readTemplateFolder(dir ? resolve(cwd, dir) : BUILTIN_TEMPLATES);
    // Every refused file is reported, named; the set is not compiled without it (a missing partial would only confuse).
    if (folder.errors.length > 0) return { ok: false, errors: folder.errors };
    files = folder.files;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const where = dir ?? BUILTIN_TEMPLATES;
    return { ok: false, errors: [code === "ENOENT" || code === "ENOTDIR" ? error("E_PATH_NOT_FOUND", { path: where }) : error("E_FILE_READ", { reason: code ?? String(e) }, { file: where, line: 0, col: 0 })] };
  }
  const h = createHash("sha256");
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) h.update(path).update("\0").update(text).update("\0");
  return { ok: true, files, hash: h.digest("hex") };
}

/** Compiles templates read by readTemplates (Handlebars is loaded here, on first use); the shipped ones come precompiled. */
export async function compileTemplates(read: ReadTemplateFiles): Promise<LoadedTemplates> {
  const [{ compileTemplateSet }, precompiled] = await Promise.all([import("../../render/load-templates.js"), loadPrecompiled()]);
  const r = compileTemplateSet(read.files, precompiled);
  return r.ok ? { ok: true, set: r.set, hash: read.hash } : { ok: false, errors: r.errors.map(templateDiagnostic) };
}

/**
 * dist/render/precompiled-templates.js, made by `npm run build` (scripts/precompile-templates.mjs);
 * absent when running from src/ (the tests), where every template compiles at run time.
 */
const PRECOMPILED_MODULE = new URL("../../render/precompiled-templates.js", import.meta.url);

let precompiled: Promise<PrecompiledSet | undefined> | undefined;

function loadPrecompiled(): Promise<PrecompiledSet | undefined> {
  precompiled ??= (async () => {
    if (!existsSync(PRECOMPILED_MODULE)) return undefined;
    const [module, { precompiledSet }, { HANDLEBARS_VERSION }] = await Promise.all([
      import(PRECOMPILED_MODULE.href) as Promise<Parameters<typeof import("../../render/precompiled.js").precompiledSet>[0]>,
      import("../../render/precompiled.js"),
      import("../../render/handlebars.js"),
    ]);
    return precompiledSet(module, HANDLEBARS_VERSION);
  })();
  return precompiled;
}

export async function loadTemplates(dir: string | undefined, cwd: string): Promise<LoadedTemplates> {
  const read = await readTemplates(dir, cwd);
  return read.ok ? compileTemplates(read) : read;
}

/**
 * A build's resources around templates already compiled: the bundled faces of both
 * families, loaded side by side. The fonts' modules are imported here, on first use, so a
 * run with nothing to build loads none (in-thread.ts); a worker calls it as it starts.
 */
export async function bundledResources(templates: TemplateSet): Promise<BuildResources> {
  const [{ loadBundledFonts }, { loadBundledPdfFonts }] = await Promise.all([import("../resources.js"), import("../pdf-fonts.js")]);
  const [fonts, pdfFonts] = await Promise.all([loadBundledFonts(), loadBundledPdfFonts()]);
  return { templates, fonts, pdfFonts };
}
