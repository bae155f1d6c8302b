/**
 * Check and preview for the page, through the one pipeline (loadInput →
 * planJobs → modelOf → exportDocument) as `validate` and `build` run it, on
 * the page's text. Templates and fonts are loaded once when the server
 * starts and stay warm in this process, with pdfmake's and the shaper's own
 * caches, so a preview costs the render and the export only.
 */
import type { Diagnostic } from "../diag/diagnostic.js";
import { collectDocumentWarnings } from "../documents/plan-documents.js";
import { isDocKind, KINDS, type DocKind } from "../documents/kinds.js";
import type { ExportOptions } from "../export/exporter.js";
import { isFormat, type Format } from "../export/formats.js";
import { MissingGlyphsError } from "../export/pdf/index.js";
import { uniqueDiagnostics } from "../input/validate-input.js";
import { exportDocument, loadInput, modelOf, planJobs, type OrgLoadResult } from "../pipeline/index.js";
import { error } from "../diag/diagnostic.js";
import { readErrorDiagnostic, ignoredDiagnostics } from "../cli/discover.js";
import { createdAtFor, templateDiagnostic, type BuildResources } from "../cli/build/build-org.js";
import { loadEmblem } from "../cli/build/emblem.js";
import { loadOrgPdfFont } from "../cli/build/pdf-font-setting.js";
import { loadTemplates } from "../cli/build/resources-load.js";
import { loadBundledFonts } from "../cli/resources.js";
import { loadBundledPdfFonts } from "../cli/pdf-fonts.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { folderOf, sourcesWithEdit, type EditedSources } from "./workspace.js";

export const MIME: Record<Format, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const EMBLEM_REF = "emblem";

export type Resources = BuildResources & { readonly templatesHash: string };

/** Templates (the built-in set or --templates) and fonts, once per server. */
export async function loadResources(templatesDir: string | undefined, cwd: string): Promise<{ ok: true; resources: Resources } | { ok: false; errors: Diagnostic[] }> {
  const t = await loadTemplates(templatesDir, cwd);
  if (!t.ok) return { ok: false, errors: t.errors };
  const [fonts, pdfFonts] = await Promise.all([loadBundledFonts(), loadBundledPdfFonts()]);
  return { ok: true, resources: { templates: t.set, fonts, pdfFonts, templatesHash: t.hash } };
}

function loadEdited(src: EditedSources): OrgLoadResult {
  const loaded = loadInput(src.folder.dir, src.org, src.years);
  const orgUnread = src.readErrors.some((r) => r.path === src.folder.orgPath);
  return {
    ...loaded,
    errors: [...src.readErrors.map(readErrorDiagnostic), ...(orgUnread ? loaded.errors.filter((d) => d.code !== "E_ORG_MISSING") : loaded.errors)],
    warnings: [...ignoredDiagnostics(src.folder), ...loaded.warnings],
  };
}

/** Every diagnostic `itadoc validate` gives for the organisation, with the page's text in place of the file. */
export async function checkEdited(src: EditedSources, root: string): Promise<Diagnostic[]> {
  const result = loadEdited(src);
  const extra: Diagnostic[] = [];
  if (result.org) {
    const org = result.org;
    const wantsMemo = [...org.years.values()].some((y) => y.data.memo);
    const emblem = await loadEmblem(org, root, wantsMemo, extra);
    if (emblem.state === "error") extra.push(emblem.diagnostic);
    extra.push(...collectDocumentWarnings(org));
  }
  return uniqueDiagnostics([...result.errors, ...extra.filter((d) => d.severity === "error"), ...result.warnings, ...extra.filter((d) => d.severity !== "error")]);
}

