/**
 * Next year's file from last year's, as text: the clerk's own layout,
 * comments and wording are kept byte for byte except where something is
 * changed, and every change is listed with its line.
 *
 * The yaml Document (with source ranges) finds what to change; the changes
 * are spliced into the source text, so nothing is re-printed:
 *
 * * the file's years (fiscal_year, measures.fiscal_year / analyses,
 *   report.analyses, memo.years) move on by the gap between the years;
 * * in text and comments, those same years move on where the words before
 *   them say they are a year ("ปีงบประมาณ พ.ศ. ๒๕๖๘", "ประจำปี 2568",
 *   "กันยายน ๒๕๖๘"); other years (history, "ตั้งแต่ปี ๒๕๖๑") stay;
 * * this year's results are emptied for the clerk to fill in (scores,
 *   official figures, peers' counts, dates), which validate reports as
 *   "still to fill in"; an OIT item's score becomes its `previous`;
 * * the memo number keeps its pattern (ขก ๕๒๐๖/) without the running number.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar } from "yaml";
import { THAI_MONTHS, THAI_MONTHS_SHORT } from "../thai/date.js";
import { parseNumber, toArabicDigits, toThaiDigits } from "../thai/digits.js";
import { fieldName } from "./validate-input.js";

export type ChangeKind = "year" | "text-year" | "emptied" | "previous" | "number";

export interface Change {
  readonly line: number;
  readonly kind: ChangeKind;
  /** Key path (assessment.scores.I1), or "" for a change inside a comment. */
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** A passage that still cites last year's figures: not changed (it is the clerk's wording), listed to review. */
export interface Review {
  readonly line: number;
  /** Key path, or "" in a comment. */
  readonly field: string;
  /** Last year's score still written in a text, or a year left as it was. */
  readonly kind: "figure" | "year-kept";
  readonly figure: string;
}

export type NextYearResult = { ok: true; text: string; changes: Change[]; reviews: Review[] } | { ok: false; reason: "syntax" };

interface Edit {
  /** What the clerk had there, for the list of changes (defaults to the replaced text). */
  readonly before?: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: ChangeKind;
  readonly field: string;
}

type Path = readonly (string | number)[];

/** Keys whose values are this year's results: emptied in the new file. */
const EMPTIED: readonly Path[] = [
  ["assessment", "announced"],
  ["assessment", "scores", "*"],
  ["assessment", "official", "*"],
  ["assessment", "peers", "total"],
  ["assessment", "peers", "counts", "*"],
  ["memo", "date"],
  ["memo", "approvals", "#", "date"],
  // What a measure's progress reached is this year's: next year's report starts from no status.
  ["progress", "items", "#", "status"],
  ["progress", "date"],
];

/** Keys that hold one of the file's years. */
const YEAR_KEYS: readonly Path[] = [["fiscal_year"], ["measures", "fiscal_year"], ["measures", "analyses"], ["report", "analyses"], ["memo", "years", "#"]];

const MONTHS = [...THAI_MONTHS, ...THAI_MONTHS_SHORT].map((m) => m.replace(/\./g, "\\.")).join("|");
/** Words after which a four-digit number is a year: ปีงบประมาณ, ประจำปี, ปี, พ.ศ., a month name. */
const YEAR_IN_TEXT = new RegExp(`(ปีงบประมาณ|ปี|พ\\.\\s?ศ\\.|${MONTHS})(\\s*(?:พ\\.\\s?ศ\\.)?\\s*)([0-9๐-๙]{4})(?![0-9๐-๙])`, "g");

