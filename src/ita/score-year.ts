/**
 * Scores one assessment year: tool means, weighted total, grade, label, and
 * the comparison with the official figures. The official figure always
 * wins; a difference is a warning naming both numbers. Which of grade and
 * label the year publishes is the framework's scheme: `rating` is what to print.
 */
import { info, warning, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import type { Grade } from "./domain.js";
import type { Assessment, IndicatorId } from "./domain.js";
import type { Framework, ResultScheme, ToolDef, ToolId } from "./framework.js";
import { gradeOf, labelOf, passes, round2 } from "./grade.js";

export interface IndicatorResult {
  readonly id: IndicatorId;
  readonly number: number;
  readonly name: string;
  readonly tool: ToolId;
  readonly score: number;
  readonly passed: boolean;
}

export interface ToolResult {
  readonly id: ToolId;
  readonly code: ToolDef["code"];
  readonly name: string;
  readonly weight: number;
  /** The score to print: official when given, else computed. */
  readonly score: number;
  readonly computed: number;
  readonly official?: number;
  readonly passed: boolean;
  readonly indicators: readonly IndicatorResult[];
}

export interface YearResult {
  readonly year: number;
  readonly framework: Framework;
  readonly indicatorCount?: number;
  readonly tools: readonly ToolResult[];
  readonly total: number;
  readonly totalComputed: number;
  readonly totalOfficial?: number;
  /** Grade by the bands (computed every year; printed only where the scheme is "grade"). */
  readonly grade: Grade;
  readonly gradeComputed: Grade;
  readonly gradeOfficial?: Grade;
  /** Result label (label years only): official when given, else computed. */
  readonly label?: string;
  readonly labelComputed?: string;
  readonly labelOfficial?: string;
  readonly scheme: ResultScheme;
  /** What the year's NACC printed: the grade letter, or the result label. */
  readonly rating: string;
  readonly passed: boolean;
  readonly warnings: readonly Diagnostic[];
}

/** Where a field of the assessment sits in its file, for warnings. */
export type PositionOf = (path: readonly (string | number)[]) => SourcePos | undefined;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Printed figures differ when they differ at two decimals (92.21 published vs 92.2167 → 92.22). */
function differs(official: number, computed: number): boolean {
  return Math.abs(round2(official) - round2(computed)) >= 0.005;
}

/**
 * A difference of 0.01 is the NACC rounding its subtotal differently
 * (ita-reference.md: published 92.21, mean 92.22): shown as a note, with
 * both numbers, but not a warning; more than 0.01 is a warning.
 */
function roundingOnly(official: number, computed: number): boolean {
  return Math.abs(round2(official) - round2(computed)) < 0.015;
}

export function scoreYear(year: number, a: Assessment, fw: Framework, posOf: PositionOf = () => undefined): YearResult {
  const warnings: Diagnostic[] = [];
  const compare = (field: string, key: string, official: number | undefined, computed: number) => {
    if (official !== undefined && differs(official, computed)) {
      const make = roundingOnly(official, computed) ? info : warning;
      warnings.push(make("W_OFFICIAL_DIFFERS", { field, official: official.toFixed(2), computed: round2(computed).toFixed(2), year }, posOf(["official", key])));
    }
  };

  const tools: ToolResult[] = fw.tools.map((t) => {
    const indicators = t.indicators.map((id): IndicatorResult => {
      const def = fw.indicators.find((i) => i.id === id)!;
      const score = a.scores[id];
      return { id, number: def.number, name: def.name, tool: t.id, score, passed: passes(score, fw) };
    });
    const computed = mean(indicators.map((i) => i.score));
    const official = a.official?.[t.id];
    compare(t.code, t.id, official, computed);
    const score = official ?? round2(computed);
    return {
      id: t.id,
      code: t.code,
      name: t.name,
      weight: t.weight,
      score,
      computed,
      ...(official !== undefined ? { official } : {}),
      passed: passes(score, fw),
      indicators,
    };
  });

  // The total is computed from the unrounded means, as the NACC system does.
  const totalComputed = tools.reduce((s, t) => s + t.weight * t.computed, 0);
  const totalOfficial = a.official?.total;
  compare("รวม (total)", "total", totalOfficial, totalComputed);
  const total = totalOfficial ?? round2(totalComputed);
  const gradeComputed = gradeOf(total, fw);
  const gradeOfficial = fw.scheme === "grade" ? a.official?.grade : undefined;
  if (gradeOfficial !== undefined && gradeOfficial !== gradeComputed) {
    warnings.push(warning("W_GRADE_DIFFERS", { official: gradeOfficial, computed: gradeComputed, total: total.toFixed(2), year }, posOf(["official", "grade"])));
  }
  const labelComputed = labelOf(total, tools.map((t) => t.score), fw);
  const labelOfficial = fw.scheme === "label" ? a.official?.label : undefined;
  if (labelOfficial !== undefined && labelOfficial !== labelComputed) {
    warnings.push(warning("W_LABEL_DIFFERS", { official: labelOfficial, computed: labelComputed ?? "-", total: total.toFixed(2), year }, posOf(["official", "label"])));
  }
  // A grade typed for a label year (or a label for a grade year) is not what that year's NACC published.
  const foreign = fw.scheme === "label" ? "grade" : "label";
  if (a.official?.[foreign] !== undefined) warnings.push(warning("W_RESULT_SCHEME", { year, scheme: fw.scheme }, posOf(["official", foreign])));
  const grade = gradeOfficial ?? gradeComputed;
  const label = labelOfficial ?? labelComputed;
  return {
    year,
    framework: fw,
    ...(a.indicator_count !== undefined ? { indicatorCount: a.indicator_count } : {}),
    tools,
    total,
    totalComputed,
    ...(totalOfficial !== undefined ? { totalOfficial } : {}),
    grade,
    gradeComputed,
    ...(gradeOfficial !== undefined ? { gradeOfficial } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(labelComputed !== undefined ? { labelComputed } : {}),
    ...(labelOfficial !== undefined ? { labelOfficial } : {}),
    scheme: fw.scheme,
    rating: fw.scheme === "label" ? (label ?? "-") : grade,
    passed: passes(total, fw),
    warnings,
  };
}
