/** Step 3: a planned document's data → its document model, through the kind's template. */
import type { DocJob } from "../documents/plan-documents.js";
import type { TemplateSet } from "../render/load-templates.js";
import { renderDocument, type RenderResult } from "../render/render-template.js";

/** undefined: the job has no data (its errors stop it). */
export function modelOf(templates: TemplateSet, job: Pick<DocJob, "kind" | "result">): RenderResult | undefined {
  return job.result.ok ? renderDocument(templates, job.kind, job.result.data) : undefined;
}
