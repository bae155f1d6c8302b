/**
 * The form beside the editor: the parts of a year file clerks touch most
 * (the ten scores and the official figures, the memo header ที่ / วันที่ /
 * เรื่อง / เรียน, the signer and the approval chain, the measures table's
 * rows), read from and written to the YAML text itself, which stays the
 * source of truth.
 *
 * Read and written through the `yaml` package's Document API, with the
 * clerk's layout kept: a changed value that already exists is replaced in
 * the text where it stands (its node's source range), so the comment after
 * `I1: 95.57   # การปฏิบัติหน้าที่` and its alignment stay; a new key, a
 * new row or a removal is made on the Document, and of the re-stringified
 * text only the lines that changed are taken, every other line keeps its
 * original bytes.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Document, type Node } from "yaml";
import { frameworkFor } from "../ita/frameworks/index.js";
import { INDICATOR_IDS } from "../ita/domain.js";

/** A YAML path as the page sends it: "assessment.scores.I1", "memo.approvals.0.signer.name". */
export type FieldPath = string;

/** One field of the form: where it is in the YAML, and its value as typed there (numbers as their digits, "92.00" stays). */
export interface Field {
  readonly path: FieldPath;
  readonly value: string | readonly string[] | null;
  readonly label?: string;
}

export interface FormView {
  readonly fiscal_year: number | null;
  readonly scores: readonly Field[];
  readonly official: readonly Field[];
  readonly memo: { readonly present: boolean; readonly number: Field; readonly date: Field; readonly subject: Field; readonly to: Field };
  readonly signer: { readonly name: Field; readonly position: Field };
  /** The chain, in order; `path` of the list itself, to append a level at `${path}.${approvals.length}`. */
  readonly approvals: { readonly path: FieldPath; readonly items: readonly { readonly to: Field; readonly name: Field; readonly position: Field }[] };
  /** The measures table: the columns a row has (from measures.columns or the default five) and each row's cells. */
  readonly measures: { readonly present: boolean; readonly path: FieldPath; readonly columns: readonly string[]; readonly rows: readonly { readonly path: FieldPath; readonly cells: readonly Field[] }[] };
}

export interface FieldEdit {
  readonly field: FieldPath;
  /** A text, a number typed as text, a list of lines (steps, owner, position), or null to remove the key or row. */
  readonly value: string | number | readonly string[] | null;
}

export type FormResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: "syntax" | "path"; readonly field?: string };

const OFFICIAL_KEYS_GRADE = ["iit", "eit", "oit", "total", "grade"] as const;
const OFFICIAL_KEYS_LABEL = ["iit", "eit", "oit", "total", "label"] as const;
const DEFAULT_COLUMNS = ["measure", "steps", "owner", "deadline", "reporting"];

function parse(text: string): Document.Parsed | undefined {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  return doc.errors.length > 0 ? undefined : doc;
}

const split = (path: FieldPath): (string | number)[] => path.split(".").map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));

/** The value at `path` as the form shows it. */
function fieldAt(doc: Document.Parsed, text: string, path: FieldPath, label?: string): Field {
  const node = doc.getIn(split(path), true) as Node | undefined;
  return { path, value: valueOf(node, text), ...(label ? { label } : {}) };
}

function valueOf(node: Node | undefined, text: string): Field["value"] {
  if (node === undefined || node === null) return null;
  if (isScalar(node)) {
    if (node.value === null) return null;
    // A number is shown as typed ("92.00"), not as JavaScript prints it ("92").
    if (typeof node.value === "number" && node.range) return text.slice(node.range[0], node.range[1]).trim();
    return String(node.value);
  }
  if (isSeq(node)) return node.items.map((i) => (isScalar(i) ? String(i.value ?? "") : ""));
  return null;
}

