/**
 * Every step at once, for callers that want all documents of a folder (tests,
 * benchmarks): no output folder, manifest or emblem checks, which are the
 * CLI's (cli/build/build-org.ts).
 */
import type { Diagnostic } from "../diag/diagnostic.js";
import type { DocJob } from "../documents/plan-documents.js";
import type { ExportOptions } from "../export/exporter.js";
import type { Format } from "../export/formats.js";
import type { DocModel } from "../model/document.js";
import type { MarkupError } from "../render/errors.js";
import type { TemplateSet } from "../render/load-templates.js";
import { exportDocument } from "./export.js";
import { loadInput, type SourceFile } from "./load.js";
import { modelOf } from "./model.js";
import { planJobs, type PlanRequest } from "./plan.js";

export interface DocumentsRequest extends PlanRequest {
  readonly dir: string;
  readonly org: SourceFile | undefined;
  readonly yearFiles: readonly SourceFile[];
  readonly templates: TemplateSet;
  /** Formats to export each model to; none: models only. */
  readonly formats?: readonly Format[];
  /** Options per format (the PDF embeds other fonts than the DOCX names). */
  readonly exportOptions?: (job: DocJob, format: Format) => ExportOptions;
}

export interface BuiltDocument {
  readonly job: DocJob;
  readonly model?: DocModel;
  readonly templateErrors: readonly MarkupError[];
  readonly bytes: ReadonlyMap<Format, Uint8Array>;
}

export async function documentsOf(req: DocumentsRequest): Promise<{ readonly loadErrors: readonly Diagnostic[]; readonly documents: readonly BuiltDocument[] }> {
  const loaded = loadInput(req.dir, req.org, req.yearFiles);
  if (!loaded.org) return { loadErrors: loaded.errors, documents: [] };
  const documents: BuiltDocument[] = [];
  for (const job of planJobs(loaded.org, req.templates, req)) {
    const rendered = modelOf(req.templates, job);
    const bytes = new Map<Format, Uint8Array>();
    if (rendered?.ok && req.exportOptions) {
      for (const f of req.formats ?? []) bytes.set(f, await exportDocument(rendered.doc, f, req.exportOptions(job, f)));
    }
    documents.push({ job, ...(rendered?.ok ? { model: rendered.doc } : {}), templateErrors: rendered && !rendered.ok ? rendered.errors : [], bytes });
  }
  return { loadErrors: loaded.errors, documents };
}
