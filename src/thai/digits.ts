/**
 * Thai (๐–๙) and Arabic (0–9) digits. A document prints either set, but codes
 * a reader must be able to type back in — item codes (O17, I4), URLs, e-mail
 * addresses, anything where Latin letters touch digits — keep the digits they
 * were written with. Input may use either set, so parsing accepts both.
 */

export type Numerals = "thai" | "arabic";

const THAI_ZERO = 0x0e50; // ๐
const THAI_DIGIT = /[๐-๙]/g;
const ANY_ARABIC_DIGIT = /[0-9]/;
const ANY_THAI_DIGIT = /[๐-๙]/;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * Tokens, tried in this order at each position: a URL, an e-mail address, or
 * a word of Latin letters and digits that may be joined by - _ . / (O17,
 * e-service2, ITA2563, A.1). A token with a Latin letter keeps its
 * digits; the rest (2563, 92.44, 29/9/2563) are converted. URLs and addresses
 * are whole tokens so that "1234@x.go.th" or ".../news?id=25" stay intact.
 * Thai letters and Thai digits end a word, so ปี2563 and พ.ศ.2564 convert.
 * Exported for the test that checks toThaiDigits against a replace over the same tokens.
 */
export const TOKEN = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#@!$&*+;=%]+`,
    String.raw`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*`,
    String.raw`[A-Za-z0-9](?:[A-Za-z0-9]|[\-_./](?=[A-Za-z0-9]))*`,
  ].join("|"),
  "gi",
);

const THAI_DIGITS: readonly string[] = Array.from({ length: 10 }, (_, d) => String.fromCharCode(THAI_ZERO + d));

function arabicToThai(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      out += s.slice(from, i) + THAI_DIGITS[d]!;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Arabic digits → Thai digits in running text; codes, URLs and e-mail keep theirs.
 * The tokens are walked with exec and only those converted are cut out: the same
 * text as `replace(TOKEN, callback)`, at half its cost (every text a template prints
 * goes through here; bench/RESULTS.md, yml).
 */
export function toThaiDigits(text: string): string {
  // Most of what a template prints has no Arabic digit: nothing to tokenise then.
  if (!ANY_ARABIC_DIGIT.test(text)) return text;
  // No Latin letter (a score, a date, a Thai sentence with a year): no token keeps its digits, and every digit is
  // in a token (one alone is a word), so all of them convert. Most numbers templates print are such texts.
  if (!LATIN_LETTER.test(text)) return arabicToThai(text);
  let out = "";
  let from = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[0];
    if (LATIN_LETTER.test(token)) continue;
    out += text.slice(from, m.index) + arabicToThai(token);
    from = m.index + token.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Thai digits → Arabic digits everywhere. */
export function toArabicDigits(text: string): string {
  if (!ANY_THAI_DIGIT.test(text)) return text;
  return text.replace(THAI_DIGIT, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

/** The one switch templates and exporters use for a document's numerals setting. */
export function applyNumerals(text: string, numerals: Numerals): string {
  return numerals === "thai" ? toThaiDigits(text) : toArabicDigits(text);
}

const NUMBER = /^\s*-?[0-9๐-๙]+(?:\.[0-9๐-๙]+)?\s*$/;

/**
 * A plain decimal as a clerk types it, in Thai or Arabic digits. Deliberately
 * narrower than Number(): no exponent, no hex, no thousands separators, no
 * "+", no bare "." — anything else is a typo we want to report.
 */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(toArabicDigits(text.trim()));
  // "-0" is a typing accident, not a value anyone means.
  return n === 0 ? 0 : n;
}

/** Digits after the decimal point as written ("92.40" → 2), so "scores have at most two decimals" can be checked on the text. */
export function decimalPlaces(text: string): number {
  const m = /\.([0-9๐-๙]*)/.exec(text);
  return m?.[1]?.length ?? 0;
}
