/**
 * The differential check of src/input/fast-yaml.ts: for one text, the fast
 * path either declines or builds what parseDocument builds. "What it builds"
 * is a canonical JSON of the document: every node's class, own properties
 * (comments and blank-line marks aside, which the fast path does not keep:
 * see its header), value, type, source, range (where a node starts; where a
 * scalar ends; not where the comments and blank lines after a node end, see
 * the header of fast-yaml.ts), where the document starts,
 * options, directives, errors, warnings and toJS, and the LineCounter's line
 * starts.
 */
import { isDocument, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { fastParseDocument } from "../../src/input/fast-yaml.js";
import { YAML_PARSE_OPTIONS as OPTIONS } from "../../src/input/load-yaml.js";

/** Not reproduced by the fast path; no reader of a loaded document uses them. */
const UNKEPT = new Set(["comment", "commentBefore", "spaceBefore"]);

function canonNode(node: unknown): unknown {
  if (node === null || typeof node !== "object") return node;
  const own = Object.keys(node)
    .filter((k) => !UNKEPT.has(k))
    .sort();
  const n = node as Record<string, unknown>;
  const kind = isScalar(node) ? "scalar" : isMap(node) ? "map" : isSeq(node) ? "seq" : isPair(node) ? "pair" : `other:${node.constructor?.name}`;
  const out: Record<string, unknown> = { kind, class: node.constructor?.name, own };
  for (const k of own) {
    if (k === "items") out.items = (n.items as unknown[]).map(canonNode);
    else if (k === "key" || k === "value") out[k] = canonNode(n[k]);
    else if (k === "range") out.range = isScalar(node) ? (n.range as number[]).slice(0, 2) : (n.range as number[]).slice(0, 1);
    else out[k] = n[k];
  }
  if (isMap(node) || isSeq(node)) out.schemaName = (node as { schema?: { name?: string } }).schema?.name;
  return out;
}

export function canonDocument(doc: Document, lineCounter: LineCounter): string {
  if (!isDocument(doc)) throw new Error("not a document");
  const own = Object.keys(doc)
    .filter((k) => !UNKEPT.has(k))
    .sort();
  const { lineCounter: _lc, _directives, ...options } = doc.options as Record<string, unknown>;
  return JSON.stringify({
    own,
    range: doc.range?.[0],
    errors: doc.errors.map((e) => e.code),
    warnings: doc.warnings.map((e) => e.code),
    options,
    directivesOption: JSON.stringify(_directives),
    lineCounterOption: _lc === lineCounter,
    directives: JSON.stringify(doc.directives),
    schema: doc.schema.name,
    contents: canonNode(doc.contents),
    js: doc.toJS(),
    lines: lineCounter.lineStarts,
  });
}

export type Verdict = "declined" | "equal" | { mismatch: { fast: string; slow: string } };

export function differential(text: string): Verdict {
  const fastCounter = new LineCounter();
  const fast = fastParseDocument(text, { ...OPTIONS, lineCounter: fastCounter });
  if (!fast) return "declined";
  const slowCounter = new LineCounter();
  const slowDoc = parseDocument(text, { ...OPTIONS, lineCounter: slowCounter });
  const a = canonDocument(fast.doc, fast.lineCounter);
  const b = canonDocument(slowDoc, slowCounter);
  if (fast.lineCounter !== fastCounter) return { mismatch: { fast: "another LineCounter", slow: "the one passed" } };
  return a === b ? "equal" : { mismatch: { fast: a, slow: b } };
}

/** A small seeded generator (mulberry32), so a failing mutation can be found again by its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a mutation may put in: YAML's indicators, quotes, a tab, spaces, Thai and invisible characters, line ends. */
const INSERTS = [": ", ":", " #", "#", "'", '"', "''", "|", ">", "|-", ">-", "|+", "- ", "-", "[", "]", "{", "}", "&a ", "*a", "!", "!!str ", "\t", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\\", "\\n", "ก", "ํา", "ำ", "\u200b", "\u00a0", "\ufeff", "\u2028", "---", "...", "%", "@", "`", "?", ",", "~", "null", "0", "\u0e48"];

/** One random edit of `text`: delete, duplicate or re-indent a line, or insert something at a random place. */
export function mutate(text: string, next: () => number): string {
  const lines = text.split("\n");
  const pick = (n: number) => Math.floor(next() * n);
  const i = pick(lines.length);
  switch (pick(7)) {
    case 0:
      lines.splice(i, 1);
      return lines.join("\n");
    case 1:
      lines.splice(i, 0, lines[i]!);
      return lines.join("\n");
    case 2:
      lines[i] = " " + lines[i];
      return lines.join("\n");
    case 3:
      lines[i] = lines[i]!.replace(/^ /, "");
      return lines.join("\n");
    case 4: {
      // Insert at the start of a line's content, where indicators matter most.
      const l = lines[i]!;
      const at = l.length - l.trimStart().length + (next() < 0.5 ? 0 : l.trimStart().startsWith("- ") ? 2 : 0);
      lines[i] = l.slice(0, at) + INSERTS[pick(INSERTS.length)] + l.slice(at);
      return lines.join("\n");
    }
    case 5: {
      // After a key's colon.
      const l = lines[i]!;
      const c = l.indexOf(": ");
      if (c >= 0) lines[i] = l.slice(0, c + 2) + INSERTS[pick(INSERTS.length)] + l.slice(c + 2);
      return lines.join("\n");
    }
    default: {
      const at = pick(text.length + 1);
      return text.slice(0, at) + INSERTS[pick(INSERTS.length)] + text.slice(at);
    }
  }
}
