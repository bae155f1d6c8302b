/**
 * YAML rules a clerk cannot be expected to know, turned into messages that
 * say what happened and what to type instead:
 *
 * * a `#` after text starts a comment and silently cuts the text;
 * * ": " inside a value starts a nested key (the fix is quotes, not indentation);
 * * one line indented a space off makes the parser report a cascade of
 *   errors on the following lines: one message, at the line to fix, with a caret;
 * * ำ copied from a PDF as ํ + า (or typed after the tone mark in the wrong
 *   order) looks right but is another string: it is put in canonical form.
 */
import { isPair, isScalar, type Document, type LineCounter, type YAMLError } from "yaml";
import { error, info, warning, type Diagnostic } from "../diag/diagnostic.js";
import { walkNodes } from "./yaml-walk.js";
import { excerpt, indentOf, isBlankOrComment, sourceLines } from "./source-excerpt.js";

const THAI = /[\u0E01-\u0E5B]/;

/* ------------------------------------------------------------------ syntax */

/** Parser codes that mean "this line's indentation does not fit its block". */
const INDENT_CODES = new Set(["BAD_INDENT", "MISSING_CHAR", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "UNEXPECTED_TOKEN"]);

/** Thai for the parser's other messages a clerk can meet. */
const DETAIL_TH: Record<string, string> = {
  MULTIPLE_DOCS: "ไฟล์มีข้อมูลมากกว่าหนึ่งชุด (มีบรรทัด --- คั่น) ไฟล์ของแต่ละปีต้องมีชุดเดียว",
  BAD_ALIAS: "การอ้างอิงด้วย * ไม่ถูกต้อง",
  BAD_DIRECTIVE: "บรรทัดที่ขึ้นต้นด้วย % ไม่ถูกต้อง",
  MISSING_CHAR: "ขาดเครื่องหมายปิด เช่น ] } หรือเครื่องหมายคำพูด",
  UNEXPECTED_TOKEN: "มีอักขระที่ไม่คาดว่าจะอยู่ตรงนี้",
  BAD_SCALAR_START: "ข้อความขึ้นต้นด้วยอักขระที่ YAML สงวนไว้ (เช่น @ หรือ `) ใส่ข้อความในเครื่องหมายคำพูด",
};

/**
 * The parser's syntax errors as one diagnostic per cause: every "colon in
 * text" line on its own (each needs its quotes), and of the rest only the
 * first, shown at the line the clerk must change. Later errors of a broken
 * block are echoes of the first; after fixing it, validate shows what remains.
 */
export function explainSyntaxErrors(file: string, text: string, lineCounter: LineCounter, errors: readonly YAMLError[]): Diagnostic[] {
  const lines = sourceLines(text);
  const out: Diagnostic[] = [];
  const colonLines = new Set<number>();
  let first: Diagnostic | undefined;
  // Inside a cascade of a misindented block each line also gets "implicit keys need to be on a single line"; a colon in text does not.
  const cascade = new Set(errors.filter((e) => e.code === "MULTILINE_IMPLICIT_KEY").map((e) => lineCounter.linePos(e.pos[0]).line));
  for (const e of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const { line } = lineCounter.linePos(e.pos[0]);
    const colon = e.code === "BLOCK_AS_IMPLICIT_KEY" && !cascade.has(line) ? colonInText(lines[line - 1] ?? "") : undefined;
    if (colon) {
      if (!colonLines.has(line)) out.push(error("E_YAML_COLON", { key: colon.key, value: colon.value, suggestion: colon.suggestion, excerpt: excerpt(lines, line, colon.col) }, { file, line, col: colon.col }));
      colonLines.add(line);
      continue;
    }
    if (first || colonLines.has(line)) continue;
    first = unclosedFlow(file, lines, line, e) ?? (INDENT_CODES.has(e.code) ? indentDiagnostic(file, lines, lineCounter, e) : otherDiagnostic(file, lines, lineCounter, e));
  }
  return first ? [...out, first].sort((a, b) => (a.pos!.line - b.pos!.line)) : out;
}