export function formView(text: string): { ok: true; view: FormView } | { ok: false } {
  const doc = parse(text);
  if (!doc) return { ok: false };
  const fy = doc.getIn(["fiscal_year"]);
  const fiscalYear = typeof fy === "number" ? fy : null;
  const fw = fiscalYear !== null ? frameworkFor(fiscalYear) : undefined;
  const names = new Map(fw?.indicators.map((i) => [i.id, i.name]) ?? []);
  const ids = fw ? fw.indicators.map((i) => i.id) : INDICATOR_IDS;
  const officialKeys = fw?.scheme === "label" ? OFFICIAL_KEYS_LABEL : OFFICIAL_KEYS_GRADE;
  const approvalsNode = doc.getIn(["memo", "approvals"], true);
  const approvals = isSeq(approvalsNode) ? approvalsNode.items : [];
  const columnsNode = doc.getIn(["measures", "columns"], true);
  const columns = isSeq(columnsNode) ? columnsNode.items.map((c) => (isMap(c) ? String(c.get("key") ?? "") : "")).filter(Boolean) : DEFAULT_COLUMNS;
  const rowsNode = doc.getIn(["measures", "items"], true);
  const rows = isSeq(rowsNode) ? rowsNode.items : [];
  return {
    ok: true,
    view: {
      fiscal_year: fiscalYear,
      scores: ids.map((id) => fieldAt(doc, text, `assessment.scores.${id}`, names.get(id))),
      official: officialKeys.map((k) => fieldAt(doc, text, `assessment.official.${k}`)),
      memo: {
        present: doc.hasIn(["memo"]),
        number: fieldAt(doc, text, "memo.number"),
        date: fieldAt(doc, text, "memo.date"),
        subject: fieldAt(doc, text, "memo.subject"),
        to: fieldAt(doc, text, "memo.to"),
      },
      signer: { name: fieldAt(doc, text, "memo.signer.name"), position: fieldAt(doc, text, "memo.signer.position") },
      approvals: {
        path: "memo.approvals",
        items: approvals.map((_, i) => ({
          to: fieldAt(doc, text, `memo.approvals.${i}.to`),
          name: fieldAt(doc, text, `memo.approvals.${i}.signer.name`),
          position: fieldAt(doc, text, `memo.approvals.${i}.signer.position`),
        })),
      },
      measures: {
        present: doc.hasIn(["measures"]),
        path: "measures.items",
        columns,
        rows: rows.map((_, i) => ({ path: `measures.items.${i}`, cells: columns.map((c) => fieldAt(doc, text, `measures.items.${i}.${c}`)) })),
      },
    },
  };
}

/** Applies the edits one after the other, each on the text the previous one made. */
export function applyEdits(text: string, edits: readonly FieldEdit[]): FormResult {
  let current = text;
  for (const e of edits) {
    const r = applyEdit(current, e);
    if (!r.ok) return r;
    current = r.text;
  }
  return { ok: true, text: current };
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|[0-9]{1,4}))*$/;

function applyEdit(text: string, e: FieldEdit): FormResult {
  if (typeof e.field !== "string" || !FIELD.test(e.field)) return { ok: false, reason: "path", field: String(e.field) };
  const doc = parse(text);
  if (!doc) return { ok: false, reason: "syntax" };
  const path = split(e.field);
  const node = doc.getIn(path, true) as Node | undefined;
  if (e.value !== null && !Array.isArray(e.value) && isScalar(node) && node.range) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const inFlow = (isMap(parent) || isSeq(parent)) && !!parent.flow;
    const spliced = spliceScalar(text, node, e.value as string | number, inFlow);
    if (spliced !== undefined) return { ok: true, text: spliced };
  }
  // Every parent on the way must be a map or a list (a list index at most one past its end: a new row).
  for (let i = 1; i < path.length; i++) {
    const parent = doc.getIn(path.slice(0, i), true);
    if (parent === undefined) break;
    if (!isMap(parent) && !isSeq(parent)) return { ok: false, reason: "path", field: e.field };
    const key = path[i]!;
    if (isSeq(parent) && (typeof key !== "number" || key > parent.items.length)) return { ok: false, reason: "path", field: e.field };
  }
  if (e.value === null) {
    if (node === undefined) return { ok: true, text };
    doc.deleteIn(path);
  } else {
    doc.setIn(path, typedValue(e.value, node));
  }
  return { ok: true, text: mergeLines(text, doc) };
}

/** A number typed into a number's place stays a number; the rest is text. */
function typedValue(v: string | number | readonly string[], old: Node | undefined): unknown {
  if (Array.isArray(v)) return [...v];
  if (typeof v === "number") return v;
  const s = v as string;
  if (isScalar(old) && typeof old.value === "number" && /^-?[0-9]+(\.[0-9]+)?$/.test(s.trim())) {
    const n = new Scalar(Number(s.trim()));
    n.minFractionDigits = /\.([0-9]+)$/.exec(s.trim())?.[1]?.length ?? 0;
    return n;
  }
  return s;
}

