/**
 * The Thai government fiscal year (ปีงบประมาณ): fiscal year N runs from
 * 1 October N−1 to 30 September N, Buddhist era. ITA results, frameworks and
 * measures are all keyed by fiscal year, not calendar year.
 */
import type { ThaiDate } from "./date.js";

const BE_OFFSET = 543;
const FIRST_MONTH = 10;

export function fiscalYearOf(d: ThaiDate): number {
  return d.month >= FIRST_MONTH ? d.year + 1 : d.year;
}

export function fiscalYearRange(fy: number): { readonly start: ThaiDate; readonly end: ThaiDate } {
  return { start: { year: fy - 1, month: FIRST_MONTH, day: 1 }, end: { year: fy, month: 9, day: 30 } };
}

export function beToCe(year: number): number {
  return year - BE_OFFSET;
}

export function ceToBe(year: number): number {
  return year + BE_OFFSET;
}

/**
 * A fiscal year a real input could mean: ITA began in the 2550s and nothing
 * should be planned 150 years ahead, so anything outside 2540–2700 is a typo
 * (often a Gregorian year).
 */
export function isPlausibleFiscalYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2540 && year <= 2700;
}
