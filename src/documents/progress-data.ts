/**
 * Template data of the รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส
 * (templates/progress): one row per measure of the year's plan (its name,
 * owner and deadline from `measures.items`), with what the `progress:`
 * section says was done for it.
 */
import { error, warning, type Diagnostic } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import { PROGRESS_STATUSES, type Measures, type Progress } from "../input/schema/year.js";
import { parseNumber } from "../thai/digits.js";
import { chartData, Drafts, laidOut, numeralsFor, orgData, posIn, wordingFor, type DataResult } from "./common.js";
import { listedParts } from "./listed-parts.js";

interface PlannedMeasure {
  readonly number: number;
  readonly name: readonly string[];
  readonly owner: readonly string[];
  readonly deadline: readonly string[];
}

export function progressData(org: OrgInput, entry: YearEntry, p: Progress): DataResult<object> {
  const fy = entry.data.fiscal_year;
  const plan = planOf(org, fy);
  if (!plan) return { ok: false, errors: [error("E_PROGRESS_NO_PLAN", { year: fy }, posIn(entry, ["progress"]))], warnings: [] };
  const measures = plannedMeasures(plan);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const byMeasure = new Map<number, { item: Progress["items"][number]; index: number }>();
  p.items.forEach((item, i) => {
    const m = findMeasure(measures, item.measure);
    const at = posIn(entry, ["progress", "items", i, "measure"]);
    if (!m) errors.push(error("E_PROGRESS_MEASURE_UNKNOWN", { value: item.measure, known: measures.map((x) => `${x.number} ${x.name[0] ?? ""}`.trim()).join(" / ") || "-" }, at));
    else if (byMeasure.has(m.number)) errors.push(error("E_PROGRESS_MEASURE_TWICE", { value: item.measure, first: byMeasure.get(m.number)!.index + 1 }, at));
    else byMeasure.set(m.number, { item, index: i });
  });
  if (errors.length) return { ok: false, errors, warnings };
  for (const m of measures) {
    if (!byMeasure.has(m.number)) warnings.push(warning("W_PROGRESS_NOT_REPORTED", { number: m.number, name: m.name[0] ?? "" }, posIn(entry, ["progress", "items"])));
  }

  const rows = measures.map((m) => {
    const got = byMeasure.get(m.number)?.item;
    return {
      number: m.number,
      name: m.name,
      owner: m.owner,
      deadline: m.deadline,
      done: got?.done ?? [],
      result: got?.result ?? [],
      status: got?.status ?? null,
      problems: got?.problems ?? [],
      next: got?.next ?? [],
    };
  });
  const counts = PROGRESS_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }));
  const o = orgData(org);
  const drafts = new Drafts(entry, listedParts("progress", p.sections));
  const summary = drafts.use("summary", p.summary, "progress.summary", ["progress"], () => draftSummary(o.name, fy, rows.length, counts));
  const data = laidOut("progress", {
    numerals: numeralsFor(org, p.numerals),
    org: o,
    fiscalYear: fy,
    title: p.title ?? `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${fy}`,
    intro: p.intro ?? [],
    rows,
    counts,
    summary,
    signer: { name: p.signer.name, positions: p.signer.position },
    date: p.date ?? null,
    charts: chartData(org, entry.result),
  }, wordingFor(org, p.wording), p.sections);
  return { ok: true, data, warnings: [...warnings, ...drafts.warnings] };
}

/** The measures plan for fiscal year `fy`: the `measures:` section whose plan year is fy (its own file's, or one written a year ahead). */
function planOf(org: OrgInput, fy: number): Measures | undefined {
  const own = org.years.get(fy)?.data.measures;
  if (own && (own.fiscal_year ?? fy) === fy) return own;
  for (const e of org.years.values()) {
    const m = e.data.measures;
    if (m && (m.fiscal_year ?? e.data.fiscal_year) === fy) return m;
  }
  return undefined;
}

function plannedMeasures(m: Measures): PlannedMeasure[] {
  return (m.items ?? []).map((item, i) => ({ number: i + 1, name: item["measure"] ?? [], owner: item["owner"] ?? [], deadline: item["deadline"] ?? [] }));
}

/** "2", "๒", "๒. การใช้จ่ายงบประมาณ" or "การใช้จ่ายงบประมาณ" all name the plan's second measure. */
function findMeasure(measures: readonly PlannedMeasure[], given: string): PlannedMeasure | undefined {
  const n = parseNumber(given.trim());
  if (n !== undefined && Number.isInteger(n)) return measures.find((m) => m.number === n);
  const key = nameKey(given);
  return measures.find((m) => m.name.length > 0 && nameKey(m.name.join(" ")) === key);
}

function nameKey(s: string): string {
  return s.replace(/^\s*[0-9๐-๙]+\s*[.)]\s*/, "").replace(/\s+/g, " ").trim();
}

function draftSummary(orgName: string, fy: number, total: number, counts: readonly { status: string; count: number }[]): string {
  const parts = counts.filter((c) => c.count > 0).map((c) => `${c.status} ${c.count} มาตรการ`);
  return `${orgName} ได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${fy} จำนวนทั้งสิ้น ${total} มาตรการ แบ่งเป็น ${parts.join(" ")} ทั้งนี้ หน่วยงานจะติดตามและรายงานผลการดำเนินการต่อผู้บริหารเพื่อพิจารณาปรับปรุงการดำเนินงานต่อไป`;
}
