/**
 * itadoc build: documents for every organisation and year named, one
 * organisation per task, in this thread for a small run or in a bounded pool
 * of worker threads (scheduler.ts placement). One bad input never stops the
 * others; the exit code says whether anything failed.
 */
import { mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { error, warning, type Diagnostic } from "../../diag/diagnostic.js";
import { diagnosticToJson, formatDiagnostic } from "../../diag/format.js";
import { VERSION } from "../version.js";
import { type OrgBuildResult, type OrgBuildSettings, type OrgBuildTask } from "../build/build-org.js";
import { BUILD_TEXT } from "../build/messages.js";
import { acquireLock, LOCK_NAME } from "../build/out-lock.js";
import { findCollision, outputDirs } from "../build/out-dirs.js";
import type { TaskOutcome } from "../build/pool.js";
import { dedupe, DiagnosticDigest, exitCode, keyOf, printSummary, type Tally } from "../build/report.js";
import { compileTemplates, readTemplates } from "../build/resources-load.js";
import { withoutUnchanged } from "../build/skip-unchanged.js";
import { parseJobs, placement, removeTemporaryFiles, runAll, withCtrlC, type RunTemplates, type Stop } from "../build/scheduler.js";
import { parseFormats, parseKinds, parseYears } from "../build-options.js";
import { discover, PathNotFound, type OrgFolder } from "../discover.js";
import { Exit, type CliIO } from "../io.js";
import { Progress } from "../progress.js";
import { PerFileCap } from "../../diag/cap.js";

export interface BuildOptions {
  readonly paths: readonly string[];
  readonly kinds?: string;
  readonly formats?: string;
  readonly years?: string;
  readonly out: string;
  readonly templates?: string;
  readonly json: boolean;
  readonly force: boolean;
  readonly jobs?: string;
}

/** Above this many organisations, per-document lines give way to a progress display. */
const LIST_DOCUMENTS_UP_TO = 20;
/** Above this many warnings, they are counted per code instead of printed one by one. */
const PRINT_WARNINGS_UP_TO = 60;

export async function runBuild(opts: BuildOptions, io: CliIO): Promise<number> {
  const kinds = parseKinds(opts.kinds);
  const formats = parseFormats(opts.formats);
  const years = parseYears(opts.years);
  const jobs = parseJobs(opts.jobs);
  const started = Date.now();

  let folders: OrgFolder[];
  try {
    folders = await discover(opts.paths, io.cwd);
  } catch (e) {
    if (e instanceof PathNotFound) {
      io.err(formatDiagnostic(error("E_PATH_NOT_FOUND", { path: e.path }), io.lang));
      return Exit.usage;
    }
    throw e;
  }
  if (folders.length === 0) {
    io.err(formatDiagnostic(error("E_NO_INPUT", { path: opts.paths.join(", ") }), io.lang));
    return Exit.invalidInput;
  }
  // Read and hashed now; compiled (for its errors before any document) only once some organisation needs a build.
  const templates = await readTemplates(opts.templates, io.cwd);
  if (!templates.ok) return reportTemplateErrors(templates.errors, io);

  const outRoot = resolve(io.cwd, opts.out);
  const outDirs = outputDirs(folders.map((f) => join(io.cwd, f.dir)));
  const tasks: OrgBuildTask[] = folders.map((folder) => ({ folder, outDir: join(outRoot, outDirs.get(join(io.cwd, folder.dir))!) }));
  const collision = findCollision(tasks);
  if (collision) {
    io.err(formatDiagnostic(error("E_USAGE", { detail: `${collision[0]} ↔ ${collision[1]}: ${BUILD_TEXT[io.lang].sameOutputFolder}` }), io.lang));
    return Exit.usage;
  }
  // An output folder that cannot be made is one problem of the command, not one per document.
  const outProblem = await mkdir(outRoot, { recursive: true }).then(
    () => undefined,
    (e: NodeJS.ErrnoException) => e.code ?? String(e),
  );
  if (outProblem) {
    const d = error("E_WRITE", { path: relative(io.cwd, outRoot) || ".", reason: outProblem });
    io.err(formatDiagnostic(d, io.lang));
    if (opts.json) io.out(JSON.stringify({ ok: false, command: "build", documents: [], diagnostics: [diagnosticToJson(d, io.lang)] }, null, 2));
    return Exit.usage;
  }
  // One build per output folder: a second one would delete the first one's files mid-write.
  // From before the lock exists, Ctrl-C stops the build cleanly (finished documents kept, the lock released);
  // a second Ctrl-C ends it at once.
  return withCtrlC((stop) => lockedBuild(opts, io, outRoot, { folders, templates, tasks, kinds, formats, years, jobs, started, notes: [], stop }));
}

function reportTemplateErrors(errors: readonly Diagnostic[], io: CliIO): number {
  for (const d of errors) io.err(formatDiagnostic(d, io.lang));
  return errors.some((d) => d.code === "E_PATH_NOT_FOUND") ? Exit.usage : Exit.invalidInput;
}

/** Takes the output folder's lock (or says who holds it), builds, and releases the lock however the build ends. */
async function lockedBuild(opts: BuildOptions, io: CliIO, outRoot: string, p: Prepared): Promise<number> {
  const locked = await acquireLock(outRoot);
  const lockShown = relative(io.cwd, join(outRoot, LOCK_NAME));
  if (!locked.ok) {
    const h = locked.holder;
    const d = error("E_OUT_LOCKED", { path: relative(io.cwd, outRoot) || ".", pid: h?.pid ?? "?", host: h?.host ?? "?", started: shownTime(h?.started), lock: lockShown });
    io.err(formatDiagnostic(d, io.lang));
    if (opts.json) io.out(JSON.stringify({ ok: false, command: "build", documents: [], diagnostics: [diagnosticToJson(d, io.lang)] }, null, 2));
    return Exit.usage;
  }
  try {
    const notes = locked.takenOver ? [warning("W_LOCK_STALE", { lock: lockShown, pid: locked.takenOver.pid, started: shownTime(locked.takenOver.started) })] : [];
    return await buildLocked(opts, io, { ...p, notes });
  } finally {
    await locked.lock.release();
  }
}

/** "2026-12-01T09:00:00.000Z" → "2026-12-01 09:00:00 UTC": the lock's start time as a clerk reads it. */
function shownTime(iso: string | undefined): string {
  return iso ? iso.replace("T", " ").replace(/(\.[0-9]+)?Z$/, " UTC") : "?";
}

interface Prepared {
  readonly folders: readonly OrgFolder[];
  readonly templates: { readonly files: ReadonlyMap<string, string>; readonly hash: string };
  readonly tasks: readonly OrgBuildTask[];
  readonly kinds: ReturnType<typeof parseKinds>;
  readonly formats: ReturnType<typeof parseFormats>;
  readonly years: ReturnType<typeof parseYears>;
  readonly jobs: number | undefined;
  readonly started: number;
  /** Said before anything is built (a stale lock taken over). */
  readonly notes: readonly Diagnostic[];
  readonly stop: Stop;
}

/** The build proper, while this run holds the output folder's lock. */
async function buildLocked(opts: BuildOptions, io: CliIO, p: Prepared): Promise<number> {
  const { folders, templates, tasks, kinds, formats, years, jobs, started } = p;
  const settings: OrgBuildSettings = {
    cwd: io.cwd,
    kinds,
    ...(formats ? { formats } : {}),
    ...(years ? { years } : {}),
    force: opts.force,
    toolKey: `${VERSION}:${templates.hash}`,
  };

  const tally: Tally = { done: 0, docs: 0, skipped: 0, failedInputs: 0, byKindFormat: new Map() };
  const results: OrgBuildResult[] = [];
  const digest = new DiagnosticDigest(PRINT_WARNINGS_UP_TO);
  const yearsPresent = new Set<number>();
  if (opts.json) results.push({ dir: ".", docs: [], diagnostics: p.notes, failed: 0 });
  else digest.add(p.notes);
  const progress = folders.length > LIST_DOCUMENTS_UP_TO && !opts.json ? new Progress(io, folders.length) : undefined;
  // The same template mistake shows up once per use and per document: print each distinct problem once.
  const printed = new Set<string>();
  // At most a screenful per file (5,000 duplicated ids must not bury the rest); the rest is counted in one line.
  const cap = new PerFileCap();
  const printOnce = (d: Diagnostic) => {
    const key = keyOf(d);
    if (printed.has(key)) return;
    printed.add(key);
    if (cap.admit(d)) io.err(formatDiagnostic(d, io.lang));
  };
  const onResult = (task: OrgBuildTask, outcome: TaskOutcome) => {
    const result: OrgBuildResult = outcome.ok
      ? outcome.result
      : { dir: task.folder.dir, docs: [], diagnostics: [error("E_INTERNAL", { detail: outcome.message }, { file: task.folder.dir, line: 0, col: 0 })], failed: 1 };
    tally.done++;
    if (result.failed > 0) tally.failedInputs++;
    for (const y of result.years ?? []) yearsPresent.add(y);
    for (const d of result.docs) {
      if (d.skipped) tally.skipped++;
      else tally.docs++;
      const k = `${d.kind} ${d.format}`;
      tally.byKindFormat.set(k, (tally.byKindFormat.get(k) ?? 0) + 1);
      if (!progress && !opts.json) io.err(d.skipped ? BUILD_TEXT[io.lang].unchanged(d.out) : BUILD_TEXT[io.lang].wrote(d.out));
    }
    // Errors are shown as they come; warnings wait for the summary (there can be thousands).
    if (!opts.json) for (const d of result.diagnostics) if (d.severity === "error") printOnce(d);
    // A national run makes tens of thousands of warnings: without --json only their counts and the first few are kept.
    if (opts.json) results.push(result);
    else digest.add(result.diagnostics);
    progress?.update(tally.done, tally.docs + tally.skipped, tally.failedInputs);
  };

  // Organisations exactly as their last clean build left them are reported from their records, unparsed;
  // only the others go to the workers (none started when nothing changed).
  const toBuild = await withoutUnchanged(tasks, settings, (task, result) => onResult(task, { ok: true, result }), () => p.stop.interrupted);
  // A template mistake is said once, before any document; none was skipped then (a record is written only
  // after a build whose templates compiled, and its key holds their hash).
  const where = placement(toBuild.length, jobs);
  let run: RunTemplates | undefined;
  const read = { files: templates.files, hash: templates.hash };
  if (toBuild.length > 0 && !where.inThread && !opts.templates) {
    // The shipped templates, built by workers: each worker compiles its own set, and this thread needs none.
    // They are compiled when the package is built (scripts/code-cache.mjs stops on a mistake), so there is none
    // to say first; compiling them here loaded Handlebars and the YAML parser into a thread that only hands out
    // tasks, before the workers start and while the second core waits (bench/RESULTS.md, "wip/lo6").
    run = { read };
  } else if (toBuild.length > 0) {
    const compiled = await compileTemplates(templates);
    if (!compiled.ok) return reportTemplateErrors(compiled.errors, io);
    run = { set: compiled.set, read };
  }
  const interrupted = run ? await runAll(toBuild, settings, run, where, p.stop, onResult) : p.stop.interrupted;
  progress?.finish();
  if (interrupted) await removeTemporaryFiles(tasks);
  // --year that matches no file at all: say so, rather than report success with nothing made.
  if (years && !interrupted && tally.docs + tally.skipped === 0 && ![...years].some((y) => yearsPresent.has(y))) {
    const d = error("E_YEAR_NOT_FOUND", { years: [...years].slice(0, 5).join(", "), present: [...yearsPresent].sort().join(", ") || "-" });
    digest.add([d]);
    if (opts.json) results.push({ dir: ".", docs: [], diagnostics: [d], failed: 1 });
    else printOnce(d);
  }

  const seconds = (Date.now() - started) / 1000;
  if (opts.json) {
    const diagnostics = dedupe(results.sort((a, b) => a.dir.localeCompare(b.dir)).flatMap((r) => r.diagnostics));
    const errors = diagnostics.filter((d) => d.severity === "error");
    io.out(
      JSON.stringify(
        {
          ok: errors.length === 0 && !interrupted,
          command: "build",
          interrupted,
          organisations: tally.done,
          documents: results.flatMap((r) => r.docs),
          failedInputs: tally.failedInputs,
          seconds: Number(seconds.toFixed(2)),
          diagnostics: diagnostics.map((d) => diagnosticToJson(d, io.lang)),
        },
        null,
        2,
      ),
    );
    return exitCode(interrupted, errors.length, errors.some((d) => d.code === "E_INTERNAL" || d.code === "E_DOC_MEMORY"));
  }
  for (const line of cap.summaryLines(io.lang)) io.err(line);
  digest.printWarnings(io);
  printSummary(tally, digest.errors, digest.warnings, seconds, interrupted, io);
  return exitCode(interrupted, digest.errors, digest.internal);
}
