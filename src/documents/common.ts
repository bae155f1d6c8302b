/** Pieces every document kind's template data shares. */
import { warning, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import { nodePos } from "../input/validate-input.js";
import type { YearResult } from "../ita/score-year.js";
import type { Numerals } from "../thai/digits.js";
import type { SectionEntry } from "../input/schema/layout.js";
import { composePages } from "./layout/compose.js";
import type { LayoutKind } from "./layout/kind-layouts.js";
import { mergeWording, type Wording, type WordingInput } from "./layout/wording.js";

export type { DocKind } from "./kinds.js";

/** What a builder of template data returns: data, or errors, and the drafted passages as warnings. */
export type DataResult<T> = { ok: true; data: T; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export function numeralsFor(org: OrgInput, override: Numerals | undefined): Numerals {
  return override ?? org.org.settings?.numerals ?? "thai";
}

export function orgData(org: OrgInput) {
  const o = org.org.organisation;
  return {
    name: o.name,
    type: o.type,
    office: o.office ?? o.name,
    district: o.district,
    province: o.province,
    division: o.division,
    mayorTitle: o.mayor_title,
    /** "สำนักงานเทศบาลนครขอนแก่น อำเภอเมือง จังหวัดขอนแก่น" */
    line: `${o.office ?? o.name} อำเภอ${o.district} จังหวัด${o.province}`,
  };
}

export function posIn(entry: YearEntry, path: readonly (string | number)[]): SourcePos {
  return nodePos(entry.loaded, path);
}

/**
 * Records a drafted passage: the text to print and the warning that asks the clerk to review it.
 * Only for a part the document lists (`listed`, listed-parts.ts): a part that is not printed keeps
 * what was typed, and nothing is drafted or warned about for it.
 */
export class Drafts {
  readonly warnings: Diagnostic[] = [];
  constructor(
    private readonly entry: YearEntry,
    private readonly listed: ReadonlySet<string>,
  ) {}
  use(part: string, given: readonly string[] | undefined, what: string, path: readonly (string | number)[], draft: () => string | string[]): string[] {
    if ((given && given.length > 0) || !this.listed.has(part)) return [...(given ?? [])];
    const text = draft();
    const paragraphs = Array.isArray(text) ? text : [text];
    this.warnings.push(warning("W_DRAFTED", { what, text: paragraphs.join(" / ") }, posIn(this.entry, path)));
    return paragraphs;
  }
}

/** Tools and indicators in the shape the score tables print. */
export function resultData(r: YearResult) {
  return {
    year: r.year,
    indicatorCount: r.indicatorCount ?? null,
    total: r.total,
    // Only what the year's NACC printed: a grade up to 2565, a result label from 2566 (never both).
    grade: r.scheme === "grade" ? r.grade : null,
    label: r.scheme === "label" ? (r.label ?? null) : null,
    rating: r.rating,
    passed: r.passed,
    tools: r.tools.map((t, i) => ({
      number: i + 1,
      id: t.id,
      code: t.code,
      name: t.name,
      score: t.score,
      passed: t.passed,
      indicators: t.indicators.map((ind) => ({ id: ind.id, number: ind.number, name: ind.name, score: ind.score, passed: ind.passed })),
    })),
  };
}

export function previousResult(org: OrgInput, year: number): YearResult | undefined {
  return org.years.get(year - 1)?.result;
}

/** The document's wording: its own `wording:` over org.yaml's over the defaults (the org line defaults to orgData's). */
export function wordingFor(org: OrgInput, own: WordingInput | undefined): Wording {
  return mergeWording(orgData(org).line, org.org.wording as WordingInput | undefined, own);
}

/** The template data with its wording texts and the pages its sections make (templates/shared/partials/pages.hbs). */
export function laidOut<T extends object>(kind: LayoutKind, data: T, wording: Wording, sections: readonly SectionEntry[] | undefined): T & { wording: Wording["texts"]; pages: unknown } {
  const withWording = { ...data, wording: wording.texts };
  return { ...withWording, pages: composePages(kind, sections, withWording, wording) };
}

/**
 * What the chart partials draw (templates/shared/partials/chart-*.hbs), for any kind: the year's
 * result, and the total of every assessed year file in the folder up to it (oldest first). Null
 * when the document has no assessment to draw.
 */
export function chartData(org: OrgInput, r: YearResult | undefined) {
  if (!r) return null;
  return {
    year: r.year,
    passMark: r.framework.passMark,
    total: r.total,
    grade: r.scheme === "grade" ? r.grade : null,
    tools: r.tools.map((t) => ({ code: t.code, score: t.score })),
    indicators: r.tools.flatMap((t) => t.indicators.map((ind) => ({ id: ind.id, score: ind.score }))),
    years: [...org.years.values()]
      .flatMap((y) => (y.result && y.data.fiscal_year <= r.year ? [{ year: y.data.fiscal_year, total: y.result.total }] : []))
      .sort((x, y) => x.year - y.year),
  };
}
