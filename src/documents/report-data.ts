/** Template data of the รายงานผลการวิเคราะห์ผลการประเมิน ITA (templates/report). */
import { error } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import type { Report } from "../input/schema/year.js";
import { draftReportAnalysis } from "../ita/draft-analysis.js";
import { changes } from "../ita/trends.js";
import { chartData, Drafts, laidOut, numeralsFor, orgData, posIn, previousResult, resultData, wordingFor, type DataResult } from "./common.js";
import { renamed } from "./layout/wording.js";
import { listedParts, needsAssessment } from "./listed-parts.js";

export function reportData(org: OrgInput, entry: YearEntry, rep: Report): DataResult<object> {
  const year = rep.analyses ?? entry.data.fiscal_year;
  const assessed = org.years.get(year);
  const listed = listedParts("report", rep.sections);
  const wording = wordingFor(org, rep.wording);
  const o = orgData(org);
  const common = {
    numerals: numeralsFor(org, rep.numerals),
    org: o,
    year,
    title: rep.title ?? `รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ${year}`,
  };
  if (!assessed?.result) {
    if (needsAssessment("report", listed)) {
      return { ok: false, errors: [error("E_ASSESSMENT_MISSING", { kind: "report", year }, posIn(entry, ["report"]))], warnings: [] };
    }
    // Its parts print nothing of an assessment: no scores, drafts or charts to make.
    const data = laidOut("report", { ...common, result: null, passMark: null, rows: [], analysis: rep.analysis ?? [], activities: [], charts: null }, wording, rep.sections);
    return { ok: true, data, warnings: [] };
  }
  const r = renamed(assessed.result, wording.names);
  const prevRaw = previousResult(org, year);
  const prev = prevRaw && renamed(prevRaw, wording.names);
  const drafts = new Drafts(entry, listed);
  const notes = assessed.data.assessment?.indicator_analysis;
  // Year-over-year changes come from ita/trends, the one place they are computed.
  const changeOf = new Map((prev ? changes(prev, r).indicators : []).map((c) => [c.id, c]));
  let running = 0;
  const rows = r.tools.flatMap((t) =>
    t.indicators.map((ind, i) => {
      const change = changeOf.get(ind.id);
      const delta = change?.delta ?? null;
      return {
        running: ++running,
        toolCode: t.code,
        toolName: t.name,
        firstOfTool: i === 0,
        toolRows: t.indicators.length,
        id: ind.id,
        name: ind.name,
        score: ind.score,
        passed: ind.passed,
        notes: notes?.[ind.id] ?? [],
        previous: change?.previous ?? null,
        previousYear: prev?.year ?? null,
        delta,
        rose: delta !== null && delta > 0,
        fell: delta !== null && delta < 0,
      };
    }),
  );
  // Keys beyond the four fixed ones are cells of the columns the activities section adds.
  const own = ownActivityColumns(rep);
  const unknown = (rep.activities ?? []).flatMap((act, i) =>
    Object.keys(act)
      .filter((k) => !FIXED_ACTIVITY_KEYS.includes(k) && !own.includes(k))
      .map((k) => error("E_ACTIVITY_COLUMN", { key: k, allowed: [...FIXED_ACTIVITY_KEYS, ...own].join(", ") }, posIn(entry, ["report", "activities", i, k]))),
  );
  if (unknown.length) return { ok: false, errors: unknown, warnings: [] };
  const activities = (rep.activities ?? []).map((act) => {
    const ind = r.tools.flatMap((t) => t.indicators).find((x) => x.id === act.indicator)!;
    const cells = Object.fromEntries(own.map((k) => [k, (act[k] as string[] | undefined) ?? []]));
    return { indicatorId: ind.id, indicatorNumber: ind.number, indicatorName: ind.name, score: ind.score, activity: act.activity, owner: act.owner ?? [], period: act.period ?? null, cells };
  });
  const data = laidOut("report", {
    ...common,
    result: resultData(r),
    passMark: r.framework.passMark,
    rows,
    // Drafted (and warned about) only when the analysis part is printed.
    analysis: drafts.use("analysis", rep.analysis, "report.analysis", ["report"], () => draftReportAnalysis(o.name, r, prev)),
    activities,
    charts: chartData(org, r),
  }, wording, rep.sections);
  return { ok: true, data, warnings: drafts.warnings };
}

const FIXED_ACTIVITY_KEYS = ["indicator", "activity", "owner", "period"];

/** The keys of the columns the report's activities sections add (their entries' other keys fill them). */
function ownActivityColumns(rep: Report): string[] {
  return (rep.sections ?? []).flatMap((s) => (s.type === "activities" ? (s.columns ?? []).flatMap((c) => (c.key && !FIXED_ACTIVITY_KEYS.includes(c.key) ? [c.key] : [])) : []));
}
