/**
 * Bytes → YAML document with positions. Every scalar is read as text (the
 * "failsafe" schema) so "0406" and "๐๑๑๐๙" keep their leading zeros; the
 * zod schemas decide what is a number. Problems come back as diagnostics,
 * never as exceptions.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import { error, type Diagnostic, type Result, type SourcePos } from "../diag/diagnostic.js";
import { fastParseDocument } from "./fast-yaml.js";
import { withQuietEnv } from "./quiet-env.js";
import { markNulls, NOT_PLAIN, plainData, TOO_DEEP, type PlainWalk } from "./plain-data.js";
import { cutCommentWarnings, explainSyntaxErrors, normaliseSaraAm } from "./yaml-traps.js";
import { MAX_FILE_BYTES } from "./max-file-bytes.js";

export { MAX_FILE_BYTES };
export const MAX_ALIASES = 50;
export const MAX_DEPTH = 24;

/** One decoder for every file: a decode without `stream` starts afresh each call (a fatal error included). */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export interface LoadedYaml {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** Plain JS data: strings, arrays, objects; YAML null/empty values removed. */
  readonly data: unknown;
  /** True when the plain walk made the data: it refuses any tag, so the file has none to report (validate-input.ts). */
  readonly untagged: boolean;
  /** False when the plain walk found no key typed with nothing after it: emptyOptionalValues has nothing to list (validate-input.ts). */
  readonly mayHaveEmpty: boolean;
}

export function positionAt(file: string, lineCounter: LineCounter, offset: number): SourcePos {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, col };
}

export function loadYaml(file: string, bytes: Uint8Array): Result<LoadedYaml> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail(error("E_FILE_TOO_LARGE", { size: bytes.byteLength, limit: MAX_FILE_BYTES }, { file, line: 0, col: 0 }));
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail(error("E_FILE_ENCODING", {}, positionOfBadByte(file, bytes)));
  }
  try {
    return parseText(file, text);
  } catch (e) {
    // Nesting deep enough to exhaust the stack in yaml's own recursion (parse, visit, toJS).
    if (e instanceof RangeError) return fail(error("E_YAML_DEPTH", { limit: MAX_DEPTH }, { file, line: 1, col: 1 }));
    throw e;
  }
}

/**
 * How every file is parsed (a LineCounter added per file); the fast path's differential test parses with the same.
 * logLevel "error": yaml would otherwise print its own warnings (e.g. a list used as a key) to the terminal.
 */
export const YAML_PARSE_OPTIONS = { schema: "failsafe", uniqueKeys: true, prettyErrors: false, logLevel: "error" } as const;

function parseText(file: string, text: string): Result<LoadedYaml> {
  const lineCounter = new LineCounter();
  const options = { ...YAML_PARSE_OPTIONS, lineCounter };
  // Plain block YAML, as clerks write it, is read by the fast path (the same Document); anything else, errors
  // included, by yaml itself (fast-yaml.ts).
  const doc = fastParseDocument(text, options)?.doc ?? withQuietEnv(() => parseDocument(text, options));
  const errors: Diagnostic[] = [];
  const syntax: YAMLError[] = [];
  for (const e of doc.errors) {
    const pos = positionAt(file, lineCounter, e.pos[0]);
    if (e.code === "DUPLICATE_KEY") errors.push(error("E_YAML_DUPLICATE_KEY", { key: duplicateKeyAt(doc, e.pos[0]) ?? "?" }, pos));
    else if (e.code === "TAB_AS_INDENT") errors.push(error("E_YAML_TAB", {}, pos));
    // yaml catches its own stack overflow on thousands of nested [ or {: that is nesting, not syntax.
    else if (/call stack/i.test(e.message)) errors.push(error("E_YAML_DEPTH", { limit: MAX_DEPTH }, pos));
    else syntax.push(e);
  }
  const isTab = (d: Diagnostic) => d.code === "E_YAML_TAB";
  const isDeep = (d: Diagnostic) => d.code === "E_YAML_DEPTH";
  // No syntax error, nothing to explain: the explanation would split the whole text into lines first. A tab or a
  // stack overflow is already the answer (below); the explanation may find a tab yaml called bad indentation.
  if (syntax.length > 0 && !errors.some(isTab) && !errors.some(isDeep)) errors.push(...explainSyntaxErrors(file, text, lineCounter, syntax));
  // A tab in the indentation makes every following line of the block look misaligned; those echoes only confuse.
  const tabs = errors.filter(isTab);
  if (tabs.length > 0) return { ok: false, errors: tabs, warnings: [] };
  // Likewise a stack overflow is reported once per open bracket it unwinds through.
  const deep = errors.find(isDeep);
  if (deep) return fail(deep);
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.pos!.line - b.pos!.line || a.pos!.col - b.pos!.col), warnings: [] };

  const warnings = [...cutCommentWarnings(file, text, doc, lineCounter), ...normaliseSaraAm(file, text, doc, lineCounter)];
  const tooDeep = () => fail(error("E_YAML_DEPTH", { limit: MAX_DEPTH }, { file, line: 1, col: 1 }));
  // The walk that makes the data also sets the null-like values ("~", "null", nothing) to null, stops at nesting
  // deeper than MAX_DEPTH and counts the empty values (plain-data.ts); when it steps aside, nodeDepth looks for the depth.
  const walk: PlainWalk = { maxDepth: MAX_DEPTH, emptyTyped: 0 };
  let data = plainData(doc.contents, walk);
  if (data === TOO_DEEP) return tooDeep();
  const untagged = data !== NOT_PLAIN;
  if (data === NOT_PLAIN) {
    if (nodeDepth(doc.contents) > MAX_DEPTH) return tooDeep();
    markNulls(doc);
    try {
      data = dropNulls(doc.toJS({ maxAliasCount: MAX_ALIASES }));
    } catch {
      // yaml throws a ReferenceError on "Excessive alias count": an alias bomb or a very repetitive file.
      return fail(error("E_YAML_ALIAS", {}, { file, line: 1, col: 1 }));
    }
  }
  return { ok: true, value: { file, doc, lineCounter, data, untagged, mayHaveEmpty: !untagged || walk.emptyTyped > 0 }, warnings };
}

function fail(d: Diagnostic): Result<never> {
  return { ok: false, errors: [d], warnings: [] };
}

function duplicateKeyAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_k, pair) {
      if (isScalar(pair.key) && pair.key.range && pair.key.range[0] === offset) found = String(pair.key.value);
    },
  });
  return found;
}

function nodeDepth(node: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || (!isMap(node) && !isSeq(node))) return depth;
  // A map or list is a level, an empty one too.
  let max = depth + 1;
  for (const item of node.items) max = Math.max(max, nodeDepth(isMap(node) ? (item as { value: unknown }).value : item, depth + 1));
  return max;
}

/** Removes null values from objects (absent keys); nulls in lists stay so the schema can point at them. Exported for the test of plain-data.ts. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a key typed "__proto__" stays an ordinary (unknown) key instead of replacing the prototype.
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && v !== undefined) Object.defineProperty(out, k, { value: dropNulls(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function positionOfBadByte(file: string, bytes: Uint8Array): SourcePos {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Find the first line whose bytes do not decode; good enough to point the clerk at it.
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return { file, line, col: 1 };
      }
      line++;
      start = i + 1;
    }
  }
  return { file, line: 1, col: 1 };
}
