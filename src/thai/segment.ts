/**
 * Line-break opportunities for Thai text: Intl.Segmenter('th') words, then
 * corrected where the segmenter is wrong for official documents (split
 * compounds, abbreviations, numbers, punctuation, Latin words, marks):
 * the keep-together list (no-split-words.ts) first, then maximal matching
 * of ICU's words against PyThaiNLP's dictionary (compound-words.ts), then
 * การ/ความ joined to the word after them. A line never ends inside a word
 * an ICU-only breaker would cut (จัด|ทำ, ตรวจ|สอบ, คุณภาพการ|ดำเนินงาน);
 * fallbackBreaks() says where a piece wider than a line may still break.
 *
 * segmentThai(text) returns pieces; a line may break between two pieces and
 * nowhere else. Whitespace stays at the end of the piece before it, so
 * pieces.join("") === text always.
 */
import { LONGEST_WORD, thaiWords } from "./compound-words.js";
import { NO_SPLIT_WORDS } from "./no-split-words.js";

const wordSegmenter = new Intl.Segmenter("th", { granularity: "word" });

/** Marks and following vowels that cannot start a line (they belong to the letter before). */
const ATTACHES_BACK = /[\u0E30-\u0E3A\u0E45\u0E46\u0E47-\u0E4E]/;
/** Leading vowels เ แ โ ใ ไ cannot end a line. */
const LEADING_VOWEL = /[\u0E40-\u0E44]/;
const CLOSING = /[)\]}.,:;!?%\u201D\u2019"'\u00BB\u2026\u0E2F]/;
const OPENING = /[([{\u201C\u2018\u00AB]/;
const DIGIT = /[0-9\u0E50-\u0E59]/;
/** Printable ASCII: Latin words, codes and URLs are left to the UAX #14 breaker. */
const ASCII = /[\x21-\x7E]/;
const SPACE = /\s/;
const THAI_CONSONANT = /[\u0E01-\u0E2E]/;
const THAI_LETTER = /[\u0E01-\u0E4E]/;

interface Trie {
  readonly byFirst: ReadonlyMap<string, readonly string[]>;
}

function buildTrie(words: readonly string[]): Trie {
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    const first = w[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(w);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst };
}

const dictionary = buildTrie(NO_SPLIT_WORDS);

/** [start, end) of each keep-together word, longest match first, left to right. */
function dictionaryMatches(text: string): Array<readonly [number, number]> {
  const found: Array<readonly [number, number]> = [];
  let i = 0;
  while (i < text.length) {
    const candidates = dictionary.byFirst.get(text[i] as string);
    const hit = candidates?.find((w) => text.startsWith(w, i));
    if (hit && !ATTACHES_BACK.test(text[i + hit.length] ?? "")) {
      found.push([i, i + hit.length]);
      i += hit.length;
    } else {
      i++;
    }
  }
  return found;
}

/** Does `text` at `pos` continue a dotted abbreviation (ป.ป.ช., พ.ศ.)? */
function insideAbbreviation(text: string, pos: number): boolean {
  // after a "." that follows 1–3 consonants, when 1–3 consonants and a "." come next
  if (text[pos - 1] !== ".") return false;
  const ahead = /^[\u0E01-\u0E2E\u0E31-\u0E3A\u0E47-\u0E4E]{1,4}\./u.exec(text.slice(pos, pos + 6));
  const behind = /[\u0E01-\u0E2E\u0E31-\u0E3A\u0E47-\u0E4E]{1,4}\.$/u.exec(text.slice(Math.max(0, pos - 6), pos));
  return ahead !== null && behind !== null;
}

function breakAllowed(text: string, pos: number): boolean {
  const before = text[pos - 1] ?? "";
  const after = text[pos] ?? "";
  // ๆ and ฯ after a space still belong to the word before the space
  if (SPACE.test(before)) return after !== "\u0E46" && after !== "\u0E2F";
  if (SPACE.test(after)) return false;
  if (ATTACHES_BACK.test(after) || LEADING_VOWEL.test(before)) return false;
  if (CLOSING.test(after) || OPENING.test(before)) return false;
  if (DIGIT.test(before) && (DIGIT.test(after) || after === "." || after === ",")) return false;
  if ((before === "." || before === ",") && DIGIT.test(after)) return false;
  if (ASCII.test(before) && ASCII.test(after)) return false;
  if (before === "." && THAI_CONSONANT.test(after) && insideAbbreviation(text, pos)) return false;
  // "พ.ศ.2564", "ต.ค.63": the number stays with its era/month abbreviation
  if (before === "." && DIGIT.test(after)) return false;
  return true;
}

/** Most ICU segments one dictionary word may be joined from (ผู้|มี|ส่วน|ได้|ส่วน|เสีย is six). */
const MAX_WORD_PARTS = 6;

/** ICU word boundaries of a line (not 0, not its end). */
function icuCuts(line: string): Set<number> {
  const cuts = new Set<number>();
  for (const s of wordSegmenter.segment(line)) if (s.index > 0) cuts.add(s.index);
  return cuts;
}

/**
 * Maximal matching over atoms: the fewest pieces, each one atom or a run of
 * atoms that is a dictionary word (จัด|ทำ → จัดทำ, ขั้น|ตอน → ขั้นตอน).
 * `bounds` are the atoms' edges, 0 and the end included; returns the edges
 * kept. `whole` false: the whole span may not be one piece (used to find the
 * words inside a piece).
 */
function maximalMatch(text: string, bounds: readonly number[], whole = true): number[] {
  const words = thaiWords();
  const n = bounds.length - 1;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  // Only runs of Thai atoms can join (spaces, digits and Latin never do): most lookups are skipped.
  const thai = bounds.map((b) => THAI_LETTER.test(text[b] ?? ""));
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const cost = best[i]! + 1;
    if (cost < best[i + 1]!) {
      best[i + 1] = cost;
      from[i + 1] = i;
    }
    if (!thai[i]) continue;
    for (let j = i + 2; j <= Math.min(n, i + MAX_WORD_PARTS); j++) {
      if (!thai[j - 1] || bounds[j]! - bounds[i]! > LONGEST_WORD) break;
      if (!whole && i === 0 && j === n) continue;
      if (cost < best[j]! && words.has(text.slice(bounds[i]!, bounds[j]!))) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }
  const kept: number[] = [];
  for (let j = n; j > 0; j = from[j]!) kept.push(bounds[j]!);
  kept.push(0);
  return kept.reverse();
}

/** การ and ความ make a noun of the word after them: "การ|ดำเนินงาน" is a worse line end than one between phrases. */
const NOMINALISER = new Set(["การ", "ความ"]);

/** Edges of a line's pieces (0 and the end included), before the character rules of breakAllowed. */
function pieceEdges(line: string): number[] {
  const cuts = icuCuts(line);
  for (const [start, end] of dictionaryMatches(line)) {
    for (let p = start + 1; p < end; p++) cuts.delete(p);
    // A match edge is a word edge even where ICU put it elsewhere (ช่องทาง|การ, not ช่อง|ทางการ).
    if (start > 0) cuts.add(start);
    if (end < line.length) cuts.add(end);
  }
  const edges = maximalMatch(line, [0, ...[...cuts].sort((a, b) => a - b), line.length]);
  return edges.filter((pos, k) => {
    const prev = edges[k - 1];
    return prev === undefined || !(NOMINALISER.has(line.slice(prev, pos)) && THAI_LETTER.test(line[pos] ?? ""));
  });
}

function segmentLine(line: string): string[] {
  if (line.length === 0) return [];
  const pieces: string[] = [];
  let last = 0;
  for (const pos of pieceEdges(line)) {
    if (pos === 0 || pos === line.length || !breakAllowed(line, pos)) continue;
    pieces.push(line.slice(last, pos));
    last = pos;
  }
  pieces.push(line.slice(last));
  return pieces;
}

/**
 * Where a piece of segmentThai's may still break when it is wider than a
 * whole line (a long compound in a narrow table cell), best first: between
 * the dictionary words inside it (คุณภาพ|การดำเนินงาน), then after การ/ความ
 * (การ|ดำเนินงาน), then at any other ICU boundary, last between any two
 * characters a line may break between (never before a mark or a following
 * vowel, never after a leading vowel: ประชาสัมพั|นธ์ rather than a mark cut
 * from its letter). Within one rank the positions are in text order, so the
 * caller takes the last that fits.
 */
export function fallbackBreaks(piece: string): number[][] {
  const atoms = [0, ...[...icuCuts(piece)].sort((a, b) => a - b), piece.length];
  const words = new Set(maximalMatch(piece, atoms, false));
  const ranks: number[][] = [[], [], [], []];
  const icu = new Set(atoms);
  for (let pos = 1; pos < piece.length; pos++) if (!icu.has(pos) && breakAllowed(piece, pos)) ranks[3]!.push(pos);
  for (let k = 1; k < atoms.length - 1; k++) {
    const pos = atoms[k]!;
    if (!breakAllowed(piece, pos)) continue;
    const afterNominaliser = NOMINALISER.has(piece.slice(atoms[k - 1]!, pos));
    ranks[!words.has(pos) ? 2 : afterNominaliser ? 1 : 0]!.push(pos);
  }
  return ranks;
}

/**
 * Characters that begin a word whatever came before them: Thai consonants,
 * leading vowels, digits and Latin letters; never a mark, a following
 * vowel, ๆ, ฯ, punctuation or a format character, which ICU or
 * breakAllowed attach to what precedes them.
 */
const STARTS_ALONE = /[\u0E01-\u0E2E\u0E40-\u0E44\u0E50-\u0E59A-Za-z0-9]/;

/**
 * `text` cut after each run of white space that is followed by a character
 * of STARTS_ALONE. At such a place every rule here sees nothing across the
 * cut: ICU breaks after white space before a letter or digit (UAX #29 WB3d,
 * WB4 and WB999) and its dictionary runs stop at white space; a keep-together
 * word holds no space; maximal matching joins Thai atoms only; breakAllowed
 * and the abbreviation test look through no space. So
 * segmentThai(text) is the concatenation of segmentThai(part) over the
 * parts (test/thai/segment.test.ts checks it on every paragraph of the
 * examples), and a caller may segment, and cache, part by part: phrases
 * between spaces repeat across documents far more than whole paragraphs.
 */
export function independentParts(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    if (SPACE.test(text[i - 1] as string) && STARTS_ALONE.test(text[i] as string)) {
      parts.push(text.slice(start, i));
      start = i;
    }
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

/** Pieces of `text` between which a line break is allowed; joins back to `text`. */
export function segmentThai(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      const line = text.slice(start, i === text.length ? i : i + 1);
      pieces.push(...segmentLine(line));
      start = i + 1;
    }
  }
  return pieces;
}
