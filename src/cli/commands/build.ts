/**
 * itadoc build: documents for every organisation and year named. One bad
 * input never stops the others; the exit code says whether anything failed.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { error, warning, type Diagnostic } from "../../diag/diagnostic.js";
import { diagnosticToJson, formatDiagnostic } from "../../diag/format.js";
import { planDocuments, DEFAULT_MEASURES_COLUMNS } from "../../documents/plan-documents.js";
import type { ColumnDef } from "../../documents/measures-data.js";
import type { ExportOptions } from "../../export/exporter.js";
import { exportDocx } from "../../export/docx/index.js";
import { exportPdf } from "../../export/pdf/index.js";
import type { OrgInput } from "../../input/load-organisation.js";
import { compileTemplateSet, type TemplateSet } from "../../render/load-templates.js";
import { renderDocument } from "../../render/render-template.js";
import type { MarkupError } from "../../render/errors.js";
import { parseFormats, parseKinds, parseYears, PRIMARY_FORMAT, type Format } from "../build-options.js";
import { Exit, type CliIO } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import { BUILTIN_TEMPLATES, loadBundledFonts, readTemplateFiles } from "../resources.js";
import { writeAtomic } from "../write-atomic.js";
import type { Code } from "../../diag/codes.js";

export interface BuildOptions {
  readonly paths: readonly string[];
  readonly kinds?: string;
  readonly formats?: string;
  readonly years?: string;
  readonly out: string;
  readonly templates?: string;
  readonly json: boolean;
  readonly force: boolean;
}

const EMBLEM_REF = "emblem";

export function templateDiagnostic(e: MarkupError): Diagnostic {
  return error(e.code as Code, { detail: e.message }, { file: e.file, line: e.line, col: e.line > 0 ? 1 : 0 });
}

export async function loadTemplates(dir: string | undefined, cwd: string): Promise<{ ok: true; set: TemplateSet } | { ok: false; errors: Diagnostic[] }> {
  const files = await readTemplateFiles(dir ? resolve(cwd, dir) : BUILTIN_TEMPLATES);
  const r = compileTemplateSet(files);
  return r.ok ? { ok: true, set: r.set } : { ok: false, errors: r.errors.map(templateDiagnostic) };
}

/** Output folder of an organisation: its path below the common ancestor of all inputs, so two inputs never share one. */
export function outputDirs(dirs: readonly string[]): Map<string, string> {
  const parents = dirs.map((d) => resolve(dirname(resolve(d))));
  let common = parents[0] ?? "";
  for (const p of parents) while (!(p === common || p.startsWith(common + sep))) common = dirname(common);
  return new Map(dirs.map((d) => [d, relative(common, resolve(d)) || basename(resolve(d))]));
}

function createdAtFor(fiscalYear: number): Date {
  // Fixed per document: the last day of its fiscal year (30 September, CE). Same input → same bytes.
  return new Date(Date.UTC(fiscalYear - 543, 8, 30, 0, 0, 0));
}