/** The new value written over the old one's source, when it can stand there on one line; undefined: let the Document do it. */
function spliceScalar(text: string, node: Scalar, value: string | number, inFlow: boolean): string | undefined {
  const [start, end] = node.range!;
  const old = text.slice(start, end);
  const numeric = typeof node.value === "number" && (typeof value === "number" || /^-?[0-9]+(\.[0-9]+)?$/.test(value.trim()));
  const s = String(value);
  let out: string;
  if (numeric) {
    out = text.slice(0, start) + (typeof value === "number" ? String(value) : value.trim()) + text.slice(end);
  } else if (s.includes("\n")) {
    return undefined;
  } else if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    // ">-\n    text…": keep the header and the content's indentation.
    const m = /^([>|][-+0-9]*)[ \t]*(?:#[^\n]*)?\n([ \t]+)/.exec(old);
    if (!m) return undefined;
    out = text.slice(0, start) + `${m[1]}\n${m[2]}${s}\n` + text.slice(end).replace(/^\n/, "");
  } else {
    let written = stringify(s, { lineWidth: 0 }).replace(/\n$/, "");
    if (written.includes("\n") || (inFlow && /[[\]{},]/.test(written) && !/^["']/.test(written))) written = JSON.stringify(s);
    out = text.slice(0, start) + written + text.slice(end);
  }
  // The result must read back as the intended value at the same place (a leading space in a block, say, would not): otherwise the Document writes it.
  const check = parse(out);
  const back = check?.getIn(pathOfRange(check, start) ?? [], true);
  const intended = numeric ? Number(typeof value === "number" ? value : value.trim()) : s;
  return back !== undefined && isScalar(back) && back.value === intended ? out : undefined;
}

/** The path of the scalar that starts at `offset` (to read a spliced value back). */
function pathOfRange(doc: Document.Parsed, offset: number): (string | number)[] | undefined {
  const walk = (n: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (isScalar(n)) return n.range?.[0] === offset ? path : undefined;
    if (isMap(n)) {
      for (const p of n.items) {
        const k = isScalar(p.key) ? p.key.value : p.key;
        const r = walk(p.value, [...path, String(k)]);
        if (r) return r;
      }
    }
    if (isSeq(n)) for (const [i, item] of n.items.entries()) {
      const r = walk(item, [...path, i]);
      if (r) return r;
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

/**
 * The edited Document as text, keeping every line the edit did not change:
 * the original re-stringified (`before`) and the edited one (`after`) are
 * compared line by line; a line common to both is taken from the original
 * text (its comment alignment, its quoting), the rest from `after`. When
 * re-stringifying changed the number of lines of the untouched original,
 * lines cannot be matched and `after` is taken whole.
 */
function mergeLines(original: string, edited: Document.Parsed): string {
  const opts = { lineWidth: 0 } as const;
  const before = parse(original)!.toString(opts).split("\n");
  const whole = edited.toString(opts);
  const after = whole.split("\n");
  const orig = original.split("\n");
  if (before.length !== orig.length) return whole;
  // An edit is local: the lines before and after it match outright, only the middle is compared.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const midBefore = before.slice(head, before.length - tail);
  const midAfter = after.slice(head, after.length - tail);
  if (midBefore.length * midAfter.length > 4_000_000) return whole;
  const out: string[] = orig.slice(0, head);
  let j = 0;
  for (const [bi, aj] of lcs(midBefore, midAfter)) {
    while (j < aj) out.push(midAfter[j++]!);
    out.push(orig[head + bi]!);
    j++;
  }
  while (j < midAfter.length) out.push(midAfter[j++]!);
  out.push(...orig.slice(orig.length - tail));
  const merged = out.join("\n");
  // Kept lines are the original's; should their reading differ in any way from the edited Document's, the Document's own text is taken.
  return sameData(merged, edited) ? merged : whole;
}

function sameData(text: string, doc: Document.Parsed): boolean {
  const back = parse(text);
  return back !== undefined && JSON.stringify(back.toJS()) === JSON.stringify(doc.toJS());
}

/** Index pairs of a longest common subsequence of two line lists (files are a few hundred lines). */
function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const t: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}
