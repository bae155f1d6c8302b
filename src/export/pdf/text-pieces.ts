/**
 * The text side of FaithfulFont (faithful-font.ts): where a string is cut
 * into the pieces fontkit shapes alone, and which text each glyph of a piece
 * stands for when a face cannot hold cluster glyphs. Pure functions of
 * strings, no font objects.
 */

/** The zero-width space itadoc inserts as a line-break opportunity; no glyph draws it. */
export const ZWSP = "\u200B";

const LETTER = /\p{L}/u;

/** 1: Thai, 0: another script's letter, -1: script-neutral; for `text`'s unit at `i` (`code`). */
function scriptOf(code: number, text: string, i: number): number {
  if (code >= 0x0e00 && code <= 0x0e7f) return 1;
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 0 : -1;
  // the one-unit string only here: for a Thai unit text[i] would be a new string
  return LETTER.test(text[i] as string) ? 0 : -1;
}

/**
 * The pieces a drawn or measured string is shaped in: U+200B is dropped and
 * ends a piece. pdfmake measures each word alone (its words end at U+200B),
 * so shaping a line of several words in the same pieces draws every glyph
 * exactly where the layout put it.
 */
export function drawnPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let at = pieceStart(text, 0); at < text.length; ) {
    const end = pieceEnd(text, at);
    pieces.push(text.slice(at, end));
    at = pieceStart(text, end);
  }
  return pieces;
}

/*
 * drawnPieces one piece at a time, for the font's hot loops (every word
 * measured, every line drawn): walking the text with these two makes no
 * arrays, where split and a cut of each part made three per call
 * (bench/RESULTS.md, "wip/pdf2"). The pieces are the same:
 * `for (let at = pieceStart(t, 0); at < t.length; at = pieceStart(t, end))`
 * with `end = pieceEnd(t, at)` gives drawnPieces(t) as `t.slice(at, end)`.
 */

/** The first index at or after `at` that is not U+200B (text.length if none): where the next drawn piece starts. */
export function pieceStart(text: string, at: number): number {
  while (at < text.length && text.charCodeAt(at) === 0x200b) at++;
  return at;
}

/**
 * Where the drawn piece starting at `start` (not a U+200B) ends: before a
 * U+200B, after a space or tab (as pdfkit cuts), or where the text switches
 * between Thai and another script's letters (fontkit chooses one script per
 * string); script-neutral characters (spaces, digits, punctuation) stay with
 * the run they follow.
 */
export function pieceEnd(text: string, start: number): number {
  let run = -1;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x200b) return i;
    const script = scriptOf(code, text, i);
    if (script >= 0) {
      if (run >= 0 && run !== script && i > start) return i;
      run = script;
    }
    if (code === 0x20 || code === 0x09) return i + 1;
  }
  return text.length;
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * Whether a UTF-16 unit of a string made only of printable ASCII and the
 * Thai block (U+0020–U+007E, U+0E01–U+0E5B) extends the cluster before it:
 * the Thai marks (Grapheme_Cluster_Break Extend: mai han-akat, the vowels
 * above and below, phinthu, the tone marks and the other signs above) and
 * sara am (SpacingMark). No other rule of UAX #29 applies to these
 * characters (no CR, LF, controls, ZWJ, Prepend, Hangul or emoji), so every
 * other one starts a cluster.
 */
const extendsThaiCluster = (c: number): boolean => c === 0x0e31 || c === 0x0e33 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);

/** Whether every unit of `text` is printable ASCII or in U+0E01–U+0E5B (the clusters extendsThaiCluster can tell). */
function isThaiOrAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c > 0x7e && c < 0x0e01) || c > 0x0e5b) return false;
  }
  return true;
}

/**
 * `text`'s grapheme clusters, as Intl.Segmenter("th", grapheme) gives them.
 * Text of Thai and printable ASCII (nearly all a document draws) is cut by
 * extendsThaiCluster: an ICU segmenter costs 8–20 µs per call (it clones a
 * break iterator) and a new word calls it once per piece. The test compares
 * both on every pair of these characters and on random strings.
 */
export function graphemeClusters(text: string): string[] {
  if (!isThaiOrAscii(text)) return Array.from(graphemes.segment(text), (s) => s.segment);
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    if (extendsThaiCluster(text.charCodeAt(i))) continue;
    out.push(text.slice(start, i));
    start = i;
  }
  if (text.length > 0) out.push(text.slice(start));
  return out;
}

/**
 * For faces whose subsets cannot hold cluster glyphs (CFF, variable fonts):
 * the text each glyph of `piece` stands for, given each glyph's advance.
 * Within a grapheme cluster the text goes to a glyph that advances the pen
 * and the cluster's other glyphs get "": an extractor that sees a glyph with
 * width but no text inserts a space (กำ หนด). Sarabun draws ำ as nikhahit
 * (no advance) + sara aa (advance), so a cluster ending in ำ with two
 * advancing glyphs gives ำ to the second. When glyphs cannot be matched to
 * clusters (a ligature across clusters), the first glyph gets the whole piece.
 */
export function glyphTexts(piece: string, advances: readonly number[], glyphsOf: (cluster: string) => number): string[] {
  const texts: string[] = [];
  for (const segment of graphemeClusters(piece)) {
    const n = glyphsOf(segment);
    if (n === 0) continue;
    const start = texts.length;
    for (let k = 0; k < n; k++) texts.push("");
    const advancing: number[] = [];
    for (let k = start; k < start + n; k++) if ((advances[k] ?? 0) > 0) advancing.push(k);
    const [first, second] = advancing;
    if (advancing.length === 2 && second !== undefined && first !== undefined && segment.endsWith("\u0E33")) {
      texts[first] = segment.slice(0, -1);
      texts[second] = "\u0E33";
    } else {
      texts[first ?? start] = segment;
    }
  }
  if (texts.length === advances.length) return texts;
  return advances.map((_, i) => (i === 0 ? piece : ""));
}
