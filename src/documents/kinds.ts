/**
 * The document kinds: one entry per kind, and nothing else decides what a
 * kind is. The year file's section of a kind is its key (input/schema/year.ts
 * DOCUMENT_SECTIONS); the planner reads its data builder from here, and
 * `--kind` choices, the help text and each kind's primary format come from
 * its label in kind-names.ts (light, for the command line). Adding a kind:
 * its template folder templates/<kind>/, its schema section, its data
 * builder, its label and one entry below (the compiler refuses both tables
 * until the entry has them).
 */
import { DOC_KINDS, isDocKind, KIND_LABELS, type DocKind, type KindLabel } from "./kind-names.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import type { YearFile, YearSection } from "../input/schema/year.js";
import type { DataResult } from "./common.js";
import { measuresData, type ColumnDef } from "./measures-data.js";
import { memoData } from "./memo-data.js";
import { progressData } from "./progress-data.js";
import { reportData } from "./report-data.js";

/** What the planner passes to every data builder. */
export interface KindContext {
  readonly emblemRef?: string;
  readonly measuresColumns: readonly ColumnDef[];
}

export interface KindSpec<K extends YearSection> extends KindLabel {
  /** The year file's section of this kind → the template's data (or the errors that stop this document). */
  readonly data: (org: OrgInput, entry: YearEntry, section: NonNullable<YearFile[K]>, ctx: KindContext) => DataResult<object>;
  /** The fiscal year in the output name when it is not the file's own (a plan written a year ahead). */
  readonly documentYear?: (entry: YearEntry) => number;
  /** The path of the section key that names that year, for errors about the output name. */
  readonly documentYearPath?: (entry: YearEntry) => readonly string[] | undefined;
}

/** Exactly one entry per year-file document section. */
export type KindRegistry = { readonly [K in YearSection]: KindSpec<K> };

export const KINDS: KindRegistry = {
  memo: { ...KIND_LABELS.memo, data: (org, entry, memo, ctx) => memoData(org, entry, memo, ctx.emblemRef) },
  measures: {
    ...KIND_LABELS.measures,
    data: (org, entry, m, ctx) => measuresData(org, entry, m, ctx.measuresColumns),
    documentYear: (entry) => entry.data.measures?.fiscal_year ?? entry.data.fiscal_year,
    documentYearPath: (entry) => (entry.data.measures?.fiscal_year !== undefined ? ["measures", "fiscal_year"] : undefined),
  },
  report: { ...KIND_LABELS.report, data: (org, entry, r) => reportData(org, entry, r) },
  progress: {
    ...KIND_LABELS.progress,
    data: (org, entry, p) => progressData(org, entry, p),
  },
};

export { DOC_KINDS, isDocKind, type DocKind };

/** The kind's data for this year file, or undefined when the file has no section of this kind. */
export function kindData<K extends DocKind>(kind: K, org: OrgInput, entry: YearEntry, ctx: KindContext): DataResult<object> | undefined {
  const section = entry.data[kind] as NonNullable<YearFile[K]> | undefined;
  return section === undefined ? undefined : KINDS[kind].data(org, entry, section, ctx);
}
