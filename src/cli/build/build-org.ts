/**
 * Everything `build` does for one organisation folder: read, validate, plan,
 * render, export, write. Runs the same in the main thread (--jobs 1) and in
 * a worker; its result is plain data that crosses threads.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { error, warning, type Diagnostic } from "../../diag/diagnostic.js";
import type { ColumnDef } from "../../documents/measures-data.js";
import { DEFAULT_MEASURES_COLUMNS, planDocuments } from "../../documents/plan-documents.js";
import type { DocKind } from "../../documents/common.js";
import type { ExportOptions, FontSet } from "../../export/exporter.js";
import { exportDocx } from "../../export/docx/index.js";
import { exportPdf, MissingGlyphsError } from "../../export/pdf/index.js";
import { loadOrganisation } from "../../input/load-organisation.js";
import type { MarkupError } from "../../render/errors.js";
import type { TemplateSet } from "../../render/load-templates.js";
import { renderDocument } from "../../render/render-template.js";
import type { Code } from "../../diag/codes.js";
import { PRIMARY_FORMAT, type Format } from "../build-options.js";
import { readErrorDiagnostic, readSources, type OrgFolder } from "../discover.js";
import { writeAtomic } from "../write-atomic.js";
import { loadEmblem } from "./emblem.js";
import { loadOrgPdfFont } from "./pdf-font-setting.js";
import { readManifest, writeManifest, type Manifest } from "./manifest.js";

export interface OrgBuildSettings {
  readonly cwd: string;
  readonly kinds: readonly DocKind[];
  readonly formats?: readonly Format[];
  readonly years?: ReadonlySet<number>;
  readonly force: boolean;
  /** Hash of the tool version and the template set: part of every document's key. */
  readonly toolKey: string;
}

export interface OrgBuildTask {
  readonly folder: OrgFolder;
  /** Absolute output folder of this organisation. */
  readonly outDir: string;
}

export interface WrittenDoc {
  readonly file: string;
  readonly kind: DocKind;
  readonly format: Format;
  readonly out: string;
  readonly skipped: boolean;
}

export interface OrgBuildResult {
  readonly dir: string;
  readonly docs: readonly WrittenDoc[];
  readonly diagnostics: readonly Diagnostic[];
  /** Inputs or documents that failed (0: all good). */
  readonly failed: number;
  /** Fiscal years that have a file in this organisation (to explain a --year that matches nothing). */
  readonly years?: readonly number[];
}

export interface BuildResources {
  readonly templates: TemplateSet;
  readonly fonts: FontSet;
  /** The family the PDFs embed (pdf-fonts.ts); `fonts` when absent. */
  readonly pdfFonts?: FontSet;
}

const EMBLEM_REF = "emblem";

export function templateDiagnostic(e: MarkupError): Diagnostic {
  return error(e.code as Code, { detail: e.message }, { file: e.file, line: e.line, col: e.line > 0 ? 1 : 0 });
}

/** Fixed per document: the last day of its fiscal year (30 September, CE). Same input → same bytes. */
export function createdAtFor(fiscalYear: number): Date {
  return new Date(Date.UTC(fiscalYear - 543, 8, 30, 0, 0, 0));
}

