/** Step 2: loaded input → the documents it asks for, each with its template data (or its errors). */
import type { ColumnDef } from "../documents/measures-data.js";
import { DEFAULT_MEASURES_COLUMNS, planDocuments, type DocJob, type PlanOptions } from "../documents/plan-documents.js";
import type { OrgInput } from "../input/load-organisation.js";
import type { TemplateSet } from "../render/load-templates.js";

export type PlanRequest = Omit<PlanOptions, "measuresColumns">;

/** The measures table's columns come from the template set's measures/columns.yaml when it has one. */
export function planJobs(org: OrgInput, templates: TemplateSet, req: PlanRequest = {}): DocJob[] {
  const columns = (templates.data["measures"]?.columns as ColumnDef[] | undefined) ?? DEFAULT_MEASURES_COLUMNS;
  return planDocuments(org, { ...req, measuresColumns: columns }).filter((j) => !org.brokenFiles.has(j.file));
}
