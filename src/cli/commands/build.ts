/**
 * itadoc build: documents for every organisation and year named, one
 * organisation per task in a bounded pool of worker threads. One bad input
 * never stops the others; the exit code says whether anything failed.
 */
import { availableParallelism } from "node:os";
import { mkdir } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import { diagnosticToJson, formatDiagnostic } from "../../diag/format.js";
import { VERSION } from "../version.js";
import { buildOrganisation, removeStaleTemporaryFiles, type OrgBuildResult, type OrgBuildSettings, type OrgBuildTask } from "../build/build-org.js";
import { WorkerPool, type TaskOutcome } from "../build/pool.js";
import { loadTemplates } from "../build/resources-load.js";
import type { TemplateSet } from "../../render/load-templates.js";
import { parseFormats, parseKinds, parseYears } from "../build-options.js";
import { discover, PathNotFound, type OrgFolder } from "../discover.js";
import { Exit, UsageError, type CliIO } from "../io.js";
import { Progress } from "../progress.js";
import { loadBundledFonts } from "../resources.js";
import { loadBundledPdfFonts } from "../pdf-fonts.js";

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

/** Output folder of each organisation: its path below the common ancestor of all inputs, so two inputs never share one. */
export function outputDirs(dirs: readonly string[]): Map<string, string> {
  const parents = dirs.map((d) => dirname(resolve(d)));
  let common = parents[0] ?? "";
  for (const p of parents) while (!(p === common || p.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  return new Map(dirs.map((d) => [d, relative(common, resolve(d)) || basename(resolve(d))]));
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs: ${value} (1–64)`);
  return n;
}

interface Tally {
  done: number;
  docs: number;
  skipped: number;
  failedInputs: number;
  byKindFormat: Map<string, number>;
}

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
  const templates = await loadTemplates(opts.templates, io.cwd);
  if (!templates.ok) {
    for (const d of templates.errors) io.err(formatDiagnostic(d, io.lang));
    return templates.errors.some((d) => d.code === "E_PATH_NOT_FOUND") ? Exit.usage : Exit.invalidInput;
  }

  const outRoot = resolve(io.cwd, opts.out);
  const outDirs = outputDirs(folders.map((f) => join(io.cwd, f.dir)));
  const tasks: OrgBuildTask[] = folders.map((folder) => ({ folder, outDir: join(outRoot, outDirs.get(join(io.cwd, folder.dir))!) }));
  const collision = findCollision(tasks);
  if (collision) {
    io.err(formatDiagnostic(error("E_USAGE", { detail: `${collision[0]} ↔ ${collision[1]}: ${io.lang === "th" ? "เขียนไปยังโฟลเดอร์ผลลัพธ์เดียวกัน" : "would write to the same output folder"}` }), io.lang));
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
  const progress = folders.length > LIST_DOCUMENTS_UP_TO && !opts.json ? new Progress(io, folders.length) : undefined;
  // The same template mistake shows up once per use and per document: print each distinct problem once.
  const printed = new Set<string>();
  const printOnce = (d: Diagnostic) => {
    const key = keyOf(d);
    if (printed.has(key)) return;
    printed.add(key);
    io.err(formatDiagnostic(d, io.lang));
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
      if (!progress && !opts.json) io.err(`${d.skipped ? (io.lang === "th" ? "ไม่เปลี่ยน" : "unchanged") : io.lang === "th" ? "สร้าง" : "wrote"} ${d.out}`);
    }
    // Errors are shown as they come; warnings wait for the summary (there can be thousands).
    if (!opts.json) for (const d of result.diagnostics) if (d.severity === "error") printOnce(d);
    // A national run makes tens of thousands of warnings: without --json only their counts and the first few are kept.
    if (opts.json) results.push(result);
    else digest.add(result.diagnostics);
    progress?.update(tally.done, tally.docs + tally.skipped, tally.failedInputs);
  };

  const interrupted = await runAll(tasks, settings, templates.set, opts.templates, jobs, onResult);
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
    return exitCode(interrupted, errors.length, errors.some((d) => d.code === "E_INTERNAL"));
  }
  digest.printWarnings(io);
  printSummary(tally, digest.errors, digest.warnings, seconds, interrupted, io);
  return exitCode(interrupted, digest.errors, digest.internal);
}

function exitCode(interrupted: boolean, errors: number, internal: boolean): number {
  if (interrupted) return Exit.usage;
  // A crashed worker is the tool's fault, not the input's: exit 2 as for any internal error.
  if (internal) return Exit.internal;
  return errors > 0 ? Exit.invalidInput : Exit.ok;
}

const keyOf = (d: Diagnostic) => `${d.code}|${d.pos?.file}|${d.pos?.line}|${d.pos?.col}|${JSON.stringify(d.params)}`;

/** Counts of a run's problems, and the first few distinct warnings, in bounded memory. */
class DiagnosticDigest {
  errors = 0;
  warnings = 0;
  internal = false;
  private readonly byCode = new Map<string, number>();
  private readonly kept: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly keep: number) {}

  add(ds: readonly Diagnostic[]): void {
    for (const d of ds) {
      const key = keyOf(d);
      if (this.seen.has(key)) continue;
      if (this.seen.size < 10_000) this.seen.add(key);
      if (d.severity === "error") {
        this.errors++;
        if (d.code === "E_INTERNAL") this.internal = true;
        continue;
      }
      this.warnings++;
      this.byCode.set(d.code, (this.byCode.get(d.code) ?? 0) + 1);
      if (this.kept.length <= this.keep) this.kept.push(d);
    }
  }

  printWarnings(io: CliIO): void {
    if (this.warnings <= this.keep) {
      const sorted = [...this.kept].sort((a, b) => (a.pos?.file ?? "").localeCompare(b.pos?.file ?? "") || (a.pos?.line ?? 0) - (b.pos?.line ?? 0));
      for (const d of sorted) io.err(formatDiagnostic(d, io.lang));
      return;
    }
    io.err(io.lang === "th" ? `คำเตือน ${this.warnings} รายการ (ดูทีละรายการด้วย itadoc validate):` : `${this.warnings} warnings (itadoc validate lists them):`);
    for (const [code, n] of [...this.byCode].sort()) io.err(`  ${code}: ${n}`);
  }
}

/** Runs every task, in this thread for --jobs 1, else in a worker pool; true when stopped by Ctrl-C. */
async function runAll(
  tasks: readonly OrgBuildTask[],
  settings: OrgBuildSettings,
  templates: TemplateSet,
  templatesDir: string | undefined,
  jobs: number,
  onResult: (task: OrgBuildTask, outcome: TaskOutcome) => void,
): Promise<boolean> {
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once("SIGINT", onSigint);
  try {
    if (jobs === 1 || tasks.length === 1) {
      // In this thread the templates already compiled for the early check are used as they are.
      const resources = { templates, fonts: await loadBundledFonts(), pdfFonts: await loadBundledPdfFonts() };
      for (const task of tasks) {
        if (interrupted) break;
        onResult(task, await buildOrganisation(task, settings, resources).then((result): TaskOutcome => ({ ok: true, result }), (e: Error): TaskOutcome => ({ ok: false, message: e.message })));
      }
      return interrupted;
    }
    const pool = new WorkerPool(Math.min(jobs, tasks.length), { settings, ...(templatesDir ? { templatesDir } : {}) });
    try {
      let next = 0;
      const lane = async () => {
        while (!interrupted && next < tasks.length) {
          const task = tasks[next++]!;
          onResult(task, await pool.run(task));
        }
      };
      await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
    } finally {
      await pool.close();
    }
    return interrupted;
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}

/** Two organisations whose output folders would be the same, also on a case-insensitive disk (Windows, macOS, a USB stick). */
export function findCollision(tasks: readonly OrgBuildTask[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const t of tasks) {
    const key = t.outDir.normalize("NFC").toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) return [other, t.folder.dir];
    seen.set(key, t.folder.dir);
  }
  return undefined;
}

/** After Ctrl-C, a worker may have been stopped between writing a temporary file and renaming it. */
async function removeTemporaryFiles(tasks: readonly OrgBuildTask[]): Promise<void> {
  for (const t of tasks) await removeStaleTemporaryFiles(t.outDir);
}

function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = keyOf(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function printSummary(t: Tally, errors: number, warnings: number, seconds: number, interrupted: boolean, io: CliIO): void {
  const th = io.lang === "th";
  const per = [...t.byKindFormat].sort().map(([k, n]) => `${k} ${n}`).join(", ");
  if (interrupted) io.err(th ? "หยุดตามคำสั่ง (Ctrl-C): เอกสารที่สร้างเสร็จแล้วยังอยู่ครบ รันคำสั่งเดิมอีกครั้งเพื่อทำต่อ" : "interrupted (Ctrl-C): finished documents are complete; run the same command again to continue");
  io.err(
    th
      ? `สรุป: ${t.done} หน่วยงาน, สร้างเอกสาร ${t.docs} ไฟล์, ไม่เปลี่ยน ${t.skipped} ไฟล์ (${per || "-"}), ข้อมูลผิดพลาด ${t.failedInputs} หน่วยงาน, ข้อผิดพลาด ${errors}, คำเตือน ${warnings}, เวลา ${seconds.toFixed(1)} วินาที`
      : `summary: ${t.done} organisations, ${t.docs} documents written, ${t.skipped} unchanged (${per || "-"}), ${t.failedInputs} failed, ${errors} errors, ${warnings} warnings, ${seconds.toFixed(1)} s`,
  );
}
