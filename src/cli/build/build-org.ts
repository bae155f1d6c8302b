/**
 * Everything `build` does for one organisation folder: read, validate, plan,
 * render, export, write. Runs the same in the main thread (--jobs 1) and in
 * a worker; its result is plain data that crosses threads.
 */
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";
import { error, warning, type Diagnostic } from "../../diag/diagnostic.js";
import type { DocKind } from "../../documents/common.js";
import type { ExportOptions, FontSet } from "../../export/exporter.js";
import { beToCe } from "../../thai/fiscal-year.js";
// From their own small modules: a run that makes no PDF does not load the PDF export (src/export/pdf/index.ts).
import { PdfEngineMismatch } from "../../export/pdf/engine-mismatch.js";
import { MissingGlyphsError } from "../../export/pdf/glyph-coverage.js";
import { exportDocument, loadInput, modelOf, planJobs } from "../../pipeline/index.js";
import type { TemplateSet } from "../../render/load-templates.js";
import { PRIMARY_FORMAT, type Format } from "../build-options.js";
import { ignoredDiagnostics, readErrorDiagnostic, readSources, type OrgFolder } from "../discover.js";
import { removeStaleTemporaryFiles, writeAtomic } from "../write-atomic.js";
import { loadEmblem } from "./emblem.js";
import { fileDependency, folderDependency, listingOf, replayable, requestKey, type BuildRecord, type Dependency, type RecordedDoc } from "./build-record.js";
import { loadSectionImages, sectionImageKey } from "./section-images.js";
import { MANIFEST_NAME, readManifest } from "./manifest.js";
import { OutputFolder } from "./output-folder.js";
import { loadOrgPdfFont } from "./pdf-font-setting.js";
import { templateDiagnostic } from "./template-diagnostic.js";

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
  /** Documents (base names) not to make because an earlier attempt ran out of memory on them, with the reason. */
  readonly skip?: readonly { readonly name: string; readonly reason: string }[];
}

/** Told which document is being made (undefined: none), so a worker that dies can say which one it was. */
export type OnDocument = (baseName: string | undefined) => void;

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

export { templateDiagnostic };

/** Fixed per document: the last day of its fiscal year (30 September, CE). Same input → same bytes. */
export function createdAtFor(fiscalYear: number): Date {
  return new Date(Date.UTC(beToCe(fiscalYear), 8, 30, 0, 0, 0));
}

