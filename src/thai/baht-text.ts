/**
 * An amount of money in Thai words (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์),
 * as budget lines in measures tables are written out. Wraps thai-baht-text
 * 2.0.5 and covers what it gets wrong: 0 gives "" (we say ศูนย์บาทถ้วน), it
 * truncates rather than rejects a third decimal (1.005 → หนึ่งบาทถ้วน), and it
 * breaks on numbers printed with an exponent (1e21). So we check the amount
 * ourselves and hand the package whole baht and whole satang separately.
 */
import thaiBahtTextModule from "thai-baht-text";

// The package's module.exports is the function itself, but its typings describe
// an object of named exports (which are not there at run time under Node ESM).
const thaiBahtText = thaiBahtTextModule as unknown as (input: string) => string;

export type BahtTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: "negative" | "not_finite" | "too_many_decimals" | "too_large" };

/**
 * One ล้านล้าน baht (10^12), a third of the national budget. Below it a double
 * still resolves amount × 100 to a few hundredths of a satang, so a third
 * decimal is still visible and rounding to satang never picks the wrong one.
 */
export const MAX_BAHT_AMOUNT = 1e12;

const WHOLE = "ถ้วน";

export function bahtText(amount: number): BahtTextResult {
  if (!Number.isFinite(amount)) return { ok: false, reason: "not_finite" };
  if (amount < 0) return { ok: false, reason: "negative" };
  if (amount >= MAX_BAHT_AMOUNT) return { ok: false, reason: "too_large" };
  const scaled = amount * 100;
  const satangTotal = Math.round(scaled);
  // 0.1 + 0.2 is 0.30000000000000004: binary noise, not a third decimal. The
  // noise grows with the amount (about 2.6 ulp of scaled), hence the relative term.
  const noise = Math.max(1e-6, scaled * 4 * Number.EPSILON);
  if (Math.abs(scaled - satangTotal) > noise) return { ok: false, reason: "too_many_decimals" };
  const baht = Math.floor(satangTotal / 100);
  const satang = satangTotal % 100;
  if (satang === 0) return { ok: true, text: baht === 0 ? `ศูนย์บาท${WHOLE}` : thaiBahtText(String(baht)) };
  const satangText = thaiBahtText(`0.${String(satang).padStart(2, "0")}`);
  if (baht === 0) return { ok: true, text: satangText };
  const bahtWords = thaiBahtText(String(baht));
  return { ok: true, text: bahtWords.slice(0, bahtWords.length - WHOLE.length) + satangText };
}