export async function buildOrganisation(task: OrgBuildTask, s: OrgBuildSettings, res: BuildResources): Promise<OrgBuildResult> {
  const { folder, outDir } = task;
  const src = await readSources(folder, s.cwd);
  const loaded = loadOrganisation(folder.dir, src.org, src.years);
  const diagnostics: Diagnostic[] = [
    ...src.readErrors.map(readErrorDiagnostic),
    // An org.yaml that exists but could not be read is reported as such, not also as missing.
    ...(src.readErrors.some((r) => r.path === folder.orgPath) ? loaded.errors.filter((d) => d.code !== "E_ORG_MISSING") : loaded.errors),
    ...loaded.warnings,
  ];
  let failed = src.readErrors.length + (loaded.errors.length > 0 ? 1 : 0);
  const docs: WrittenDoc[] = [];
  const org = loaded.org;
  if (!org) {
    // Nothing of this organisation can be trusted: its earlier documents must not pass for current ones.
    const stale = new StaleOutputs(outDir, await readManifest(outDir), s, diagnostics, folder.orgPath ?? folder.dir);
    await stale.withdraw((name) => inScope(name, s, undefined));
    await stale.save();
    return { dir: folder.dir, docs, diagnostics, failed };
  }

  const images = new Map<string, Uint8Array>();
  const wantsMemo = s.kinds.includes("memo") && [...org.years.values()].some((y) => y.data.memo);
  const emblemResult = await loadEmblem(org, s.cwd, wantsMemo, diagnostics);
  const emblem = emblemResult.state === "ok" ? emblemResult.bytes : undefined;
  if (emblem) images.set(EMBLEM_REF, emblem);
  const wantsPdf = (s.formats ?? s.kinds.map((k) => PRIMARY_FORMAT[k])).includes("pdf");
  const orgFont = wantsPdf ? await loadOrgPdfFont(org, s.cwd) : ({ state: "none" } as const);
  const pdfFonts = orgFont.state === "ok" ? orgFont.fonts : (res.pdfFonts ?? res.fonts);
  let pdfFontReported = false;
  const columns = (res.templates.data["measures"]?.columns as ColumnDef[] | undefined) ?? DEFAULT_MEASURES_COLUMNS;
  const jobs = planDocuments(org, {
    kinds: s.kinds,
    ...(folder.only ? { only: folder.only } : {}),
    ...(s.years ? { years: s.years } : {}),
    ...(emblem ? { emblemRef: EMBLEM_REF } : {}),
    measuresColumns: columns,
  }).filter((j) => !org.brokenFiles.has(j.file));

  // A document depends on every file of its organisation (the memo compares years) and on the emblem.
  const inputKey = hashOf([s.toolKey, ...[src.org, ...src.years].filter((x) => x !== undefined).map((f) => `${f.path}\0${hashOf([f.bytes])}`), emblem ? hashOf([emblem]) : "", ...(orgFont.state === "ok" ? orgFont.bytes.map((b) => hashOf([b])) : [])]);
  await removeStaleTemporaryFiles(outDir);
  const stored = await readManifest(outDir);
  const manifest: Manifest = s.force ? {} : stored;
  const stale = new StaleOutputs(outDir, stored, s, diagnostics, org.orgFile);
  const nextManifest = stale.manifest;
  // A document section with errors (memo:, measures:, report:) builds nothing: its earlier output is withdrawn.
  for (const entry of org.years.values()) {
    if (folder.only && !folder.only.has(entry.file)) continue;
    for (const kind of entry.brokenSections) {
      const fy = entry.data.fiscal_year;
      await stale.withdraw((name) => name.startsWith(`${fy}-${kind}.`) && inScope(name, s, fy), entry.file);
    }
  }
  // A year file with errors builds nothing: its documents from an earlier run are withdrawn.
  for (const file of org.brokenFiles) {
    const year = /([0-9]{4})\.ya?ml$/.exec(file)?.[1];
    if (year && (!folder.only || folder.only.has(file))) await stale.withdraw((name) => name.startsWith(`${year}-`) && inScope(name, s, Number(year)), file);
  }

  let emblemReported = false;
  for (const job of jobs) {
    // A configured emblem that cannot be used stops the memo only; the other documents do not print it.
    if (job.kind === "memo" && emblemResult.state === "error") {
      if (!emblemReported) diagnostics.push(emblemResult.diagnostic);
      emblemReported = true;
      failed++;
      await stale.withdraw((name) => name.startsWith(`${job.baseName}.`), org.orgFile);
      continue;
    }
    if (!job.result.ok) {
      diagnostics.push(...job.result.errors, ...job.result.warnings);
      failed++;
      await stale.withdraw((name) => name.startsWith(`${job.baseName}.`), job.file);
      continue;
    }
    diagnostics.push(...job.result.warnings);
    const formats = s.formats ?? [PRIMARY_FORMAT[job.kind]];
    const names = formats.map((f) => `${job.baseName}.${f}`);
    const key = hashOf([inputKey, job.kind, job.baseName]);
    if (!s.force && names.every((n) => manifest[n] === key)) {
      const existing = await Promise.all(names.map((n) => readFile(join(outDir, n)).then(() => true, () => false)));
      if (existing.every(Boolean)) {
        formats.forEach((format, i) => docs.push({ file: job.file, kind: job.kind, format, out: rel(s.cwd, join(outDir, names[i]!)), skipped: true }));
        continue;
      }
    }
    const rendered = renderDocument(res.templates, job.kind, job.result.data);
    if (!rendered.ok) {
      diagnostics.push(...rendered.errors.map(templateDiagnostic));
      failed++;
      await stale.withdraw((name) => name.startsWith(`${job.baseName}.`), job.file);
      continue;
    }
    const options: ExportOptions = { fonts: res.fonts, createdAt: createdAtFor(job.fiscalYear), images };
    for (const format of formats) {
      const target = join(outDir, `${job.baseName}.${format}`);
      // A configured PDF font that cannot be used stops the PDFs only, as the emblem stops the memo.
      if (format === "pdf" && orgFont.state === "error") {
        if (!pdfFontReported) diagnostics.push(orgFont.diagnostic);
        pdfFontReported = true;
        failed++;
        await stale.withdraw((name) => name === `${job.baseName}.${format}`, org.orgFile);
        continue;
      }
      try {
        const bytes = await (format === "pdf" ? exportPdf(rendered.doc, { ...options, fonts: pdfFonts }) : exportDocx(rendered.doc, options));
        await writeAtomic(target, bytes);
        nextManifest[`${job.baseName}.${format}`] = key;
        docs.push({ file: job.file, kind: job.kind, format, out: rel(s.cwd, target), skipped: false });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const codes = (e instanceof MissingGlyphsError ? e.chars : []).map((c) => (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0"));
        diagnostics.push(
          e instanceof MissingGlyphsError
            ? error("E_PDF_GLYPH", { family: e.family, chars: e.chars.join(" "), codes: codes.join(", U+") }, { file: job.file, line: 0, col: 0 })
            : code
            ? error("E_WRITE", { path: rel(s.cwd, target), reason: code }, { file: job.file, line: 0, col: 0 })
            : error("E_EXPORT", { format, detail: (e as Error).message }, { file: job.file, line: 0, col: 0 }),
        );
        failed++;
        await stale.withdraw((name) => name === `${job.baseName}.${format}`, job.file);
      }
    }
  }
  if (docs.some((d) => !d.skipped) || stale.changed) await writeManifest(outDir, nextManifest).catch(() => undefined);
  return { dir: folder.dir, docs, diagnostics, failed, years: [...org.years.keys()] };
}

/** Is an output name ("2563-memo.docx") within what this run was asked to build? */
function inScope(name: string, s: OrgBuildSettings, year: number | undefined): boolean {
  const m = /^([0-9]{4})-([a-z]+)\.([a-z]+)$/.exec(name);
  if (!m) return false;
  const y = year ?? Number(m[1]);
  return (!s.years || s.years.has(y)) && (s.kinds as readonly string[]).includes(m[2]!);
}

/**
 * Documents an earlier run made (listed in the manifest) whose input now has
 * errors. They are removed, with a warning, so that an out-of-date memo
 * cannot be mistaken for a current one; fixing the input and building again
 * makes them anew. Files itadoc did not make are never touched.
 */
class StaleOutputs {
  readonly manifest: Manifest;
  changed = false;

  constructor(
    private readonly outDir: string,
    stored: Manifest,
    private readonly s: OrgBuildSettings,
    private readonly diagnostics: Diagnostic[],
    private readonly file: string,
  ) {
    this.manifest = { ...stored };
  }

  /** `because`: the input file whose errors stop the document (the warning points at it). */
  async withdraw(match: (name: string) => boolean, because: string = this.file): Promise<void> {
    for (const name of Object.keys(this.manifest).filter(match)) {
      delete this.manifest[name];
      this.changed = true;
      const path = join(this.outDir, name);
      const removed = await rm(path).then(() => true, () => false);
      if (removed) this.diagnostics.push(warning("W_STALE_REMOVED", { path: rel(this.s.cwd, path) }, { file: because, line: 0, col: 0 }));
    }
  }

  async save(): Promise<void> {
    if (this.changed) await writeManifest(this.outDir, this.manifest).catch(() => undefined);
  }
}

/** A run killed outright (power cut, kill -9) can leave temporary files; only one task writes a folder, so they are stale. */
export async function removeStaleTemporaryFiles(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith(".tmp")).map((n) => rm(join(outDir, n), { force: true })));
}

function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex").slice(0, 32);
}

function rel(cwd: string, p: string): string {
  return relative(cwd, p);
}
