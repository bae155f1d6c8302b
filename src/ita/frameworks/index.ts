/**
 * One framework per fiscal year. Each entry says what differs from the
 * common 2562 model and what is provisional, so a reviewer can check a year
 * against its manual in one place.
 */
import type { Framework } from "../framework.js";
import { GRADES_2562, INDICATORS_2562, LABELS_2567, PASS_MARK, TOOLS_2562 } from "./common.js";
import { OIT_CATALOGUE_2563 } from "./oit-2563.js";

const base = { tools: TOOLS_2562, indicators: INDICATORS_2562, grades: GRADES_2562, passMark: PASS_MARK, labels: [], oitCatalogue: [] } as const;

export const FRAMEWORKS: ReadonlyMap<number, Framework> = new Map<number, Framework>(
  [
    { ...base, year: 2561, legacy: true, provisional: [] },
    { ...base, year: 2562, legacy: false, provisional: [] },
    { ...base, year: 2563, legacy: false, provisional: [], oitCatalogue: OIT_CATALOGUE_2563 },
    { ...base, year: 2564, legacy: false, provisional: [], oitCatalogue: OIT_CATALOGUE_2563 },
    { ...base, year: 2565, legacy: false, provisional: ["OIT item catalogue taken from 2563–2564"], oitCatalogue: OIT_CATALOGUE_2563 },
    { ...base, year: 2566, legacy: false, provisional: ["OIT item catalogue renumbered: item names come from the input"] },
    { ...base, year: 2567, legacy: false, provisional: ["OIT item catalogue shortened: item names come from the input", "result labels"], labels: LABELS_2567 },
    { ...base, year: 2568, legacy: false, provisional: ["OIT item catalogue shortened: item names come from the input", "result labels"], labels: LABELS_2567 },
    { ...base, year: 2569, legacy: false, provisional: ["assumed unchanged from 2568: check the 2569 manual", "result labels"], labels: LABELS_2567 },
  ].map((f) => [f.year, f]),
);

export function frameworkFor(year: number): Framework | undefined {
  return FRAMEWORKS.get(year);
}

export function knownYears(): string {
  const ys = [...FRAMEWORKS.keys()].sort();
  return `${ys[0]}–${ys[ys.length - 1]}`;
}
