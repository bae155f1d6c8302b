/**
 * A fast path for the plain YAML clerks write: the text of a typical year or
 * organisation file turned straight into the Document (and LineCounter)
 * yaml's parseDocument would build with the failsafe schema, without its
 * lexer, CST parser and composer, which were ~12 % of a national build's CPU
 * (bench/RESULTS.md, wip/yaml).
 *
 * It knows a strict subset only: block maps and block lists, plain keys,
 * plain and single-line quoted scalars, `|` / `>` block scalars (clip or
 * strip), flow lists and maps that close on their line (`[a, b]`,
 * `{ name: x }`), blank lines and comments, with LF or CRLF line ends. On
 * anything else (a flow collection over several lines, an anchor, alias or
 * tag, a tab, a carriage return alone, a plain or quoted value going on to
 * the next line, a backslash in double quotes, a document marker, a
 * duplicate key, indentation that does not line up, a quoted key...) it
 * returns undefined and the caller takes parseDocument, so every error and
 * warning is yaml's own. Equality with parseDocument (node kinds, values, types,
 * sources, ranges, toJS, the LineCounter) is checked by a differential test
 * over the examples, synthetic organisations and thousands of mutations
 * (test/input/fast-yaml.test.ts, bench/fuzz-fast-yaml.mjs).
 *
 * What readers of a loaded document use (src/input: load-yaml, plain-data,
 * yaml-walk, yaml-tags, yaml-traps, validate-input, year-checks; nothing
 * else in src/ takes LoadedYaml.doc) is reproduced exactly: the node
 * classes, items, keys and values, `type`, `tag`, `flow`, `source`, where
 * every node starts (`range[0]`, positions of diagnostics) and where a
 * scalar ends (`range[1]`: cutCommentWarnings, isEmptyTyped), getIn and
 * toJS (the same Document, options and schema), no errors, the LineCounter.
 *
 * Not reproduced, as no reader looks at them (they matter to yaml's
 * toString, which nothing calls on a loaded document): comments and blank
 * lines kept on nodes (`comment`, `commentBefore`, `spaceBefore`, the
 * document's `comment`), and where the comments and blank lines after a
 * node end (a node's `range[2]`, a list's or map's `range[1]`, the
 * document's `range[1..2]`): yaml's own rules for those follow its token
 * stream; here they are the end of the node's last line.
 */
import { Document, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParseOptions, type SchemaOptions } from "yaml";

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** yaml does not export its Directives class; a fresh document holds one (parseDocument's Composer makes its own the same way). */
const Directives = new Document().directives!.constructor as new (init: { version: string }) => unknown;

/** Thrown inside the parse to give up; caught at the top. */
const DECLINE = new Error("fast-yaml: outside the subset");

/**
 * Characters that send the whole file to yaml, wherever they are: a tab (yaml has rules of its own for it), a
 * carriage return not followed by a line feed (CRLF line ends are read), the other C0 controls, DEL, NEL, the
 * line and paragraph separators, a BOM inside the text, and a backslash (double-quoted escapes).
 */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F\u0085\u2028\u2029\uFEFF\\]|\r(?!\n)/;
/** A line yaml reads as a document marker or a directive. */
const MARKER_LINE = /^(?:---|\.\.\.)(?:[ \n]|$)|^%/m;
/** First characters a plain scalar (key or value) may not have here: YAML indicators, quotes handled apart. */
const INDICATOR = new Set(["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"]);

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const CR = 13;

export function fastParseDocument(text: string, options: Options): { doc: Document; lineCounter: LineCounter } | undefined {
  if (REFUSED_CHARS.test(text) || MARKER_LINE.test(text)) return undefined;
  try {
    return new FastParser(text, options).parse();
  } catch {
    // DECLINE, or anything unforeseen (a stack overflow on deep nesting among them): yaml reads the file.
    return undefined;
  }
}

