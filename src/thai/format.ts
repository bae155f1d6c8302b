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
  const shifted = Math.round(Number(`${abs}e${decimals}`));
  // Exponent-form text (5e-7) cannot be shifted that way, and past 2^53 there
  // are no decimals left to round; toFixed alone is right in both cases.
  const exact = Number.isSafeInteger(shifted) && !String(abs).includes("e");
  const text = (exact ? Number(`${shifted}e-${decimals}`) : abs).toFixed(decimals);
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
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