/** `subject: เรื่อง: รายงาน` → the key, the whole value and where its first ": " is. */
function colonInText(line: string): { key: string; value: string; suggestion: string; col: number } | undefined {
  const m = /^(\s*(?:-\s+)?)([^\s:#'"[{][^:#]*?):\s+(.*)$/.exec(line);
  if (!m) return undefined;
  // A comment the clerk meant is left out of the suggestion; a "#" that looks like part of the text stays in it.
  const value = withoutMeantComment(m[3]!).trimEnd();
  if (/^['"[{|>&*!]/.test(value)) return undefined;
  const inner = /:(\s|$)/.exec(value);
  if (!inner) return undefined;
  const valueStart = m[0].length - m[3]!.length;
  const dash = m[1]!.trim() ? "- " : "";
  return { key: m[2]!, value, suggestion: `${dash}${m[2]}: ${quoteForYaml(value)}`, col: valueStart + inner.index + 1 };
}

/** The value in double quotes (or single quotes when it holds "), as a clerk would retype it. */
export function quoteForYaml(value: string): string {
  if (!value.includes('"')) return `"${value.replace(/\\/g, "\\\\")}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

function indentDiagnostic(file: string, lines: readonly string[], lineCounter: LineCounter, e: YAMLError): Diagnostic {
  const at = lineCounter.linePos(e.pos[0]);
  const line = culpritLine(lines, at.line, at.col);
  const src = lines[line - 1] ?? "";
  // yaml names a tab only where it expects indentation (TAB_AS_INDENT); a tab that starts a line after a deeper
  // block reaches here as "bad indentation". The clerk sees spaces in the editor, so say it is a tab.
  const tab = /^[ \t]*/.exec(src)![0].indexOf("\t");
  if (tab >= 0) return error("E_YAML_TAB", {}, { file, line, col: tab + 1 });
  const found = indentOf(src);
  const ref = referenceLine(lines, line);
  const col = found + 1;
  return error(
    "E_YAML_INDENT",
    { found, expected: ref?.indent ?? -1, refLine: ref?.line ?? 0, excerpt: excerpt(lines, line, col), detail: firstLine(e.message) },
    { file, line, col },
  );
}

/**
 * `grade: [AA` (a [ or { never closed): yaml reads on until the next key and reports that key's line as badly
 * indented. The line to fix is the one with the open bracket, so point there and say a closing mark is missing.
 */
function unclosedFlow(file: string, lines: readonly string[], line: number, e: YAMLError): Diagnostic | undefined {
  const m = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(e.message);
  if (!m) return undefined;
  const open = m[2] === "]" ? "[" : "{";
  for (let n = line - 1; n >= 1; n--) {
    const src = lines[n - 1] ?? "";
    const at = /^\s*(?:-\s+)?(?:[^\s#'"[{][^:#]*?:\s+)?/.exec(src)![0].length;
    if (src[at] !== open) continue;
    const detail = firstLine(e.message);
    return error("E_YAML_SYNTAX", { detail, detailTh: DETAIL_TH.MISSING_CHAR!, excerpt: excerpt(lines, n, at + 1) }, { file, line: n, col: at + 1 });
  }
  return undefined;
}

function otherDiagnostic(file: string, lines: readonly string[], lineCounter: LineCounter, e: YAMLError): Diagnostic {
  const { line, col } = lineCounter.linePos(e.pos[0]);
  const detail = firstLine(e.message);
  return error("E_YAML_SYNTAX", { detail, detailTh: DETAIL_TH[e.code] ?? detail, excerpt: excerpt(lines, line, col) }, { file, line, col });
}

/**
 * The parser notices a misindented line either on it (its indentation or its
 * first character) or at the end of the line above, when the next line
 * turns a plain value into a key: then the line to fix is the next one.
 */
function culpritLine(lines: readonly string[], line: number, col: number): number {
  const src = lines[line - 1] ?? "";
  if (!isBlankOrComment(src) && col <= indentOf(src) + 1) return line;
  for (let n = line + 1; n <= lines.length; n++) if (!isBlankOrComment(lines[n - 1]!)) return n;
  return line;
}

/**
 * The nearest earlier line of the same kind (list item or key) whose
 * indentation is one or two spaces away: the line the culprit was meant to
 * line up with. A key is lined up with the key after a "- ".
 */
function referenceLine(lines: readonly string[], line: number): { line: number; indent: number } | undefined {
  const src = lines[line - 1] ?? "";
  const isItem = /^\s*-(\s|$)/.test(src);
  const own = indentOf(src);
  for (let n = line - 1; n >= 1; n--) {
    const l = lines[n - 1]!;
    if (isBlankOrComment(l)) continue;
    const item = /^(\s*)-\s+/.exec(l);
    const indent = isItem ? (item ? item[1]!.length : -1) : item ? item[0].length : indentOf(l);
    if (indent < 0) {
      if (indentOf(l) < own - 2) return undefined;
      continue;
    }
    if (indent !== own && Math.abs(indent - own) <= 2) return { line: n, indent };
    if (indent === own) return undefined;
    if (indent < own - 2) return undefined;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/* ---------------------------------------------------------- cut comments */

/** A "#" that begins a comment a clerk means: set apart by two spaces or more, and a space after it ("   # หมายเหตุ"). */
function isMeantAsComment(spaceBefore: string, after: string): boolean {
  return spaceBefore.length >= 2 && /^\s/.test(after);
}

/** `text` without a trailing comment the clerk meant (isMeantAsComment); text cut at "#1" or at a single space is kept. */
function withoutMeantComment(text: string): string {
  for (const m of text.matchAll(/([ \t]+)#(.*)$/g)) if (isMeantAsComment(m[1]!, m[2]!)) return text.slice(0, m.index);
  return text;
}

/**
 * `reporting: รายงานผลครั้งที่ #1 และ #2` reads as "รายงานผลครั้งที่": YAML
 * takes " #" as the start of a comment. A comment a clerk means is usually
 * set apart ("   # หมายเหตุ"); text cut at "#1" or at a single space is
 * almost always a value cut short, so those are reported.
 */
export function cutCommentWarnings(file: string, text: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  // No "#" in the file, no comment to cut anything short: the walk is skipped.
  if (!text.includes("#")) return out;
  walkNodes(doc, {
    pair(pair) {
      if (isScalar(pair.value)) check(pair.value, isScalar(pair.key) ? `${String(pair.key.value)}: ` : "");
    },
    seq(seq) {
      for (const item of seq.items) if (isScalar(item) && !isPair(item)) check(item, seq.flow ? "" : "- ");
    },
  });
  function check(node: { type?: string; value: unknown; range?: readonly [number, number, number] | null }, lead: string): void {
    if (node.type !== "PLAIN" || typeof node.value !== "string" || !THAI.test(node.value) || !node.range) return;
    const end = node.range[1];
    const lineEnd = text.indexOf("\n", end);
    const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, "");
    const m = /^([ \t]+)#(.*)$/.exec(rest);
    if (!m) return;
    if (isMeantAsComment(m[1]!, m[2]!)) return;
    const kept = node.value;
    const cut = `#${m[2]!}`.trimEnd();
    const { line, col } = lineCounter.linePos(end + m[1]!.length);
    out.push(warning("W_YAML_COMMENT_CUT", { kept, cut, suggestion: `${lead}${quoteForYaml(`${kept}${m[1]}${cut}`)}` }, { file, line, col }));
  }
  return out;
}

/* ------------------------------------------------------------- sara am */

const TONE = "\u0E48-\u0E4B";
/** ํ (+ tone) + า → (tone +) ำ, and ำ typed before its tone mark → tone + ำ. */
const DECOMPOSED_AM = new RegExp(`\u0E4D([${TONE}]?)\u0E32|\u0E33([${TONE}])`, "g");

export function canonicalSaraAm(s: string): string {
  return s.replace(DECOMPOSED_AM, (_m, toneBefore: string | undefined, toneAfter: string | undefined) => `${toneBefore ?? ""}${toneAfter ?? ""}\u0E33`);
}

/**
 * Puts every scalar in canonical form (in place) and returns one note for
 * the whole file, with the lines where the decomposed form was found, or
 * nothing. The source text is searched for the lines: the positions of
 * later diagnostics stay those of the file as typed.
 */
export function normaliseSaraAm(file: string, text: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const found: number[] = [];
  for (const m of text.matchAll(DECOMPOSED_AM)) found.push(lineCounter.linePos(m.index).line);
  if (found.length === 0) return [];
  walkNodes(doc, {
    scalar(node) {
      if (typeof node.value === "string") node.value = canonicalSaraAm(node.value);
    },
  });
  const lines = [...new Set(found)];
  const first = lineCounter.linePos(text.search(DECOMPOSED_AM));
  return [info("I_SARA_AM", { count: found.length, lines: lines.slice(0, 10).join(", ") + (lines.length > 10 ? ", …" : "") }, { file, line: first.line, col: first.col })];
}
