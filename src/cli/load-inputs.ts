/** discover → read → the pipeline's loadInput, for every folder the user named. */
import { error, type Diagnostic } from "../diag/diagnostic.js";
import { loadInput, type OrgLoadResult } from "../pipeline/index.js";
import { discover, ignoredDiagnostics, PathNotFound, readErrorDiagnostic, readSources, type OrgFolder } from "./discover.js";

export interface LoadedFolder {
  readonly folder: OrgFolder;
  readonly result: OrgLoadResult;
}

export type LoadInputsResult = { ok: true; folders: LoadedFolder[] } | { ok: false; errors: Diagnostic[] };

export async function loadInputs(paths: readonly string[], cwd: string): Promise<LoadInputsResult> {
  let folders: OrgFolder[];
  try {
    folders = await discover(paths, cwd);
  } catch (e) {
    if (e instanceof PathNotFound) return { ok: false, errors: [error("E_PATH_NOT_FOUND", { path: e.path })] };
    throw e;
  }
  if (folders.length === 0) return { ok: false, errors: [error("E_NO_INPUT", { path: paths.join(", ") })] };
  const out: LoadedFolder[] = [];
  for (const folder of folders) {
    const src = await readSources(folder, cwd);
    const result = loadInput(folder.dir, src.org, src.years);
    const readErrors = src.readErrors.map(readErrorDiagnostic);
    // An org.yaml that exists but could not be read is reported as such, not also as missing.
    const errors = src.readErrors.some((r) => r.path === folder.orgPath) ? result.errors.filter((d) => d.code !== "E_ORG_MISSING") : result.errors;
    out.push({ folder, result: { ...result, errors: [...readErrors, ...errors], warnings: [...ignoredDiagnostics(folder), ...result.warnings] } });
  }
  return { ok: true, folders: out };
}