export async function buildOrganisation(task: OrgBuildTask, s: OrgBuildSettings, res: BuildResources, onDocument: OnDocument = () => undefined): Promise<OrgBuildResult> {
  const { folder, outDir } = task;
  const src = await readSources(folder, s.cwd);
  const loaded = loadInput(folder.dir, src.org, src.years);
  const diagnostics: Diagnostic[] = [
    ...src.readErrors.map(readErrorDiagnostic),
    // An org.yaml that exists but could not be read is reported as such, not also as missing.
    ...(src.readErrors.some((r) => r.path === folder.orgPath) ? loaded.errors.filter((d) => d.code !== "E_ORG_MISSING") : loaded.errors),
    ...loaded.warnings,
    ...ignoredDiagnostics(folder),
  ];
  let failed = src.readErrors.length + (loaded.errors.length > 0 ? 1 : 0);
  const docs: WrittenDoc[] = [];
  const org = loaded.org;
  if (!org) {
    // Nothing of this organisation can be trusted: its earlier documents must not pass for current ones.
    const outputs = await openOutputFolder(outDir, s, diagnostics);
    await outputs.withdraw((name) => inScope(name, s, undefined), folder.orgPath ?? folder.dir);
    outputs.record = undefined;
    await outputs.save();
    return { dir: folder.dir, docs, diagnostics, failed };
  }

  const images = new Map<string, Uint8Array>();
  const wantsMemo = s.kinds.includes("memo") && [...org.years.values()].some((y) => y.data.memo);
  const emblemResult = await loadEmblem(org, s.cwd, wantsMemo, diagnostics);
  const emblem = emblemResult.state === "ok" ? emblemResult.bytes : undefined;
  if (emblem) images.set(EMBLEM_REF, emblem);
  const sectionImages = await loadSectionImages(org, s.cwd, images);
  const wantsPdf = (s.formats ?? s.kinds.map((k) => PRIMARY_FORMAT[k])).includes("pdf");
  const orgFont = wantsPdf ? await loadOrgPdfFont(org, s.cwd) : ({ state: "none" } as const);
  const pdfFonts = orgFont.state === "ok" ? orgFont.fonts : (res.pdfFonts ?? res.fonts);
  let pdfFontReported = false;
  const jobs = planJobs(org, res.templates, {
    kinds: s.kinds,
    ...(folder.only ? { only: folder.only } : {}),
    ...(s.years ? { years: s.years } : {}),
    ...(emblem ? { emblemRef: EMBLEM_REF } : {}),
  });

  // A document depends on every file of its organisation (the memo compares years) and on the emblem.
  const inputKey = hashOf([s.toolKey, ...[src.org, ...src.years].filter((x) => x !== undefined).map((f) => `${f.path}\0${hashOf([f.bytes])}`), emblem ? hashOf([emblem]) : "", ...sectionImages.bytes.map((b) => hashOf([b])), ...(orgFont.state === "ok" ? orgFont.bytes.map((b) => hashOf([b])) : [])]);
  await removeStaleTemporaryFiles(outDir);
  const outputs = await openOutputFolder(outDir, s, diagnostics);
  // A document section with errors (memo:, measures:, report:) builds nothing: its earlier output is withdrawn.
  for (const entry of org.years.values()) {
    if (folder.only && !folder.only.has(entry.file)) continue;
    for (const kind of entry.brokenSections) {
      const fy = entry.data.fiscal_year;
      await outputs.withdraw((name) => name.startsWith(`${fy}-${kind}.`) && inScope(name, s, fy), entry.file);
    }
  }
  // A year file with errors builds nothing: its documents from an earlier run are withdrawn.
  for (const file of org.brokenFiles) {
    const year = /([0-9]{4})\.ya?ml$/.exec(file)?.[1];
    if (year && (!folder.only || folder.only.has(file))) await outputs.withdraw((name) => name.startsWith(`${year}-`) && inScope(name, s, Number(year)), file);
  }

  let emblemReported = false;
  /** The documents of this run, for the record a rerun checks before parsing (build-record.ts). */
  const recorded: RecordedDoc[] = [];
  for (const job of jobs) {
    // A configured emblem that cannot be used stops the memo only; the other documents do not print it.
    if (job.kind === "memo" && emblemResult.state === "error") {
      if (!emblemReported) diagnostics.push(emblemResult.diagnostic);
      emblemReported = true;
      failed++;
      await outputs.withdraw((name) => name.startsWith(`${job.baseName}.`), org.orgFile);
      continue;
    }
    // A picture a section names that cannot be used stops that document, as the emblem stops the memo.
    const imageErrors = sectionImages.errors.get(sectionImageKey(job.file, job.kind));
    if (imageErrors) {
      diagnostics.push(...imageErrors);
      failed++;
      await outputs.withdraw((name) => name.startsWith(`${job.baseName}.`), job.file);
      continue;
    }
    if (!job.result.ok) {
      diagnostics.push(...job.result.errors, ...job.result.warnings);
      failed++;
      // A name clash: the output belongs to the other file's document, which stays.
      if (!job.result.errors.some((d) => d.code === "E_OUTPUT_CLASH")) await outputs.withdraw((name) => name.startsWith(`${job.baseName}.`), job.file);
      continue;
    }
    diagnostics.push(...job.result.warnings);
    const formats = s.formats ?? [PRIMARY_FORMAT[job.kind]];
    const names = formats.map((f) => `${job.baseName}.${f}`);
    const key = hashOf([inputKey, job.kind, job.baseName]);
    // Skipped only if every output is on disk with the very bytes written for this key (a truncated one is rebuilt).
    if (!s.force && (await everyAsync(names, (n) => outputs.upToDate(n, key)))) {
      for (const [i, format] of formats.entries()) {
        docs.push({ file: job.file, kind: job.kind, format, out: rel(s.cwd, await outputs.currentPath(names[i]!)), skipped: true });
        recorded.push({ file: job.file, kind: job.kind, format, name: names[i]!, key });
      }
      continue;
    }
    // A document that exhausted the memory of an earlier attempt costs that document only.
    const skipped = task.skip?.find((k) => k.name === job.baseName);
    if (skipped) {
      diagnostics.push(error("E_DOC_MEMORY", { name: job.baseName, detail: skipped.reason }, { file: job.file, line: 0, col: 0 }));
      failed++;
      await outputs.withdraw((name) => name.startsWith(`${job.baseName}.`), job.file);
      continue;
    }
    onDocument(job.baseName);
    const rendered = modelOf(res.templates, job)!;
    if (!rendered.ok) {
      diagnostics.push(...rendered.errors.map(templateDiagnostic));
      failed++;
      await outputs.withdraw((name) => name.startsWith(`${job.baseName}.`), job.file);
      continue;
    }
    const docxFont = org.org.settings?.font;
    const options: ExportOptions = { fonts: res.fonts, createdAt: createdAtFor(job.fiscalYear), images, ...(docxFont ? { docxFont } : {}) };
    for (const format of formats) {
      const target = join(outDir, `${job.baseName}.${format}`);
      // A configured PDF font that cannot be used stops the PDFs only, as the emblem stops the memo.
      if (format === "pdf" && orgFont.state === "error") {
        if (!pdfFontReported) diagnostics.push(orgFont.diagnostic);
        pdfFontReported = true;
        failed++;
        await outputs.withdraw((name) => name === `${job.baseName}.${format}`, org.orgFile);
        continue;
      }
      try {
        const bytes = await exportDocument(rendered.doc, format, format === "pdf" ? { ...options, fonts: pdfFonts } : options);
        const written = await outputs.write(`${job.baseName}.${format}`, bytes, key, job.file);
        docs.push({ file: job.file, kind: job.kind, format, out: rel(s.cwd, written), skipped: false });
        recorded.push({ file: job.file, kind: job.kind, format, name: `${job.baseName}.${format}`, key });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const codes = (e instanceof MissingGlyphsError ? e.chars : []).map((c) => (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0"));
        diagnostics.push(
          e instanceof MissingGlyphsError
            ? error("E_PDF_GLYPH", { family: e.family, chars: e.chars.join(" "), codes: codes.join(", U+") }, { file: job.file, line: 0, col: 0 })
            : e instanceof PdfEngineMismatch
            ? error("E_INTERNAL", { detail: e.message }, { file: job.file, line: 0, col: 0 })
            : code
            ? error("E_WRITE", { path: rel(s.cwd, target), reason: code }, { file: job.file, line: 0, col: 0 })
            : error("E_EXPORT", { format, detail: (e as Error).message }, { file: job.file, line: 0, col: 0 }),
        );
        failed++;
        await outputs.withdraw((name) => name === `${job.baseName}.${format}`, job.file);
      }
    }
    onDocument(undefined);
  }
  onDocument(undefined);
  const years = [...org.years.keys()];
  // Only a clean build is recorded: a rerun after errors parses again and says them again.
  const clean = failed === 0 && emblemResult.state !== "error" && orgFont.state !== "error";
  outputs.record = clean ? await recordOf(task, s, src, emblemPath(org, s.cwd, emblemResult.state === "ok" ? emblem : undefined), sectionImages.files, orgFont, recorded, years, diagnostics) : undefined;
  await outputs.save();
  return { dir: folder.dir, docs, diagnostics, failed, years };
}

/** The configured emblem's path and bytes, when one was read. */
function emblemPath(org: { readonly orgFile: string; readonly org: { readonly settings?: { readonly emblem?: string } } }, cwd: string, bytes: Uint8Array | undefined): { path: string; bytes: Uint8Array } | undefined {
  const path = org.org.settings?.emblem;
  return path && bytes ? { path: resolve(cwd, dirname(org.orgFile), path), bytes } : undefined;
}

/** What a rerun must find unchanged to skip this organisation without parsing it. */
async function recordOf(
  task: OrgBuildTask,
  s: OrgBuildSettings,
  src: { readonly org?: { path: string; bytes: Uint8Array }; readonly years: readonly { path: string; bytes: Uint8Array }[] },
  emblem: { path: string; bytes: Uint8Array } | undefined,
  pictures: readonly { readonly path: string; readonly bytes: Uint8Array }[],
  font: Awaited<ReturnType<typeof loadOrgPdfFont>>,
  docs: readonly RecordedDoc[],
  years: readonly number[],
  diagnostics: readonly Diagnostic[],
): Promise<BuildRecord> {
  const deps: Dependency[] = [src.org, ...src.years].filter((f) => f !== undefined).map((f) => fileDependency(s.cwd, f.path, f.bytes));
  if (emblem) deps.push(fileDependency(s.cwd, emblem.path, emblem.bytes));
  for (const p of pictures) deps.push(fileDependency(s.cwd, p.path, p.bytes));
  if (font.state === "ok") {
    if (font.folder) deps.push(folderDependency(s.cwd, font.folder, await listingOf(font.folder)));
    for (const [i, p] of font.paths.entries()) deps.push(fileDependency(s.cwd, p, font.bytes[i]!));
  }
  return { request: requestKey({ ...s, folder: task.folder, outDir: task.outDir }), deps, docs, years, diagnostics: replayable(diagnostics) };
}

/** Is an output name ("2563-memo.docx") within what this run was asked to build? */
function inScope(name: string, s: OrgBuildSettings, year: number | undefined): boolean {
  const m = /^([0-9]{4})-([a-z]+)\.(?:itadoc-new(?:-[0-9])?\.)?([a-z]+)$/.exec(name);
  if (!m) return false;
  const y = year ?? Number(m[1]);
  return (!s.years || s.years.has(y)) && (s.kinds as readonly string[]).includes(m[2]!);
}

/** The organisation's output folder with its manifest (--force: nothing counts as up to date, but the hashes still guard edits). */
async function openOutputFolder(outDir: string, s: OrgBuildSettings, diagnostics: Diagnostic[]): Promise<OutputFolder> {
  const { manifest, record, warnings } = await readManifest(outDir, rel(s.cwd, join(outDir, MANIFEST_NAME)));
  diagnostics.push(...warnings);
  return new OutputFolder(outDir, manifest, s.cwd, diagnostics, record);
}

async function everyAsync<T>(xs: readonly T[], p: (x: T) => Promise<boolean>): Promise<boolean> {
  for (const x of xs) if (!(await p(x))) return false;
  return true;
}

function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex").slice(0, 32);
}

function rel(cwd: string, p: string): string {
  return relative(cwd, p);
}
