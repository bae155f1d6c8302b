/**
 * Characters a clerk cannot see: zero-width spaces and joiners, bidi
 * controls, a BOM in the middle of a line, lone surrogates. They ride along
 * with text copied from web pages and PDFs and make "92.44" not a number or
 * "scores" not the key it looks like. Each is named (code point and Unicode
 * name) and located (its character position in the value), because the
 * clerk cannot find it otherwise.
 */

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: "SOFT HYPHEN",
  0x034f: "COMBINING GRAPHEME JOINER",
  0x061c: "ARABIC LETTER MARK",
  0x115f: "HANGUL CHOSEONG FILLER",
  0x1160: "HANGUL JUNGSEONG FILLER",
  0x17b4: "KHMER VOWEL INHERENT AQ",
  0x17b5: "KHMER VOWEL INHERENT AA",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0x206a: "INHIBIT SYMMETRIC SWAPPING",
  0x206b: "ACTIVATE SYMMETRIC SWAPPING",
  0x206c: "INHIBIT ARABIC FORM SHAPING",
  0x206d: "ACTIVATE ARABIC FORM SHAPING",
  0x206e: "NATIONAL DIGIT SHAPES",
  0x206f: "NOMINAL DIGIT SHAPES",
  0x3164: "HANGUL FILLER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (BOM)",
  0xffa0: "HALFWIDTH HANGUL FILLER",
};

/** Bidi embeddings, overrides, isolates and marks: they reorder what is printed (U+202E shows a memo number reversed). */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** Zero-width characters with a typographic use in Thai text (line-break hints, joining): allowed in text, not in keys or numbers. */
const TEXT_OK = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060]);

export interface OddChar {
  /** "U+200B ZERO WIDTH SPACE" */
  readonly name: string;
  /** 1-based position in the value, counted in characters (code points) as a clerk counts. */
  readonly at: number;
  readonly kind: "invisible" | "bidi" | "surrogate";
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");

function nameOf(cp: number): string | undefined {
  const n = NAMES[cp];
  if (n) return n;
  if (cp >= 0xe0000 && cp <= 0xe007f) return "TAG CHARACTER";
  if (cp >= 0xfe00 && cp <= 0xfe0e) return `VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  return undefined;
}

/**
 * Every character nameOf names, and any surrogate (tag characters are astral; a lone one is odd): a value
 * without one of these is let through with one regular-expression test instead of a walk over its characters.
 */
const MAYBE_ODD = new RegExp(`[${Object.keys(NAMES).map((k) => `\\u${hex(Number(k))}`).join("")}\\uD800-\\uDFFF\\uFE00-\\uFE0E]`);

/** Every invisible, bidi or lone-surrogate character of `s`, in order. `forText`: the Thai typographic ones are left out. */
export function oddChars(s: string, forText = false): OddChar[] {
  const out: OddChar[] = [];
  if (!MAYBE_ODD.test(s)) return out;
  let at = 0;
  // for…of walks code points; a lone surrogate comes out as a one-unit string.
  for (const ch of s) {
    at++;
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out.push({ name: `U+${hex(cp)} (${cp < 0xdc00 ? "HIGH" : "LOW"} SURROGATE WITHOUT ITS PAIR)`, at, kind: "surrogate" });
      continue;
    }
    const name = nameOf(cp);
    if (!name || (forText && TEXT_OK.has(cp))) continue;
    out.push({ name: `U+${hex(cp)} ${name}`, at, kind: BIDI.has(cp) ? "bidi" : "invisible" });
  }
  return out;
}

/** The value with each odd character made visible as ⟨U+200B⟩, for messages. */
export function showOdd(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += (cp >= 0xd800 && cp <= 0xdfff) || nameOf(cp) ? `⟨U+${hex(cp)}⟩` : ch;
  }
  return out;
}

/** The value without its odd characters: what the clerk meant to type. */
export function withoutOdd(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (!((cp >= 0xd800 && cp <= 0xdfff) || nameOf(cp))) out += ch;
  }
  return out;
}

/** Up to 12 characters either side of position `at` (1-based), odd characters shown: enough to find the spot in a long text. */
export function around(s: string, at: number): string {
  const chars = [...s];
  const from = Math.max(0, at - 13);
  const to = Math.min(chars.length, at + 12);
  return `${from > 0 ? "…" : ""}${showOdd(chars.slice(from, to).join(""))}${to < chars.length ? "…" : ""}`;
}