class FastParser {
  private readonly text: string;
  private readonly options: Options;
  /** Offset of each line's first character; lineEnd: of its "\n" or "\r\n" (or the text's end). */
  private readonly lineStart: number[] = [];
  private readonly lineEnd: number[] = [];
  /** Leading spaces; -1 for a line with nothing for the parser (blank or only a comment). */
  private readonly indent: number[] = [];
  private doc!: Document;

  constructor(text: string, options: Options) {
    this.text = text;
    this.options = options;
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      // A Windows line end: the "\r" belongs to the line break, as for yaml.
      const end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      this.lineStart.push(start);
      this.lineEnd.push(end);
      let i = start;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      this.indent.push(i === end || text.charCodeAt(i) === HASH ? -1 : i - start);
      if (nl < 0) break;
      start = nl + 1;
    }
  }

  parse(): { doc: Document; lineCounter: LineCounter } {
    const first = this.nextContent(0);
    if (first < 0 || this.indent[first] !== 0) throw DECLINE;
    this.doc = new Document(undefined, { _directives: new Directives({ version: "1.2" }), ...this.options } as DocumentOptions);
    const [node, after] = this.block(first, 0, -1);
    if (this.nextContent(after) >= 0) throw DECLINE;
    const contentEnd = node.range![2];
    this.doc.contents = node;
    this.doc.range = [this.lineStart[first]!, contentEnd, this.text.length];
    const lineCounter = this.options.lineCounter ?? new LineCounter();
    for (const s of this.lineStart) lineCounter.addNewLine(s);
    return { doc: this.doc, lineCounter };
  }

  /** The first line at or after `line` with content, or -1. */
  private nextContent(line: number): number {
    for (let l = line; l < this.indent.length; l++) if (this.indent[l]! >= 0) return l;
    return -1;
  }

  /** A block map or list whose first item starts at column `col` of `line`; `parent`: the indentation it must exceed. Returns the node and the line after it. */
  private block(line: number, col: number, parent: number): [YAMLMap | YAMLSeq, number] {
    if (col <= parent) throw DECLINE;
    return this.isItem(line, col) ? this.seq(line, col) : this.map(line, col);
  }

  private isItem(line: number, col: number): boolean {
    const at = this.lineStart[line]! + col;
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = at + 1;
    return next === this.lineEnd[line] || this.text.charCodeAt(next) === SPACE;
  }

  private seq(line: number, col: number): [YAMLSeq, number] {
    const seq = new YAMLSeq(this.doc.schema);
    const start = this.lineStart[line]! + col;
    let l = line;
    let end = start;
    for (;;) {
      const dash = this.lineStart[l]! + col;
      // After "- ": the item on the same line, or nothing and the item on the lines below.
      const lineEnd = this.lineEnd[l]!;
      const p = this.skipSpaces(dash + 1, lineEnd);
      let item: YAMLMap | YAMLSeq | Scalar;
      let next: number;
      if (p === lineEnd || this.text.charCodeAt(p) === HASH) {
        [item, next] = this.onLinesBelow(p, dash + 1, l, col, false);
      } else {
        const c = this.text[p]!;
        if (c === "-" && this.isItem(l, p - this.lineStart[l]!)) throw DECLINE;
        if (c !== "'" && c !== '"' && !INDICATOR.has(c) && this.keyColon(p, lineEnd) >= 0) {
          [item, next] = this.map(l, p - this.lineStart[l]!);
        } else {
          item = this.value(p, l, col);
          next = this.nextAfter(item, l, col);
        }
      }
      seq.items.push(item);
      end = item.range![2];
      const n = this.nextContent(next);
      if (n < 0 || this.indent[n]! < col) return this.close(seq, start, end, next);
      if (this.indent[n]! > col) throw DECLINE;
      if (!this.isItem(n, col)) return this.close(seq, start, end, next);
      l = n;
    }
  }

  private map(line: number, col: number): [YAMLMap, number] {
    const map = new YAMLMap(this.doc.schema);
    const start = this.lineStart[line]! + col;
    const keys = new Set<string>();
    let l = line;
    let end = start;
    for (;;) {
      const keyStart = this.lineStart[l]! + col;
      const lineEnd = this.lineEnd[l]!;
      const first = this.text[keyStart]!;
      if (INDICATOR.has(first)) throw DECLINE;
      const colon = this.keyColon(keyStart, lineEnd);
      if (colon < 0) throw DECLINE;
      let keyEnd = colon;
      while (this.text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      // yaml (strict) refuses an implicit key whose ":" is more than 1,024 characters after its start.
      if (colon - keyStart > 1000) throw DECLINE;
      const keyText = this.text.slice(keyStart, keyEnd);
      if (keys.has(keyText)) throw DECLINE;
      keys.add(keyText);
      const key = this.scalar(keyText, "PLAIN", keyStart, keyEnd, keyEnd);
      const p = this.skipSpaces(colon + 1, lineEnd);
      let value: YAMLMap | YAMLSeq | Scalar;
      let next: number;
      if (p === lineEnd || this.text.charCodeAt(p) === HASH) {
        [value, next] = this.onLinesBelow(p, colon + 1, l, col, true);
      } else {
        value = this.value(p, l, col);
        next = this.nextAfter(value, l, col);
      }
      map.items.push(new Pair(key, value));
      end = value.range![2];
      const n = this.nextContent(next);
      if (n < 0 || this.indent[n]! < col) return this.close(map, start, end, next);
      if (this.indent[n]! > col) throw DECLINE;
      if (this.isItem(n, col)) return this.close(map, start, end, next);
      l = n;
    }
  }

  /**
   * Nothing but a comment after a "-" or "key:" ending at `after` on `line` (the value at `p`): the value is the
   * list or map on the lines below, indented more than `col` (a key's list may also stand at its key's column:
   * `sameColumnList`), or empty.
   */
  private onLinesBelow(p: number, after: number, line: number, col: number, sameColumnList: boolean): [YAMLMap | YAMLSeq | Scalar, number] {
    // "-#" or "key:#": yaml wants a space before a comment.
    if (p < this.lineEnd[line]! && p === after) throw DECLINE;
    const below = this.nextContent(line + 1);
    const ind = below >= 0 ? this.indent[below]! : -1;
    if (ind > col) return this.block(below, ind, col);
    if (sameColumnList && ind === col && this.isItem(below, col)) return this.seq(below, col);
    return [this.empty(p), line + 1];
  }

  private close<T extends YAMLMap | YAMLSeq>(node: T, start: number, end: number, next: number): [T, number] {
    node.range = [start, end, end];
    return [node, next];
  }

  /** A plain or quoted value after a key or dash, or a block scalar header, at `p` of `line` (inside a block at `col`). */
  private value(p: number, line: number, col: number): YAMLMap | YAMLSeq | Scalar {
    const text = this.text;
    const lineEnd = this.lineEnd[line]!;
    const c = text[p]!;
    const after = line + 1 < this.lineStart.length ? this.lineStart[line + 1]! : text.length;
    if (c === "'" || c === '"') {
      const [value, q] = this.quoted(p, lineEnd);
      this.endOfLine(q, lineEnd);
      return this.scalar(value, c === "'" ? "QUOTE_SINGLE" : "QUOTE_DOUBLE", p, q, after);
    }
    if (c === "|" || c === ">") return this.blockScalar(p, line, col);
    if (c === "[" || c === "{") {
      const [node, q] = this.flow(p, lineEnd);
      this.endOfLine(q, lineEnd);
      return node;
    }
    if (INDICATOR.has(c)) throw DECLINE;
    // A plain value: up to " #" (a comment) or the line's end, trailing spaces not included.
    let end = p;
    while (end < lineEnd && !(text.charCodeAt(end) === HASH && text.charCodeAt(end - 1) === SPACE)) end++;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    // ": " inside would make it a key (yaml: "nested mappings are not allowed"); a ":" at its end too.
    if (this.keyColon(p, end) >= 0) throw DECLINE;
    return this.scalar(text.slice(p, end), "PLAIN", p, end, after);
  }

  /** A quoted scalar that closes on its line (no backslash: REFUSED_CHARS); its value and the offset after its closing quote. */
  private quoted(p: number, lineEnd: number): [string, number] {
    const text = this.text;
    const c = text[p]!;
    let q = p + 1;
    let value = "";
    for (;;) {
      const close = text.indexOf(c, q);
      if (close < 0 || close >= lineEnd) throw DECLINE;
      value += text.slice(q, close);
      if (c === "'" && text[close + 1] === "'") {
        value += "'";
        q = close + 2;
        continue;
      }
      return [value, close + 1];
    }
  }

  /** Only spaces, then nothing or " # comment", after a closing quote or a block scalar's header. */
  private endOfLine(q: number, lineEnd: number): void {
    if (q === lineEnd) return;
    if (this.text.charCodeAt(q) !== SPACE) throw DECLINE;
    const i = this.skipSpaces(q, lineEnd);
    if (i < lineEnd && this.text.charCodeAt(i) !== HASH) throw DECLINE;
  }

  /** The line after the last block scalar read. */
  private afterBlockScalar = 0;

  private blockScalar(p: number, line: number, col: number): Scalar {
    const text = this.text;
    const folded = text[p] === ">";
    let h = p + 1;
    let strip = false;
    if (text[h] === "-") {
      strip = true;
      h++;
    }
    this.endOfLine(h, this.lineEnd[line]!);
    // Content: the lines below indented more than the block's own column; the first with text sets the indentation.
    let l = line + 1;
    let ind = -1;
    const parts: string[] = [];
    let lastText = -1;
    for (; l < this.lineStart.length; l++) {
      const s = this.lineStart[l]!;
      const e = this.lineEnd[l]!;
      if (s === e) {
        parts.push("");
        continue;
      }
      let i = s;
      while (i < e && text.charCodeAt(i) === SPACE) i++;
      // A line of spaces only: yaml has rules about how many; left to it.
      if (i === e) throw DECLINE;
      const n = i - s;
      if (ind < 0) {
        if (n <= col) break;
        ind = n;
      } else if (n < ind) break;
      // A more indented line keeps its line breaks in a folded scalar: left to yaml.
      if (n > ind && folded) throw DECLINE;
      parts.push(text.slice(s + ind, e));
      lastText = l;
    }
    if (lastText < 0) throw DECLINE;
    const n = lastText - line;
    parts.length = n;
    let value = folded ? foldEmptyLines(parts) : parts.join("\n");
    if (!strip) value += "\n";
    const end = lastText + 1 < this.lineStart.length ? this.lineStart[lastText + 1]! : text.length;
    this.afterBlockScalar = lastText + 1;
    return this.scalar(value, folded ? "BLOCK_FOLDED" : "BLOCK_LITERAL", p, end, end);
  }

  /**
   * A flow list or map that closes on its line (`[a, b]`, `{ name: x, position: y }`, nested), of plain or quoted
   * scalars; returns it and the offset after its closing bracket. An empty entry, a trailing comma, a key without
   * a value, a pair inside a list, a ":" or " #" in a plain scalar: left to yaml.
   */
  private flow(p: number, lineEnd: number): [YAMLMap | YAMLSeq, number] {
    const text = this.text;
    const isMap = text[p] === "{";
    const close = isMap ? "}" : "]";
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    const keys = isMap ? new Set<string>() : undefined;
    let q = this.skipSpaces(p + 1, lineEnd);
    if (text[q] === close) {
      node.range = [p, q + 1, q + 1];
      return [node, q + 1];
    }
    for (;;) {
      if (keys) {
        const [key, k] = this.flowScalar(q, lineEnd, true);
        if (keys.has(key.value as string)) throw DECLINE;
        keys.add(key.value as string);
        if (text.charCodeAt(k) !== COLON || text.charCodeAt(k + 1) !== SPACE) throw DECLINE;
        const [value, v] = this.flowNode(this.skipSpaces(k + 1, lineEnd), lineEnd);
        (node as YAMLMap).items.push(new Pair(key, value));
        q = v;
      } else {
        const [item, v] = this.flowNode(q, lineEnd);
        (node as YAMLSeq).items.push(item);
        q = v;
      }
      q = this.skipSpaces(q, lineEnd);
      if (text[q] === close) {
        node.range = [p, q + 1, q + 1];
        return [node, q + 1];
      }
      if (text[q] !== ",") throw DECLINE;
      q = this.skipSpaces(q + 1, lineEnd);
      if (text[q] === close || text[q] === ",") throw DECLINE;
    }
  }

  private flowNode(q: number, lineEnd: number): [YAMLMap | YAMLSeq | Scalar, number] {
    const c = this.text[q];
    if (c === "[" || c === "{") return this.flow(q, lineEnd);
    return this.flowScalar(q, lineEnd, false);
  }

  /** A plain or quoted scalar inside a flow collection at `q`; returns it and the offset after it (spaces after a plain one not included). */
  private flowScalar(q: number, lineEnd: number, isKey: boolean): [Scalar, number] {
    const text = this.text;
    const c = text[q];
    if (c === undefined || q >= lineEnd) throw DECLINE;
    if (c === "'" || c === '"') {
      if (isKey) throw DECLINE;
      const [value, end] = this.quoted(q, lineEnd);
      return [this.scalar(value, c === "'" ? "QUOTE_SINGLE" : "QUOTE_DOUBLE", q, end, end), end];
    }
    if (INDICATOR.has(c)) throw DECLINE;
    let i = q;
    for (; i < lineEnd; i++) {
      const ch = text[i]!;
      if (ch === "," || ch === "]" || ch === "}" || ch === "[" || ch === "{") break;
      if (ch === ":") {
        if (isKey && text.charCodeAt(i + 1) === SPACE) break;
        throw DECLINE;
      }
      if (ch === "#" && text.charCodeAt(i - 1) === SPACE) throw DECLINE;
    }
    if (i >= lineEnd) throw DECLINE;
    let end = i;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return [this.scalar(text.slice(q, end), "PLAIN", q, end, end), end];
  }

  private skipSpaces(i: number, lineEnd: number): number {
    while (i < lineEnd && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** Offset of the ":" that ends a plain key in [from, to) (a ": " or ":" at the end), or -1; also -1 past a " #". */
  private keyColon(from: number, to: number): number {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && (i + 1 === to || text.charCodeAt(i + 1) === SPACE)) return i;
      if (ch === HASH && i > from && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /**
   * The line after a value read at `line`. A block scalar ends where its content does. A value on one line: a
   * line below indented more than its block would continue it (or be an error), left to yaml.
   */
  private nextAfter(value: YAMLMap | YAMLSeq | Scalar, line: number, col: number): number {
    if (value instanceof Scalar && (value.type === "BLOCK_FOLDED" || value.type === "BLOCK_LITERAL")) return this.afterBlockScalar;
    const n = this.nextContent(line + 1);
    if (n >= 0 && this.indent[n]! > col) throw DECLINE;
    return line + 1;
  }

  private empty(p: number): Scalar {
    return this.scalar("", "PLAIN", p, p, p);
  }

  private scalar(value: string, type: Scalar.Type, start: number, end: number, end2: number): Scalar {
    const s = new Scalar(value);
    s.range = [start, end, end2];
    s.source = value;
    s.type = type;
    return s;
  }
}

/** Folded block scalar lines (indentation removed, "" for an empty line) joined as YAML folds them. */
function foldEmptyLines(parts: readonly string[]): string {
  let out = "";
  let i = 0;
  // Leading empty lines are line breaks of their own.
  while (i < parts.length && parts[i] === "") {
    out += "\n";
    i++;
  }
  let first = true;
  while (i < parts.length) {
    let empties = 0;
    while (i < parts.length && parts[i] === "") {
      empties++;
      i++;
    }
    if (i >= parts.length) break;
    if (!first) out += empties > 0 ? "\n".repeat(empties) : " ";
    out += parts[i];
    first = false;
    i++;
  }
  return out;
}
