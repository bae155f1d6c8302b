/** Template data of the มาตรการส่งเสริมคุณธรรมและความโปร่งใส report (templates/measures). */
import { error, type Diagnostic } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import type { MeasureColumn, Measures } from "../input/schema/year.js";
import { draftAnalysisIntro, draftToolIssue } from "../ita/draft-analysis.js";
import { Drafts, numeralsFor, orgData, posIn, resultData, type DataResult } from "./common.js";

export interface ColumnDef {
  readonly key: string;
  readonly heading: string;
  readonly width: number;
}

export function measuresData(org: OrgInput, entry: YearEntry, m: Measures, defaultColumns: readonly ColumnDef[]): DataResult<object> {
  const fy = m.fiscal_year ?? entry.data.fiscal_year;
  const analyses = m.analyses ?? (org.years.get(fy - 1)?.result ? fy - 1 : fy);
  const assessed = org.years.get(analyses);
  const errors: Diagnostic[] = [];
  if (!assessed?.result) {
    errors.push(error("E_ASSESSMENT_MISSING", { kind: "measures", year: analyses }, posIn(entry, m.analyses !== undefined ? ["measures", "analyses"] : ["measures"])));
    return { ok: false, errors, warnings: [] };
  }
  const r = assessed.result;
  const drafts = new Drafts(entry);
  const o = orgData(org);
  const layout = m.layout ?? "tool-table";
  const columns: ColumnDef[] = m.columns ? m.columns.map((c: MeasureColumn) => ({ key: c.key, heading: c.heading, width: c.width ?? 1 })) : [...defaultColumns];
  const keys = columns.map((c) => c.key);
  (m.items ?? []).forEach((item, row) => {
    for (const key of Object.keys(item)) {
      if (!keys.includes(key)) errors.push(error("E_COLUMN_UNKNOWN", { row: row + 1, key, allowed: keys.join(", ") }, posIn(entry, ["measures", "items", row, key])));
    }
  });
  if (errors.length) return { ok: false, errors, warnings: [] };

  const issues =
    layout === "tool-table"
      ? Object.fromEntries(
          r.tools.map((t) => [t.id, drafts.use(m.issues?.[t.id], `measures.issues.${t.id}`, ["measures"], () => draftToolIssue(t))]),
        )
      : {};
  const data = {
    numerals: numeralsFor(org, m.numerals),
    org: o,
    fiscalYear: fy,
    analysesYear: analyses,
    layout,
    isToolTable: layout === "tool-table",
    title: m.title ?? `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${fy}`,
    analysisIntro: drafts.use(m.analysis_intro, "measures.analysis_intro", ["measures"], () => draftAnalysisIntro(o.name, r)),
    result: resultData(r),
    issues,
    narrative: (m.narrative ?? []).map((s) => ({ heading: s.heading ?? null, paragraphs: s.paragraphs ?? [] })),
    plan:
      m.items && m.items.length > 0
        ? {
            title: m.plan_title ?? null,
            intro: m.plan_intro ?? [],
            columns,
            rows: m.items.map((item) => ({ cells: columns.map((c) => ({ lines: item[c.key] ?? [] })) })),
          }
        : null,
  };
  return { ok: true, data, warnings: drafts.warnings };
}
