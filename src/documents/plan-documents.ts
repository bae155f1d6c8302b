/**
 * Which documents an organisation's files ask for, with each one's template
 * data: a document of each kind (kinds.ts) whose section a year file has.
 */
import { error, type Diagnostic } from "../diag/diagnostic.js";
import { nodePos } from "../input/validate-input.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import type { DataResult } from "./common.js";
import { DOC_KINDS, KINDS, kindData, type DocKind } from "./kinds.js";
import type { ColumnDef } from "./measures-data.js";

export interface DocJob {
  readonly kind: DocKind;
  readonly fiscalYear: number;
  readonly file: string;
  /** Output name without extension: "2563-memo". */
  readonly baseName: string;
  readonly result: DataResult<object>;
}

export interface PlanOptions {
  readonly kinds?: readonly DocKind[];
  /** Only these year files (paths as given); undefined: all. */
  readonly only?: ReadonlySet<string>;
  readonly years?: ReadonlySet<number>;
  readonly emblemRef?: string;
  readonly measuresColumns?: readonly ColumnDef[];
}

export const DEFAULT_MEASURES_COLUMNS: readonly ColumnDef[] = [
  { key: "measure", heading: "มาตรการ", width: 3 },
  { key: "steps", heading: "ขั้นตอน/วิธีการปฏิบัติ", width: 5 },
  { key: "owner", heading: "ผู้รับผิดชอบ", width: 2.5 },
  { key: "deadline", heading: "กำหนดแล้วเสร็จ", width: 1.6 },
  { key: "reporting", heading: "การรายงานผล", width: 2.2 },
];

export function planDocuments(org: OrgInput, opts: PlanOptions = {}): DocJob[] {
  const kinds = opts.kinds ?? DOC_KINDS;
  const jobs: DocJob[] = [];
  const entries = [...org.years.values()].sort((a, b) => a.data.fiscal_year - b.data.fiscal_year);
  for (const entry of entries) {
    if (opts.only && !opts.only.has(entry.file)) continue;
    if (opts.years && !opts.years.has(entry.data.fiscal_year)) continue;
    for (const kind of kinds) {
      const result = kindData(kind, org, entry, { ...(opts.emblemRef ? { emblemRef: opts.emblemRef } : {}), measuresColumns: opts.measuresColumns ?? DEFAULT_MEASURES_COLUMNS });
      if (result) jobs.push({ kind, fiscalYear: entry.data.fiscal_year, file: entry.file, baseName: `${documentYear(kind, entry)}-${kind}`, result });
    }
  }
  return withoutClashes(jobs, org);
}

/**
 * The year in a document's output name is the year the document is for: a
 * measures plan's own fiscal year (a 2569 plan written in 2568.yaml is
 * 2569-measures, not 2568-measures), otherwise the file's fiscal year.
 */
export function documentYear(kind: DocKind, entry: YearEntry): number {
  return KINDS[kind].documentYear?.(entry) ?? entry.data.fiscal_year;
}

/** Two files that would write the same output: the later file's document is refused, naming the other, instead of one silently replacing the other. */
function withoutClashes(jobs: DocJob[], org: OrgInput): DocJob[] {
  const first = new Map<string, DocJob>();
  return jobs.map((job) => {
    const earlier = first.get(job.baseName);
    if (!earlier) {
      first.set(job.baseName, job);
      return job;
    }
    const entry = [...org.years.values()].find((e) => e.file === job.file)!;
    const path = KINDS[job.kind].documentYearPath?.(entry) ?? [job.kind];
    const clash = error("E_OUTPUT_CLASH", { name: job.baseName, other: earlier.file }, nodePos(entry.loaded, path));
    return { ...job, result: { ok: false, errors: [clash], warnings: job.result.warnings } };
  });
}

/** Errors and drafted-text warnings of every document the organisation asks for (for validate). */
export function collectDocumentWarnings(org: OrgInput): Diagnostic[] {
  return planDocuments(org).flatMap((j) => (j.result.ok ? j.result.warnings : [...j.result.errors, ...j.result.warnings]));
}
