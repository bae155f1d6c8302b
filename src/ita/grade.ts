/** Grade and result label of a total, by the year's bands (data, not code). */
import type { Grade } from "./domain.js";
import type { Framework } from "./framework.js";

/** Round to two decimals the way the NACC prints (half away from zero, float noise removed). */
export function round2(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7) / 100;
}

export function gradeOf(total: number, fw: Framework): Grade {
  // Bands are compared on the printed (two-decimal) total: 84.995 prints 85.00 and is an A.
  const t = round2(total);
  for (const band of fw.grades) if (t >= band.min) return band.grade;
  return fw.grades[fw.grades.length - 1]!.grade;
}

export function labelOf(total: number, toolScores: readonly number[], fw: Framework): string | undefined {
  const t = round2(total);
  for (const rule of fw.labels) {
    if (t < rule.minTotal) continue;
    if (rule.minEachTool !== undefined && toolScores.some((s) => round2(s) < rule.minEachTool!)) continue;
    return rule.label;
  }
  return undefined;
}

export function passes(score: number, fw: Framework): boolean {
  return round2(score) >= fw.passMark;
}
