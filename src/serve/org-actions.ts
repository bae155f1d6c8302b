/**
 * What the page does to a whole organisation: build all its documents into
 * the output folder (as `itadoc build` would, with the same lock, manifest
 * and up-to-date keys, so the CLI and the page agree on what is current),
 * and start a new year (the new-year command's own logic).
 */
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diag/diagnostic.js";
import { error } from "../diag/diagnostic.js";
import { DOC_KINDS } from "../documents/kinds.js";
import type { Format } from "../export/formats.js";
import { buildOrganisation, type OrgBuildSettings } from "../cli/build/build-org.js";
import { acquireLock, LOCK_NAME } from "../cli/build/out-lock.js";
import { outputDirs } from "../cli/build/out-dirs.js";
import { runNewYear } from "../cli/commands/new-year.js";
import { discover, readSources, type OrgFolder } from "../cli/discover.js";
import { loadInput, planJobs } from "../pipeline/index.js";
import type { CliIO } from "../cli/io.js";
import { VERSION } from "../cli/version.js";
import type { Lang } from "../diag/format.js";
import type { Resources } from "./engine.js";
import { apiPath } from "./workspace.js";

/** Where the page's builds go: `out/` in the served folder, as `itadoc build . --out out` run there. */
export const OUT_DIR = "out";

export interface BuildProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface BuildOutcome {
  readonly written: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The organisation folder `dir` of the served folder, as discover finds it (undefined: not an organisation there). */
export async function findOrganisation(root: string, dir: string): Promise<{ folder: OrgFolder; all: OrgFolder[] } | undefined> {
  const all = await discover(["."], root);
  const folder = all.find((f) => apiPath(f.dir) === dir);
  return folder ? { folder, all } : undefined;
}

export async function buildOrg(root: string, org: { folder: OrgFolder; all: OrgFolder[] }, res: Resources, formats: readonly Format[] | undefined, onProgress: (p: BuildProgress) => void): Promise<BuildOutcome> {
  const outRoot = join(root, OUT_DIR);
  const dirs = outputDirs(org.all.map((f) => join(root, f.dir)));
  const outDir = join(outRoot, dirs.get(join(root, org.folder.dir))!);
  await mkdir(outRoot, { recursive: true });
  const locked = await acquireLock(outRoot);
  if (!locked.ok) {
    const h = locked.holder;
    return { written: [], diagnostics: [error("E_OUT_LOCKED", { path: OUT_DIR, pid: h?.pid ?? "?", host: h?.host ?? "?", started: h?.started ?? "?", lock: `${OUT_DIR}/${LOCK_NAME}` })] };
  }
  try {
    const settings: OrgBuildSettings = { cwd: root, kinds: DOC_KINDS, ...(formats ? { formats } : {}), force: false, toolKey: `${VERSION}:${res.templatesHash}` };
    // The documents to make, counted before: the page shows "3 of 8".
    const total = await countDocuments(root, org.folder, res, formats);
    let done = 0;
    const result = await buildOrganisation({ folder: org.folder, outDir }, settings, res, (name) => {
      if (name !== undefined) onProgress({ done: done++, total, file: name });
    });
    onProgress({ done: total, total, file: "" });
    return { written: result.docs.map((d) => apiPath(d.out)), diagnostics: result.diagnostics };
  } finally {
    await locked.lock.release();
  }
}

async function countDocuments(root: string, folder: OrgFolder, res: Resources, formats: readonly Format[] | undefined): Promise<number> {
  const src = await readSources(folder, root);
  const loaded = loadInput(folder.dir, src.org, src.years);
  if (!loaded.org) return 0;
  const jobs = planJobs(loaded.org, res.templates, { kinds: DOC_KINDS });
  return jobs.filter((j) => j.result.ok).length * (formats?.length ?? 1) || 0;
}

export type NewYearOutcome = { readonly ok: true; readonly path: string; readonly lines: readonly string[] } | { readonly ok: false; readonly lines: readonly string[] };

/** `itadoc new-year <dir>` run in the served folder; its printed lines are the page's report. */
export async function newYear(root: string, dir: string, lang: Lang): Promise<NewYearOutcome> {
  const before = new Set(await readdir(join(root, dir)));
  const lines: string[] = [];
  const io: CliIO = { out: (l) => lines.push(l), err: (l) => lines.push(l), lang, isTTY: false, cwd: root };
  const code = await runNewYear({ dir }, io);
  const created = (await readdir(join(root, dir))).find((n) => !before.has(n) && /^[0-9]{4}\.ya?ml$/.test(n));
  return code === 0 && created ? { ok: true, path: apiPath(join(dir, created)), lines } : { ok: false, lines };
}
