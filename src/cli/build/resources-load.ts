/** Template loading shared by the main thread (early errors, cache key) and the workers. */
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import { compileTemplateSet, type TemplateSet } from "../../render/load-templates.js";
import { BUILTIN_TEMPLATES, readTemplateFolder } from "../resources.js";
import { templateDiagnostic } from "./template-diagnostic.js";

export type LoadedTemplates = { ok: true; set: TemplateSet; hash: string } | { ok: false; errors: Diagnostic[] };

export async function loadTemplates(dir: string | undefined, cwd: string): Promise<LoadedTemplates> {
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
  const r = compileTemplateSet(files);
  return r.ok ? { ok: true, set: r.set, hash: h.digest("hex") } : { ok: false, errors: r.errors.map(templateDiagnostic) };
}
