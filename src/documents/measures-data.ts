/** Template data of the มาตรการส่งเสริมคุณธรรมและความโปร่งใส report (templates/measures). */
import { error, type Diagnostic } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import type { MeasureColumn, Measures } from "../input/schema/year.js";
import { draftAnalysisIntro, draftToolIssue } from "../ita/draft-analysis.js";
import { chartData, Drafts, laidOut, numeralsFor, orgData, posIn, resultData, wordingFor, type DataResult } from "./common.js";
import { reordered } from "./layout/compose.js";
import { renamed } from "./layout/wording.js";
import { listedParts, needsAssessment } from "./listed-parts.js";

export interface ColumnDef {
  readonly key: string;
  readonly heading: string;
  readonly width: number;
}

export function measuresData(org: OrgInput, entry: YearEntry, m: Measures, defaultColumns: readonly ColumnDef[]): DataResult<object> {
  const fy = m.fiscal_year ?? entry.data.fiscal_year;
  const analyses = m.analyses ?? (org.years.get(fy - 1)?.result ? fy - 1 : fy);
  const assessed = org.years.get(analyses);
  const listed = listedParts("measures", m.sections);
  const errors: Diagnostic[] = [];
  // Without an assessment only a plan whose parts print nothing of one (title, org line, narrative, the table, the clerk's own parts).
  if (!assessed?.result && needsAssessment("measures", listed)) {
    errors.push(error("E_ASSESSMENT_MISSING", { kind: "measures", year: analyses }, posIn(entry, m.analyses !== undefined ? ["measures", "analyses"] : ["measures"])));
    return { ok: false, errors, warnings: [] };
  }
  const wording = wordingFor(org, m.wording);
  const r = assessed?.result && renamed(assessed.result, wording.names);
  const drafts = new Drafts(entry, listed);
  const o = orgData(org);
  const layout = m.layout ?? "tool-table";
  const cols = measureColumns(m.columns, defaultColumns);
  if (!cols.ok) {
    const allowed = defaultColumns.map((c) => c.key).join(", ");
    return { ok: false, errors: cols.unnamed.map((i) => error("E_COLUMN_HEADING", { key: m.columns![i]!.key, allowed }, posIn(entry, ["measures", "columns", i]))), warnings: [] };
  }
  const keys = cols.columns.map((c) => c.key);
  // The plan section's order: moves the columns it names into the places they fill; its keys are columns.yaml's and measures.columns' own.
  const planAt = (m.sections ?? []).findIndex((s) => s.type === "plan");
  const order = m.sections?.[planAt]?.order ?? [];
  order.forEach((key, i) => {
    if (!keys.includes(key)) errors.push(error("E_SECTION_COLUMN", { type: "plan", key, allowed: keys.join(", ") }, posIn(entry, ["measures", "sections", planAt, "order", i])));
  });
  const columns = reordered(cols.columns.filter((c) => c.show), order);
  (m.items ?? []).forEach((item, row) => {
    for (const key of Object.keys(item)) {
      if (!keys.includes(key)) errors.push(error("E_COLUMN_UNKNOWN", { row: row + 1, key, allowed: keys.join(", ") }, posIn(entry, ["measures", "items", row, key])));
    }
  });
  if (errors.length) return { ok: false, errors, warnings: [] };

  // Drafted (and warned about) only for the parts that print them.
  const issues =
    r && layout === "tool-table" && listed.has("analysis")
      ? Object.fromEntries(
          r.tools.map((t) => [t.id, drafts.use("analysis", m.issues?.[t.id], `measures.issues.${t.id}`, ["measures"], () => draftToolIssue(t))]),
        )
      : {};
  const data = laidOut("measures", {
    numerals: numeralsFor(org, m.numerals),
    org: o,
    fiscalYear: fy,
    analysesYear: analyses,
    layout,
    isToolTable: layout === "tool-table",
    title: m.title ?? `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${fy}`,
    analysisIntro: r ? drafts.use("analysis-intro", m.analysis_intro, "measures.analysis_intro", ["measures"], () => draftAnalysisIntro(o.name, r)) : (m.analysis_intro ?? []),
    result: r ? resultData(r) : null,
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
    charts: chartData(org, r),
  }, wording, m.sections);
  return { ok: true, data, warnings: drafts.warnings };
}

/**
 * measures.columns against the default columns (columns.yaml). A list that
 * names none of the default keys is the table's own column set, and a list
 * naming all of them is the whole table in the list's order (both as before);
 * a list naming some changes only those (heading, width, `show: no`), the
 * others stay as they are, and a new key is added at the end with its heading.
 */
export function measureColumns(
  given: readonly MeasureColumn[] | undefined,
  defaults: readonly ColumnDef[],
): { ok: true; columns: (ColumnDef & { show: boolean })[] } | { ok: false; unnamed: number[] } {
  if (!given) return { ok: true, columns: defaults.map((c) => ({ ...c, show: true })) };
  const defaultKeys = new Set(defaults.map((c) => c.key));
  const named = given.filter((g) => defaultKeys.has(g.key)).length;
  const whole = named === 0 || defaults.every((d) => given.some((g) => g.key === d.key));
  const unnamed = given.flatMap((g, i) => (g.heading === undefined && !defaultKeys.has(g.key) ? [i] : []));
  if (unnamed.length) return { ok: false, unnamed };
  const merged = (g: MeasureColumn, d: ColumnDef | undefined) => ({ key: g.key, heading: g.heading ?? d?.heading ?? "", width: g.width ?? d?.width ?? 1, show: g.show !== "no" });
  if (whole) return { ok: true, columns: given.map((g) => merged(g, defaults.find((d) => d.key === g.key))) };
  const byKey = new Map(given.map((g) => [g.key, g]));
  return {
    ok: true,
    columns: [
      ...defaults.map((d) => { const g = byKey.get(d.key); return g ? merged(g, d) : { ...d, show: true }; }),
      ...given.filter((g) => !defaultKeys.has(g.key)).map((g) => merged(g, undefined)),
    ],
  };
}