export function nextYearText(source: string, from: number, to: number): NextYearResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: "failsafe", lineCounter, keepSourceTokens: false });
  if (doc.errors.length > 0) return { ok: false, reason: "syntax" };
  const delta = to - from;
  const edits: Edit[] = [];

  // The file's years, moved on; the years they held are the ones moved in text too.
  const moved = new Set<number>([from]);
  for (const [path, node] of scalarsAt(doc, YEAR_KEYS)) {
    const n = parseNumber(String(node.value ?? ""));
    if (n === undefined || !Number.isInteger(n) || !node.range) continue;
    if (path[0] !== "memo") moved.add(n);
    edits.push({ start: node.range[0], end: node.range[1], text: sameDigits(String(n + delta), source.slice(node.range[0], node.range[1])), kind: "year", field: fieldOf(path) });
  }

  const figures = new Set<string>();
  for (const [path, node] of scalarsAt(doc, EMPTIED)) {
    if (!node.range || node.value === null || String(node.value).trim() === "") continue;
    edits.push({ ...emptying(source, node.range[0], node.range[1]), before: source.slice(node.range[0], node.range[1]), kind: "emptied", field: fieldOf(path) });
    const typed = toArabicDigits(String(node.value).trim());
    if (path[0] === "assessment" && /^\d+\.\d\d$/.test(typed)) figures.add(typed);
  }

  // An OIT item: this year's score is next year's "previous"; the new score is to be filled in.
  const items = doc.getIn(["assessment", "oit_items"], true);
  if (isSeq(items)) {
    items.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const score = item.get("score", true);
      const previous = item.get("previous", true);
      if (!isScalar(score) || !score.range || score.value === null) return;
      const value = source.slice(score.range[0], score.range[1]);
      edits.push({ ...emptying(source, score.range[0], score.range[1]), before: value, kind: "emptied", field: `assessment.oit_items[${i + 1}].score` });
      if (isScalar(previous) && previous.range) {
        edits.push({ start: previous.range[0], end: previous.range[1], text: value, kind: "previous", field: `assessment.oit_items[${i + 1}].previous` });
      }
    });
  }

  // The memo number: the office's prefix stays, the running number goes (the registry gives a new one).
  const number = doc.getIn(["memo", "number"], true);
  if (isScalar(number) && number.range && typeof number.value === "string") {
    const raw = source.slice(number.range[0], number.range[1]);
    const slash = raw.lastIndexOf("/");
    const quoted = /^["']/.test(raw);
    if (slash >= 0 && !quoted && slash < raw.length - 1) edits.push({ start: number.range[0] + slash + 1, end: number.range[1], text: "", kind: "number", field: "memo.number" });
  }

  // Years in text and comments, outside what was already changed.
  const taken = (i: number) => edits.some((e) => i >= e.start && i < e.end);
  const kept: Review[] = [];
  for (const m of source.matchAll(YEAR_IN_TEXT)) {
    const digits = m[3]!;
    const year = Number(parseNumber(digits));
    const at = m.index + m[1]!.length + m[2]!.length;
    if (taken(at)) continue;
    if (!moved.has(year)) {
      // A year near the file's own left as it was: history, or a reference the clerk may want to move too.
      if (Math.abs(year - from) <= 5) kept.push({ line: lineCounter.linePos(at).line, field: fieldAtOffset(doc, at), kind: "year-kept", figure: `${m[1]}${m[2]}${digits}`.replace(/\s+/g, " ") });
      continue;
    }
    edits.push({ start: at, end: at + 4, text: sameDigits(String(year + delta), digits), kind: "text-year", field: fieldAtOffset(doc, at) });
  }

  edits.sort((a, b) => a.start - b.start);
  let text = "";
  let last = 0;
  const changes: Change[] = [];
  for (const e of edits) {
    text += source.slice(last, e.start) + e.text;
    last = e.end;
    changes.push({ line: lineCounter.linePos(e.start).line, kind: e.kind, field: e.field, before: contextOf(source, e), after: e.text });
  }
  text += source.slice(last);
  const reviews = [...reviewsOf(source, doc, lineCounter, figures, edits), ...kept].sort((a, b) => a.line - b.line);
  return { ok: true, text, changes, reviews };
}

/** An emptied value leaves no trailing blanks when nothing (no comment) follows it on its line. */
function emptying(source: string, start: number, end: number): { start: number; end: number; text: string } {
  const lineEnd = source.indexOf("\n", end);
  const rest = source.slice(end, lineEnd < 0 ? source.length : lineEnd);
  if (/^[ \t\r]*$/.test(rest)) {
    let s = start;
    while (s > 0 && (source[s - 1] === " " || source[s - 1] === "\t")) s--;
    return { start: s, end, text: "" };
  }
  return { start, end, text: "" };
}

/** Last year's scores (two-decimal figures, in either digits) still written in texts: the analysis to rewrite. */
function reviewsOf(source: string, doc: Document, lineCounter: LineCounter, figures: ReadonlySet<string>, edits: readonly Edit[]): Review[] {
  const out: Review[] = [];
  const seen = new Set<string>();
  for (const f of [...figures].sort()) {
    for (const form of new Set([f, toThaiDigits(f)])) {
      const re = new RegExp(`(?<![0-9๐-๙.])${form.replace(".", "\\.")}(?![0-9๐-๙])`, "g");
      for (const m of source.matchAll(re)) {
        if (edits.some((e) => m.index >= e.start && m.index < e.start + Math.max(1, e.end - e.start))) continue;
        const field = fieldAtOffset(doc, m.index);
        if (!field) continue;
        const line = lineCounter.linePos(m.index).line;
        const key = `${line}|${form}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ line, field, kind: "figure", figure: form });
      }
    }
  }
  return out;
}

/** Every scalar at a path pattern ("*": any key, "#": any list index), with its concrete path. */
function scalarsAt(doc: Document, patterns: readonly Path[]): [Path, Scalar][] {
  const out: [Path, Scalar][] = [];
  const walk = (node: unknown, pattern: Path, path: (string | number)[]): void => {
    if (pattern.length === 0) {
      if (isScalar(node)) out.push([path, node]);
      return;
    }
    const [head, ...rest] = pattern;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const k = String(pair.key.value);
        if (head === "*" || head === k) walk(pair.value, rest, [...path, k]);
      }
    } else if (isSeq(node) && head === "#") node.items.forEach((item, i) => walk(item, rest, [...path, i]));
  };
  for (const p of patterns) walk(doc.contents, p, []);
  return out;
}

/** Key paths as validate prints them (assessment.oit_items[2].score). */
const fieldOf = (path: Path): string => fieldName(path);

/** The key path of the scalar holding an offset, or "" in a comment. */
function fieldAtOffset(doc: Document, offset: number): string {
  let found = "";
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    else if (isScalar(node) && node.range && offset >= node.range[0] && offset < node.range[1]) found = fieldOf(path);
  };
  walk(doc.contents as Node, []);
  return found;
}

/** The new digits in the script the old ones were typed in. */
function sameDigits(arabic: string, typed: string): string {
  return /[๐-๙]/.test(typed) ? toThaiDigits(arabic) : arabic;
}

/** What was there: the value itself, or for a year in text a few words around it. */
function contextOf(source: string, e: Edit): string {
  if (e.kind !== "text-year") return e.before ?? source.slice(e.start, e.end);
  const lineStart = source.lastIndexOf("\n", e.start) + 1;
  const before = source.slice(Math.max(lineStart, e.start - 24), e.start);
  return `${before.replace(/^\S*\s/, "")}${source.slice(e.start, e.end)}`.trim();
}
