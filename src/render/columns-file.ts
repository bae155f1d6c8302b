/**
 * A kind's columns.yaml (the measures table's columns) → column definitions,
 * or one E_COLUMNS error naming the file and line. It travels with template
 * folders, so it is read as hostile: YAML errors, alias bombs and a wrong
 * shape are reported, never left to surface as an internal error later.
 */
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { MarkupError } from "./errors.js";

export interface ColumnSpec {
  readonly key: string;
  readonly heading: string;
  readonly width: number;
}

/** The same bounds as a year file's YAML: a few aliases are fine, an exponential expansion is not. */
const MAX_ALIASES = 50;
const MAX_COLUMNS = 20;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `shape`: check the list as the measures table reads it (key, heading, width); other kinds' columns.yaml
 * is free data for their templates (@columns) and is only checked as YAML.
 */
export function parseColumnsFile(file: string, source: string, shape: boolean): { ok: true; columns: unknown } | { ok: false; error: MarkupError } {
  const lineCounter = new LineCounter();
  const fail = (message: string, offset?: number): { ok: false; error: MarkupError } => ({
    ok: false,
    error: { code: "E_COLUMNS", message, file, line: offset === undefined ? 0 : lineCounter.linePos(offset).line },
  });
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  const first = doc.errors[0];
  if (first) return fail(`YAML: ${first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, first.pos[0]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return fail(`too many alias references (* more than ${MAX_ALIASES})`);
  }
  if (!shape) return { ok: true, columns: data };
  const items = isSeq(doc.contents) ? doc.contents.items : undefined;
  if (!Array.isArray(data) || !items) return fail("the file must be a list of columns, each starting with -", doc.contents?.range?.[0]);
  if (data.length === 0 || data.length > MAX_COLUMNS) return fail(`a table needs 1 to ${MAX_COLUMNS} columns, the file has ${data.length}`);
  const columns: ColumnSpec[] = [];
  for (const [i, item] of data.entries()) {
    const at = (items[i] as { range?: [number, number, number] } | undefined)?.range?.[0];
    const node = items[i];
    if (!isMap(node) || item === null || typeof item !== "object" || Array.isArray(item)) return fail(`column ${i + 1} must be a group of key:, heading: and width:`, at);
    const { key, heading, width, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return fail(`column ${i + 1} has an unknown entry "${unknown[0]}" (allowed: key, heading, width)`, at);
    if (typeof key !== "string" || !KEY.test(key)) return fail(`column ${i + 1} needs key: made of letters, digits and _ (found ${JSON.stringify(key) ?? "nothing"})`, at);
    if (columns.some((c) => c.key === key)) return fail(`column ${i + 1} repeats key "${key}"`, at);
    if (typeof heading !== "string" || heading.trim() === "") return fail(`column ${i + 1} needs heading: with the table heading text`, at);
    const w = width === undefined ? 1 : typeof width === "number" ? width : Number.NaN;
    if (!Number.isFinite(w) || w <= 0 || w > 100) return fail(`column ${i + 1} has width: ${String(width)}; use a number above 0, at most 100`, at);
    columns.push({ key, heading: heading.trim(), width: w });
  }
  return { ok: true, columns };
}
