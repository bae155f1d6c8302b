/** --kind, --format and --year values → sets, with usage errors a clerk understands. */
import { DOC_KINDS, isDocKind, KIND_LABELS, type DocKind } from "../documents/kind-names.js";
import { FORMATS, isFormat, type Format } from "../export/formats.js";
import { parseNumber } from "../thai/digits.js";
import { UsageError } from "./io.js";

export { FORMATS, type Format };

/** Each kind's primary format (DESIGN.md, documents/kind-names.ts). */
export const PRIMARY_FORMAT = Object.fromEntries(DOC_KINDS.map((k) => [k, KIND_LABELS[k].primaryFormat])) as Record<DocKind, Format>;

function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseKinds(value: string | undefined): DocKind[] {
  if (value === undefined) return [...DOC_KINDS];
  const kinds = list(value);
  for (const k of kinds) if (!isDocKind(k)) throw new UsageError(`--kind: ${k} (${DOC_KINDS.join(", ")})`);
  return kinds as DocKind[];
}

export function parseFormats(value: string | undefined): Format[] | undefined {
  if (value === undefined) return undefined;
  const fs = list(value);
  for (const f of fs) if (!isFormat(f)) throw new UsageError(`--format: ${f} (${FORMATS.join(", ")})`);
  return fs as Format[];
}

/** "2563", "2561-2564", "2562,2564", "all" (or nothing) → the years, or undefined for all. */
export function parseYears(value: string | undefined): Set<number> | undefined {
  if (value === undefined || value === "all") return undefined;
  const years = new Set<number>();
  for (const part of list(value)) {
    const m = /^([0-9๐-๙]{4})(?:\s*-\s*([0-9๐-๙]{4}))?$/.exec(part);
    if (!m) throw new UsageError(`--year: ${part} (เช่น 2563, 2561-2564, 2562,2564)`);
    const a = parseNumber(m[1]!)!;
    const b = m[2] ? parseNumber(m[2])! : a;
    if (b < a || b - a > 100) throw new UsageError(`--year: ${part}`);
    for (let y = a; y <= b; y++) years.add(y);
  }
  return years;
}
