/**
 * Numbers as the documents print them: scores with two decimals (92.44,
 * 100.00), percentages (36.67%), counts, in the document's numerals. Printing
 * only: grading compares the unrounded score, so 84.995 prints as 85.00 but is
 * still grade B.
 */
import { applyNumerals, type Numerals } from "./digits.js";

/**
 * Half-up rounding of the number as it is written in decimal, not of its
 * binary value: 1.005 is stored as 1.00499999999999989…, and toFixed(2) alone
 * gives "1.00" where a clerk expects "1.01". Shifting the decimal point in the
 * shortest decimal text ("1.005e2") lands exactly on 100.5.
 */
function toFixedHalfUp(n: number, decimals: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot print ${n} as a number`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`bad decimals ${decimals}`);
  const abs = Math.abs(n);
  const written = String(abs);
  const text = written.includes("e") || decimalsOf(written) <= decimals ? abs.toFixed(decimals) : shiftedFixed(abs, written, decimals);
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Digits after the point of a number's shortest text (no exponent). */
function decimalsOf(written: string): number {
  const dot = written.indexOf(".");
  return dot < 0 ? 0 : written.length - dot - 1;
}

/**
 * The text has more decimals than are printed: round it half-up by shifting the point. (With as many or
 * fewer, nothing is rounded: the shift would give back the same number, whose toFixed is the answer; most
 * scores come so, 83.66 or 100, and skip the two conversions of text to number.)
 */
function shiftedFixed(abs: number, written: string, decimals: number): string {
  const shifted = Math.round(Number(`${written}e${decimals}`));
  // Past 2^53 there are no decimals left to round; toFixed alone is right then (and for exponent-form text,
  // 5e-7, which cannot be shifted that way: the caller sends it to toFixed).
  return (Number.isSafeInteger(shifted) ? Number(`${shifted}e-${decimals}`) : abs).toFixed(decimals);
}

/** "92.44" / "๙๒.๔๔"; 100 → "100.00". */
export function formatScore(n: number, numerals: Numerals, decimals = 2): string {
  return applyNumerals(toFixedHalfUp(n, decimals), numerals);
}

/** n is already in percent: 36.67 → "36.67%" (the seed documents' form). */
export function formatPercent(n: number, numerals: Numerals, decimals = 2): string {
  return applyNumerals(`${toFixedHalfUp(n, decimals)}%`, numerals);
}

/** Counts and years: no grouping separators, half-up if given a fraction. */
export function formatInteger(n: number, numerals: Numerals): string {
  return applyNumerals(toFixedHalfUp(n, 0), numerals);
}
