/**
 * Which documents an organisation's files ask for, with each one's template
 * data: a memo where a year file has memo:, a measures report where it has
 * measures:, an analysis report where it has report:.
 */
import type { Diagnostic } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import { DOC_KINDS, type DataResult, type DocKind } from "./common.js";
import { measuresData, type ColumnDef } from "./measures-data.js";
import { memoData } from "./memo-data.js";
import { reportData } from "./report-data.js";

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
      const result = dataFor(kind, org, entry, opts);
      if (result) jobs.push({ kind, fiscalYear: entry.data.fiscal_year, file: entry.file, baseName: `${entry.data.fiscal_year}-${kind}`, result });
    }
  }
  return jobs;
}

function dataFor(kind: DocKind, org: OrgInput, entry: YearEntry, opts: PlanOptions): DataResult<object> | undefined {
  const d = entry.data;
  switch (kind) {
    case "memo":
      return d.memo ? memoData(org, entry, d.memo, opts.emblemRef) : undefined;
    case "measures":
      return d.measures ? measuresData(org, entry, d.measures, opts.measuresColumns ?? DEFAULT_MEASURES_COLUMNS) : undefined;
    case "report":
      return d.report ? reportData(org, entry, d.report) : undefined;
  }
}

/** Errors and drafted-text warnings of every document the organisation asks for (for validate). */
export function collectDocumentWarnings(org: OrgInput): Diagnostic[] {
  return planDocuments(org).flatMap((j) => (j.result.ok ? j.result.warnings : [...j.result.errors, ...j.result.warnings]));
}
