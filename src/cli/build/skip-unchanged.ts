/**
 * Before an organisation is given to a worker: is it exactly as its last
 * clean build left it? Decided from bytes alone (build-record.ts): the
 * request, every file the build read, and every document's output, checked
 * against the manifest's sha256 as OutputFolder.upToDate does. Nothing is
 * parsed, so this module loads neither the YAML parser, the schema, the
 * templates nor an exporter; a rerun with nothing changed starts no worker.
 */
import { join, relative, resolve } from "node:path";
import { removeStaleTemporaryFiles } from "../write-atomic.js";
import type { OrgBuildResult, OrgBuildSettings, OrgBuildTask } from "./build-org.js";
import { dependenciesUnchanged, requestKey } from "./build-record.js";
import { MANIFEST_NAME, readManifest } from "./manifest.js";
import { OutputFolder } from "./output-folder.js";

/** The organisation's result as if it had been built (every document "unchanged", its diagnostics as last time), or undefined: build it. */
export async function unchangedResult(task: OrgBuildTask, s: OrgBuildSettings): Promise<OrgBuildResult | undefined> {
  if (s.force || task.skip?.length) return undefined;
  const { manifest, record, warnings } = await readManifest(task.outDir, relative(s.cwd, join(task.outDir, MANIFEST_NAME)));
  if (!record || warnings.length > 0) return undefined;
  if (record.request !== requestKey({ ...s, folder: task.folder, outDir: task.outDir })) return undefined;
  // Every file the folder lists must be among those checked (a full build records them all).
  const checked = new Set(record.deps.map((d) => ("file" in d ? resolve(s.cwd, d.file) : "")));
  if (![task.folder.orgPath, ...task.folder.yearPaths].every((p) => p === undefined || checked.has(resolve(s.cwd, p)))) return undefined;
  if (!(await dependenciesUnchanged(record.deps, s.cwd))) return undefined;
  const outputs = new OutputFolder(task.outDir, manifest, s.cwd, []);
  for (const d of record.docs) if (!(await outputs.upToDate(d.name, d.key))) return undefined;
  // As a full build would, clear what a killed run left half-written.
  await removeStaleTemporaryFiles(task.outDir);
  const docs = [];
  for (const d of record.docs) docs.push({ file: d.file, kind: d.kind, format: d.format, out: relative(s.cwd, await outputs.currentPath(d.name)), skipped: true });
  return { dir: task.folder.dir, docs, diagnostics: record.diagnostics, failed: 0, years: record.years };
}

/**
 * Checks the tasks a few at a time (their reads overlap), reporting each unchanged one through
 * `onUnchanged`; returns those that need a build, in their order.
 */
export async function withoutUnchanged(tasks: readonly OrgBuildTask[], s: OrgBuildSettings, onUnchanged: (task: OrgBuildTask, result: OrgBuildResult) => void, stopped: () => boolean): Promise<OrgBuildTask[]> {
  const needed: (OrgBuildTask | undefined)[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length && !stopped()) {
      const i = next++;
      const task = tasks[i]!;
      const r = await unchangedResult(task, s).catch(() => undefined);
      if (r) onUnchanged(task, r);
      else needed[i] = task;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_CHECKS }, lane));
  return needed.filter((t): t is OrgBuildTask => t !== undefined);
}

/** Enough reads in flight to hide the disk's latency; the hashing is on this thread either way. */
const CONCURRENT_CHECKS = 8;