export type PreviewResult = { readonly ok: true; readonly bytes: Uint8Array; readonly fileName: string; readonly mime: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface PreviewRequest {
  readonly rel: string;
  readonly kind: DocKind;
  readonly format: Format;
}

export function parsePreviewKind(kind: unknown, format: unknown): { kind: DocKind; format: Format } | undefined {
  return typeof kind === "string" && isDocKind(kind) && typeof format === "string" && isFormat(format) ? { kind, format } : undefined;
}

/** One document of the edited year file, as `build` would make it (same data, options and bytes), without writing it. */
export async function previewEdited(src: EditedSources, root: string, res: Resources, req: PreviewRequest): Promise<PreviewResult> {
  const loaded = loadEdited(src);
  const org = loaded.org;
  const fileErrors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error");
  if (!org) return { ok: false, diagnostics: fileErrors(loaded.errors) };
  const diagnostics: Diagnostic[] = [];
  const emblem = req.kind === "memo" ? await loadEmblem(org, root, true, diagnostics) : ({ state: "none" } as const);
  if (emblem.state === "error") return { ok: false, diagnostics: [emblem.diagnostic] };
  const [job] = planJobs(org, res.templates, { kinds: [req.kind], only: new Set([req.rel]), ...(emblem.state === "ok" ? { emblemRef: EMBLEM_REF } : {}) });
  if (!job) {
    // The year file has errors (its documents are not planned) or no section of this kind.
    const own = fileErrors(loaded.errors).filter((d) => d.pos?.file === req.rel);
    return { ok: false, diagnostics: own.length > 0 ? own : [error("E_SERVE_NO_DOCUMENT", { file: req.rel, kind: req.kind, kindTh: KINDS[req.kind].th, kindEn: KINDS[req.kind].en }, { file: req.rel, line: 0, col: 0 })] };
  }
  if (!job.result.ok) return { ok: false, diagnostics: job.result.errors };
  const rendered = modelOf(res.templates, job)!;
  if (!rendered.ok) return { ok: false, diagnostics: rendered.errors.map(templateDiagnostic) };
  const images = new Map<string, Uint8Array>();
  if (emblem.state === "ok") images.set(EMBLEM_REF, emblem.bytes);
  const docxFont = org.org.settings?.font;
  const options: ExportOptions = { fonts: res.fonts, createdAt: createdAtFor(job.fiscalYear), images, ...(docxFont ? { docxFont } : {}) };
  let fonts = res.fonts;
  if (req.format === "pdf") {
    const orgFont = await loadOrgPdfFont(org, root);
    if (orgFont.state === "error") return { ok: false, diagnostics: [orgFont.diagnostic] };
    fonts = orgFont.state === "ok" ? orgFont.fonts : (res.pdfFonts ?? res.fonts);
  }
  try {
    const bytes = await exportDocument(rendered.doc, req.format, { ...options, fonts });
    return { ok: true, bytes, fileName: `${job.baseName}.${req.format}`, mime: MIME[req.format] };
  } catch (e) {
    if (e instanceof MissingGlyphsError) {
      const codes = e.chars.map((c) => (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0"));
      return { ok: false, diagnostics: [error("E_PDF_GLYPH", { family: e.family, chars: e.chars.join(" "), codes: codes.join(", U+") }, { file: job.file, line: 0, col: 0 })] };
    }
    return { ok: false, diagnostics: [error("E_EXPORT", { format: req.format, detail: (e as Error).message }, { file: job.file, line: 0, col: 0 })] };
  }
}

/**
 * A first preview costs several times a later one (templates' code paths,
 * the fonts' glyph tables, pdfmake's own first-use work): done once on the
 * shipped examples when the server starts, so that the clerk's first
 * keystrokes are previewed as fast as the rest. Failures do not matter here.
 */
export async function warmUp(res: Resources, examplesRoot: string): Promise<void> {
  const docs = [
    { rel: "khon-kaen-city/2563.yaml", kind: "memo" },
    { rel: "khon-kaen-city/2564.yaml", kind: "measures" },
  ] as const;
  for (const { rel, kind } of docs) {
    try {
      const folder = await folderOf(examplesRoot, rel);
      if (!folder) continue;
      const src = await sourcesWithEdit(examplesRoot, folder, rel, await readFile(join(examplesRoot, rel), "utf8"));
      await previewEdited(src, examplesRoot, res, { rel, kind, format: "pdf" });
    } catch {
      // a missing or broken example only means no warm-up
    }
  }
}
