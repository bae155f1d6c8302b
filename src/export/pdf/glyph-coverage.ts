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

/** Every string the model holds (text, labels, page-number format), visited once each. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === "object") for (const v of Object.values(value)) yield* strings(v);
}

/** The distinct characters of `doc` without a glyph, in order of first use. */
export function charsWithoutGlyph(doc: DocModel, hasGlyph: (codePoint: number) => boolean): string[] {
  const seen = new Set<string>();
  const missing: string[] = [];
  for (const s of strings([doc.sections, doc.pageNumbers?.format ?? ""])) {
    for (const ch of s) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      if (!DRAWS_NOTHING.test(ch) && !hasGlyph(ch.codePointAt(0) as number)) missing.push(ch);
    }
  }
  return missing;
}
