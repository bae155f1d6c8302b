/**
 * Scalar types shared by the schemas. YAML is read with every scalar as text,
 * so each of these starts from a string and reports problems as custom zod
 * issues carrying an itadoc code (see validate-input.ts for the mapping).
 */
import { z } from "zod";
import { decimalPlaces, parseNumber } from "../../thai/digits.js";
import { parseThaiDate, type ThaiDate } from "../../thai/date.js";
import type { Code } from "../../diag/codes.js";
import { around, oddChars } from "../invisible.js";
import { GRADES, type Grade } from "../../ita/domain.js";

type Ctx = z.core.$RefinementCtx<string>;

export function issue(ctx: Ctx, code: Code, params: Record<string, string | number> = {}): void {
  ctx.addIssue({ code: "custom", message: code, params: { itadoc: code, ...params } });
}

// Control characters other than tab/newline break PDF text and confuse editors.
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/**
 * Emoji and pictographs: the bundled Sarabun has no glyph for them, so they
 * would print as blanks or boxes. The pictographs Sarabun does draw stay
 * allowed (©, ®, ™, ▶, ◀; listed from the font's cmap). Emoji variation
 * selectors, keycaps, skin tones and flag letters only make sense with emoji.
 */
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F\u20E3]/u;
const DRAWN_BY_FONT = new Set(["\u00A9", "\u00AE", "\u2122", "\u25B6", "\u25C0"]);

/** Every distinct character of `t` the font cannot draw, in order: the clerk fixes them all in one go. */
export function missingGlyphs(t: string): string[] {
  if (!PICTOGRAPH.test(t)) return [];
  const found = new Set<string>();
  for (const ch of t) if (PICTOGRAPH.test(ch) && !DRAWN_BY_FONT.has(ch)) found.add(ch);
  return [...found];
}

/**
 * A number, a date, an id or a choice must hold no invisible character: it is
 * named with its position instead of a puzzling "not a number". True when one was found.
 */
export function refuseInvisible(ctx: Ctx, s: string): boolean {
  const odd = oddChars(s)[0];
  if (!odd) return false;
  issue(ctx, "E_TEXT_INVISIBLE", { char: odd.name, at: odd.at, value: around(s, odd.at) });
  return true;
}

/**
 * Anything but tab, line ends, printable ASCII and the Thai block: a text of only those (nearly every one a
 * clerk types) can hold no control, invisible or undrawable character, and skips the three scans that look for
 * them, the emoji one costly (~1.1 µs of ~1.3 per text; bench/RESULTS.md, wip/front). test/input/text-scan.test.ts
 * checks every UTF-16 unit this lets through against the three.
 */
export const UNUSUAL = /[^\t\n\r\x20-\x7E\u0E01-\u0E5B]/;

/** Text as typed, trimmed; must not be empty or hold control characters. */
export const text = z.string().transform((s, ctx) => {
  // Most texts hold no carriage return: the replace's scan skipped for them.
  const t = (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s).trim();
  if (UNUSUAL.test(t)) unusualText(t, ctx);
  if (t.length === 0) issue(ctx, "E_TEXT_EMPTY");
  return t;
});

/** The checks a text with an UNUSUAL character needs, in the order their issues are reported. */
function unusualText(t: string, ctx: Ctx): void {
  const bad = CONTROL.exec(t);
  if (bad) issue(ctx, "E_TEXT_CONTROL", { char: bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") });
  // Bidi controls reorder what is printed, a lone surrogate prints as a box; other invisibles (a BOM inside) are named.
  // Zero-width space and joiners stay allowed: Thai text uses them as line-break hints.
  const odd = oddChars(t, true)[0];
  if (odd) issue(ctx, odd.kind === "bidi" ? "E_TEXT_BIDI" : odd.kind === "surrogate" ? "E_TEXT_SURROGATE" : "E_TEXT_INVISIBLE", { char: odd.name, at: odd.at, value: around(t, odd.at) });
  const glyphs = missingGlyphs(t);
  if (glyphs.length > 0) {
    const codes = glyphs.map((g) => g.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0"));
    issue(ctx, "E_TEXT_GLYPH", { char: glyphs.join(" "), code: codes.join(", U+") });
  }
}

/** One paragraph or a list of paragraphs; always a list after parsing. */
export const paragraphs = z.union([text.transform((t) => [t]), z.array(text)]);

/** A score 0–100 with at most two decimals, Thai or Arabic digits. */
export const score = z.string().transform((s, ctx) => {
  if (refuseInvisible(ctx, s)) return z.NEVER;
  const n = parseNumber(s);
  if (n === undefined) {
    issue(ctx, "E_SCORE_FORMAT", { value: s });
    return z.NEVER;
  }
  if (n < 0 || n > 100) issue(ctx, "E_SCORE_RANGE", { value: s.trim() });
  else if (decimalPlaces(s) > 2) issue(ctx, "E_SCORE_DECIMALS", { value: s.trim() });
  return n;
});

export const count = z.string().transform((s, ctx) => {
  if (refuseInvisible(ctx, s)) return z.NEVER;
  const n = parseNumber(s);
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    issue(ctx, "E_INTEGER", { value: s });
    return z.NEVER;
  }
  return n;
});

/** A Buddhist-era year such as 2563 (Thai digits allowed). */
export const beYear = z.string().transform((s, ctx) => {
  if (refuseInvisible(ctx, s)) return z.NEVER;
  const n = parseNumber(s);
  if (n === undefined || !Number.isInteger(n)) {
    issue(ctx, "E_INTEGER", { value: s });
    return z.NEVER;
  }
  if (n < 2400) issue(ctx, "E_DATE_YEAR", { value: s });
  return n;
});

export const thaiDate = z.string().transform((s, ctx): ThaiDate => {
  if (refuseInvisible(ctx, s)) return z.NEVER;
  const r = parseThaiDate(s);
  if (r.ok) return r.date;
  issue(ctx, r.reason === "impossible" ? "E_DATE_IMPOSSIBLE" : r.reason === "year" ? "E_DATE_YEAR" : "E_DATE_FORMAT", { value: s });
  return z.NEVER;
});

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  // The values as metadata too: the page's key completion (serve/schema-tree.ts) offers them.
  return z.string().meta({ enum: [...values] }).transform((s, ctx) => {
    if (refuseInvisible(ctx, s)) return z.NEVER;
    const v = s.trim();
    if (!(values as readonly string[]).includes(v)) {
      issue(ctx, "E_ENUM", { value: v, allowed: values.join(", ") });
      return z.NEVER;
    }
    return v as T[number];
  });
}

// The grades are ita domain data (ita/domain.ts); the schema only checks them.
export { GRADES, type Grade };
export const grade = choice(GRADES);
export const numerals = choice(["thai", "arabic"] as const);
export type Numerals = "thai" | "arabic";
/** A part's digits: also `typed`, the clerk's own text with its digits as typed (Thai and Arabic mixed, as real documents print them). */
export const partNumerals = choice(["thai", "arabic", "typed"] as const);
export type PartNumerals = Numerals | "typed";