export async function runBuild(opts: BuildOptions, io: CliIO): Promise<number> {
  const kinds = parseKinds(opts.kinds);
  const formats = parseFormats(opts.formats);
  const years = parseYears(opts.years);
  const started = Date.now();
  const loaded = await loadInputs(opts.paths, io.cwd);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d, io.lang));
    return loaded.errors.some((d) => d.code === "E_PATH_NOT_FOUND") ? Exit.usage : Exit.invalidInput;
  }
  const templates = await loadTemplates(opts.templates, io.cwd);
  if (!templates.ok) {
    for (const d of templates.errors) io.err(formatDiagnostic(d, io.lang));
    return Exit.invalidInput;
  }
  const fonts = await loadBundledFonts();
  const outRoot = resolve(io.cwd, opts.out);
  const outDirs = outputDirs(loaded.folders.map((f) => join(io.cwd, f.folder.dir)));
  const columns = (templates.set.data["measures"]?.columns as ColumnDef[] | undefined) ?? DEFAULT_MEASURES_COLUMNS;

  const report: { file: string; kind: string; format: string; out: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  let failed = 0;
  for (const { folder, result } of loaded.folders) {
    diagnostics.push(...result.errors, ...result.warnings);
    if (result.errors.length > 0) failed++;
    const org = result.org;
    if (!org) continue;
    const images = new Map<string, Uint8Array>();
    const emblem = await readEmblem(org, io.cwd, diagnostics);
    if (emblem) images.set(EMBLEM_REF, emblem);
    const jobs = planDocuments(org, { kinds, ...(folder.only ? { only: folder.only } : {}), ...(years ? { years } : {}), ...(emblem ? { emblemRef: EMBLEM_REF } : {}), measuresColumns: columns }).filter(
      (j) => !org.brokenFiles.has(j.file),
    );
    const orgOut = join(outRoot, outDirs.get(join(io.cwd, folder.dir))!);
    for (const job of jobs) {
      if (!job.result.ok) {
        diagnostics.push(...job.result.errors, ...job.result.warnings);
        failed++;
        continue;
      }
      diagnostics.push(...job.result.warnings);
      const rendered = renderDocument(templates.set, job.kind, job.result.data);
      if (!rendered.ok) {
        diagnostics.push(...rendered.errors.map(templateDiagnostic));
        failed++;
        continue;
      }
      const options: ExportOptions = { fonts, createdAt: createdAtFor(job.fiscalYear), images };
      for (const format of formats ?? [PRIMARY_FORMAT[job.kind]]) {
        const target = join(orgOut, `${job.baseName}.${format}`);
        try {
          const bytes = await (format === "pdf" ? exportPdf : exportDocx)(rendered.doc, options);
          await writeAtomic(target, bytes);
          report.push({ file: job.file, kind: job.kind, format, out: relative(io.cwd, target) });
          if (!opts.json) io.err(`${io.lang === "th" ? "สร้าง" : "wrote"} ${relative(io.cwd, target)}`);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          diagnostics.push(
            code
              ? error("E_WRITE", { path: relative(io.cwd, target), reason: code }, { file: job.file, line: 0, col: 0 })
              : error("E_EXPORT", { format, detail: (e as Error).message }, { file: job.file, line: 0, col: 0 }),
          );
          failed++;
        }
      }
    }
  }
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (opts.json) {
    io.out(JSON.stringify({ ok: errors.length === 0, command: "build", documents: report, failed, diagnostics: diagnostics.map((d) => diagnosticToJson(d, io.lang)) }, null, 2));
  } else {
    for (const d of diagnostics) io.err(formatDiagnostic(d, io.lang));
    io.err(
      io.lang === "th"
        ? `สรุป: สร้างเอกสาร ${report.length} ไฟล์ ใน ${seconds} วินาที, ข้อผิดพลาด ${errors.length}, คำเตือน ${warnings.length}`
        : `summary: ${report.length} document(s) in ${seconds} s, ${errors.length} error(s), ${warnings.length} warning(s)`,
    );
  }
  return errors.length > 0 ? Exit.invalidInput : Exit.ok;
}

async function readEmblem(org: OrgInput, cwd: string, diagnostics: Diagnostic[]): Promise<Uint8Array | undefined> {
  const path = org.org.settings?.emblem;
  const hasMemo = [...org.years.values()].some((y) => y.data.memo);
  if (!path) {
    if (hasMemo) diagnostics.push(warning("W_EMBLEM_MISSING", { path: "" }, { file: org.orgFile, line: 0, col: 0 }));
    return undefined;
  }
  const abs = resolve(cwd, dirname(org.orgFile), path);
  try {
    return new Uint8Array(await readFile(abs));
  } catch {
    diagnostics.push(warning("W_EMBLEM_MISSING", { path }, { file: org.orgFile, line: 0, col: 0 }));
    return undefined;
  }
}
