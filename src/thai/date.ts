/**
 * Dates as Thai official documents write them: Buddhist-era years and Thai
 * month names, full (๒๙ กันยายน ๒๕๖๓) or short (๗ ต.ค. ๖๓). Parsing takes the
 * forms clerks actually type and says which kind of mistake was made, so the
 * error message can tell a typo from an impossible date or a Gregorian year.
 */
import { applyNumerals, toArabicDigits, type Numerals } from "./digits.js";
import { beToCe } from "./fiscal-year.js";

export interface ThaiDate {
  /** Buddhist era (พ.ศ.), e.g. 2563. */
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

export const THAI_MONTHS = [
  "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
  "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
] as const;

export const THAI_MONTHS_SHORT = [
  "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
  "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
] as const;

/** Below this a year is taken for a Gregorian one (2020 vs 2563). */
const MIN_BE_YEAR = 2400;
export type ParseDateResult =
  | { readonly ok: true; readonly date: ThaiDate }
  | { readonly ok: false; readonly reason: "format" | "impossible" | "year" };

export function daysInMonth(year: number, month: number): number {
  const ce = beToCe(year);
  const leap = (ce % 4 === 0 && ce % 100 !== 0) || ce % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidThaiDate(d: ThaiDate): boolean {
  return (
    Number.isInteger(d.year) && d.year > 0 &&
    Number.isInteger(d.month) && d.month >= 1 && d.month <= 12 &&
    Number.isInteger(d.day) && d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
  );
}

export function compareThaiDate(a: ThaiDate, b: ThaiDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const NAMED = /^(\d{1,2})\s*(\D+?)\s*(\d{4}|\d{2})$/;

// Month names compared without dots and spaces, so "ก.ย.", "ก.ย" and "กย" all match.
const squeeze = (s: string): string => s.replace(/[.\s]/g, "");
const MONTH_KEYS = new Map<string, number>([
  ...THAI_MONTHS.map((m, i) => [squeeze(m), i + 1] as const),
  ...THAI_MONTHS_SHORT.map((m, i) => [squeeze(m), i + 1] as const),
]);

function monthFromName(name: string): number | undefined {
  // "29 กันยายน พ.ศ. 2563": the era label sits between month and year.
  return MONTH_KEYS.get(squeeze(name).replace(/พศ$/, ""));
}

/**
 * Accepts "2563-09-29", "29/9/2563", "29 กันยายน 2563", "29 ก.ย. 63",
 * "29 กันยายน พ.ศ. 2563", in Thai or Arabic digits, with an optional leading
 * "วันที่". A two-digit year means 25xx.
 */
export function parseThaiDate(text: string): ParseDateResult {
  const s = toArabicDigits(text).trim().replace(/\s+/g, " ").replace(/^วันที่\s*/, "");
  const parts = splitDate(s);
  if (!parts) return { ok: false, reason: "format" };
  const [yearText, month, day] = parts;
  const year = yearText.length === 2 ? 2500 + Number(yearText) : Number(yearText);
  if (year < MIN_BE_YEAR) return { ok: false, reason: "year" };
  const date = { year, month, day };
  return isValidThaiDate(date) ? { ok: true, date } : { ok: false, reason: "impossible" };
}

/** [year as typed, month, day], or undefined when no accepted form matches. */
function splitDate(s: string): [string, number, number] | undefined {
  const iso = ISO.exec(s);
  if (iso) return [iso[1]!, Number(iso[2]), Number(iso[3])];
  const slashed = SLASHED.exec(s);
  if (slashed) return [slashed[3]!, Number(slashed[2]), Number(slashed[1])];
  const named = NAMED.exec(s);
  const month = named && monthFromName(named[2]!);
  if (named && month) return [named[3]!, month, Number(named[1])];
  return undefined;
}

/** "๒๙ กันยายน ๒๕๖๓" (full) or "๗ ต.ค. ๖๓" (short). Throws on an invalid date: callers hold parsed dates. */
export function formatThaiDate(d: ThaiDate, style: "full" | "short", numerals: Numerals): string {
  if (!isValidThaiDate(d)) throw new RangeError(`invalid Thai date ${d.year}-${d.month}-${d.day}`);
  const text =
    style === "full"
      ? `${d.day} ${THAI_MONTHS[d.month - 1]} ${d.year}`
      : `${d.day} ${THAI_MONTHS_SHORT[d.month - 1]} ${String(d.year % 100).padStart(2, "0")}`;
  return applyNumerals(text, numerals);
}
