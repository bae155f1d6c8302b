/**
 * Traps of a year file made by copying last year's: scores, dates and "the
 * year" in titles left as they were. Each check reads the file as typed
 * (the plain YAML data), so it also speaks for a file whose other parts
 * still have errors, as a freshly started year has.
 */
import { warning, type Diagnostic } from "../diag/diagnostic.js";
import { compareThaiDate, parseThaiDate, type ThaiDate } from "../thai/date.js";
import { parseNumber, toArabicDigits, toThaiDigits } from "../thai/digits.js";
import { fiscalYearRange } from "../thai/fiscal-year.js";
import type { LoadedYaml } from "./load-yaml.js";
import { nodePos } from "./validate-input.js";

type Raw = Record<string, unknown>;
type Path = readonly (string | number)[];

function get(data: unknown, path: Path): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Raw)[p as string];
  }
  return cur;
}

function yearOf(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  const n = parseNumber(v);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** The year file's fiscal year as typed, or undefined when it cannot be read (the schema says so). */
export function rawFiscalYear(loaded: LoadedYaml): number | undefined {
  return yearOf(get(loaded.data, ["fiscal_year"]));
}

/** The year a measures plan is for: its own fiscal_year, else the file's. */
export function rawPlanYear(loaded: LoadedYaml, fy: number): number {
  return yearOf(get(loaded.data, ["measures", "fiscal_year"])) ?? fy;
}

export function yearFileChecks(files: readonly LoadedYaml[]): Diagnostic[] {
  const byYear = new Map<number, LoadedYaml>();
  for (const f of files) {
    const fy = rawFiscalYear(f);
    if (fy !== undefined && !byYear.has(fy)) byYear.set(fy, f);
  }
  const out: Diagnostic[] = [];
  for (const [fy, f] of byYear) {
    out.push(...sameScores(f, fy, byYear.get(fy - 1)), ...datesOutside(f, fy), ...yearsInTitles(f, fy), ...planYear(f, fy));
  }
  return out;
}

/* ---------------------------------------------------------------- scores */

function scoresOf(loaded: LoadedYaml): Map<string, number> | undefined {
  const s = get(loaded.data, ["assessment", "scores"]);
  if (s === null || typeof s !== "object" || Array.isArray(s)) return undefined;
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(s as Raw)) {
    const n = typeof v === "string" ? parseNumber(v) : undefined;
    if (n !== undefined) m.set(k, n);
  }
  return m;
}

function sameScores(f: LoadedYaml, fy: number, prev: LoadedYaml | undefined): Diagnostic[] {
  if (!prev) return [];
  const now = scoresOf(f);
  const before = scoresOf(prev);
  if (!now || !before || now.size === 0 || now.size !== before.size) return [];
  for (const [k, v] of now) if (before.get(k) !== v) return [];
  return [warning("W_SCORES_UNCHANGED", { year: fy, previous: fy - 1, count: now.size, file: prev.file }, nodePos(f, ["assessment", "scores"], "key"))];
}

/* ----------------------------------------------------------------- dates */

const iso = (d: ThaiDate) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/**
 * Windows, from the ITA timetable: fiscal year N's results are announced at
 * the end of that fiscal year (September N; a late announcement in the
 * following quarter happens), so `announced` lies in 1 Oct N-1 … 31 Dec N.
 * The memo that reports them (and its approvals) is written after the
 * announcement, in N or in the first months of N+1: 1 Oct N-1 … 30 Sep N+1,
 * and not before the announcement when that date is given.
 */
function datesOutside(f: LoadedYaml, fy: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start = fiscalYearRange(fy).start;
  const parsed = (path: Path) => {
    const v = get(f.data, path);
    if (typeof v !== "string") return undefined;
    const r = parseThaiDate(v);
    return r.ok ? { date: r.date, text: v.trim() } : undefined;
  };
  const check = (path: Path, field: string, to: ThaiDate, announced?: { date: ThaiDate; text: string }) => {
    const d = parsed(path);
    if (!d) return;
    if (compareThaiDate(d.date, start) < 0 || compareThaiDate(d.date, to) > 0) {
      out.push(warning("W_DATE_OUTSIDE_YEAR", { reason: "window", field, value: d.text, year: fy, from: iso(start), to: iso(to) }, nodePos(f, path)));
    } else if (announced && compareThaiDate(d.date, announced.date) < 0) {
      out.push(warning("W_DATE_OUTSIDE_YEAR", { reason: "announced", field, value: d.text, year: fy, announced: announced.text }, nodePos(f, path)));
    }
  };
  check(["assessment", "announced"], "assessment.announced", { year: fy, month: 12, day: 31 });
  const announced = parsed(["assessment", "announced"]);
  const memoEnd = fiscalYearRange(fy + 1).end;
  if (get(f.data, ["memo"]) !== undefined) {
    check(["memo", "date"], "memo.date", memoEnd, announced);
    const approvals = get(f.data, ["memo", "approvals"]);
    if (Array.isArray(approvals)) approvals.forEach((_a, i) => check(["memo", "approvals", i, "date"], `memo.approvals[${i + 1}].date`, memoEnd, announced));
  }
  return out;
}

/* ----------------------------------------------------------------- years */

/**
 * Phrases that name the document's own year: "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
 * "ประจำปี 2568". Only titles are read (memo subject, measures and report
 * titles): body text legitimately cites earlier years ("ปีที่ผ่านมา",
 * multi-year comparisons, the year analysed).
 */
const OWN_YEAR = /ประจำปี(?:งบประมาณ)?\s*(?:พ\.\s*ศ\.)?\s*([0-9๐-๙]{4})/g;

function yearsInTitles(f: LoadedYaml, fy: number): Diagnostic[] {
  const plan = rawPlanYear(f, fy);
  const analysed = yearOf(get(f.data, ["report", "analyses"]));
  const fields: [Path, readonly number[]][] = [
    [["memo", "subject"], [fy]],
    [["measures", "title"], [plan]],
    [["measures", "plan_title"], [plan]],
    [["report", "title"], [fy, ...(analysed !== undefined ? [analysed] : [])]],
  ];
  const out: Diagnostic[] = [];
  for (const [path, allowed] of fields) {
    const v = get(f.data, path);
    if (typeof v !== "string") continue;
    for (const m of v.matchAll(OWN_YEAR)) {
      const found = Number(toArabicDigits(m[1]!));
      if (allowed.includes(found)) continue;
      const own = String(allowed[0]!);
      const typed = /[๐-๙]/.test(m[1]!) ? toThaiDigits(own) : own;
      out.push(warning("W_YEAR_IN_TEXT", { field: path.join("."), phrase: m[0].replace(/\s+/g, " "), found: m[1]!, year: own, yearTyped: typed }, nodePos(f, path)));
    }
  }
  return out;
}

/* ------------------------------------------------------------ plan year */

/** A plan written in year N's file is for N (made after N-1's results) or N+1 (made right after N's results). */
function planYear(f: LoadedYaml, fy: number): Diagnostic[] {
  const plan = yearOf(get(f.data, ["measures", "fiscal_year"]));
  if (plan === undefined || plan === fy || plan === fy + 1) return [];
  return [warning("W_PLAN_YEAR", { planYear: plan, year: fy, name: `${plan}-measures` }, nodePos(f, ["measures", "fiscal_year"]))];
}
