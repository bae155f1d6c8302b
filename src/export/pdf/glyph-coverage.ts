/**
 * Characters of a document that the PDF font cannot draw. pdfkit would draw
 * .notdef (an empty box or nothing) for them without a word, and the bundled
 * font, or an organisation's own official TTF, covers less than Unicode: the
 * clerk is told which characters to change before a wrong PDF goes out.
 */
import type { DocModel } from "../../model/document.js";

export class MissingGlyphsError extends Error {
  constructor(
    readonly family: string,
    readonly chars: readonly string[],
  ) {
    super(`the PDF font ${family} has no glyph for ${chars.join(" ")}`);
  }
}

/**
 * Line ends, tabs, controls and format characters (ZWSP, ZWJ) draw nothing,
 * so need no glyph. Other spaces do: a thin or narrow no-break space
 * without a glyph would print as .notdef.
 */
const DRAWS_NOTHING = /[\n\r\t\p{Cc}\p{Cf}]/u;

/** Calls `visit` with every string the model holds (text, labels, page-number format), in order. */
function eachString(value: unknown, visit: (s: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const v of value) eachString(v, visit);
  else if (value && typeof value === "object") for (const v of Object.values(value)) eachString(v, visit);
}

/** The distinct characters of `doc` without a glyph, in order of first use. */
export function charsWithoutGlyph(doc: DocModel, hasGlyph: (codePoint: number) => boolean): string[] {
  // every character of every string is looked at: a flag per BMP code unit is the cheap test of "seen"
  const seenBmp = new Uint8Array(0x10000);
  const seenAstral = new Set<number>();
  const missing: string[] = [];
  const check = (codePoint: number): void => {
    const ch = String.fromCodePoint(codePoint);
    if (!DRAWS_NOTHING.test(ch) && !hasGlyph(codePoint)) missing.push(ch);
  };
  eachString([doc.sections, doc.pageNumbers?.format ?? ""], (s) => {
    for (let i = 0; i < s.length; i++) {
      const unit = s.charCodeAt(i);
      const low = unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        // a surrogate pair: one code point, as `for (const ch of s)` sees it; a lone surrogate stays one unit
        i++;
        const codePoint = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        if (seenAstral.has(codePoint)) continue;
        seenAstral.add(codePoint);
        check(codePoint);
      } else {
        if (seenBmp[unit]) continue;
        seenBmp[unit] = 1;
        check(unit);
      }
    }
  });
  return missing;
}
