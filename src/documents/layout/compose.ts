/**
 * The clerk's `sections:` list (or the kind's default list) → the pages and
 * parts the kind's main template prints in order. Each part names its
 * partial; everything a partial needs beyond the document's data is on the
 * part: its heading, digits, numbering, columns, and a generic section's own
 * text, table or chart.
 */
import type { SectionEntry } from "../../input/schema/layout.js";
import type { PartNumerals } from "../../input/schema/scalars.js";
import { headerRows, type HeaderCell } from "./header-rows.js";
import { GENERIC_TYPES, KIND_LAYOUTS, type BuiltinPart, type ColumnSpec, type LayoutKind, type Orientation } from "./kind-layouts.js";
import type { Wording } from "./wording.js";

export interface PartColumn extends ColumnSpec {
  /** Position among the printed columns, and how many are printed after it: for spans in built-in tables. */
  readonly index: number;
  readonly after: number;
}

export interface Part {
  readonly type: string;
  readonly partial: string;
  /** This part's digits (typed: the clerk's text as typed), or null for the document's. */
  readonly numerals: PartNumerals | null;
  /** Its heading, or null for none. */
  readonly title: string | null;
  readonly numbering: string | null;
  readonly columns: readonly PartColumn[] | null;
  /** The printed columns by key (absent when hidden), so a template can ask {{#if part.col.tool}}. */
  readonly col: Readonly<Record<string, PartColumn>>;
  /** Columns of the clerk's own added to a built-in table, after its own. */
  readonly extra: readonly PartColumn[];
  readonly text: readonly string[];
  readonly rows: readonly (readonly (readonly string[])[])[];
  /** A table of the clerk's own: its header rows, cells with their spans. */
  readonly header: readonly (readonly HeaderCell[])[] | null;
  readonly chart: string | null;
  /** The chart's own partial (chart-overall, …). */
  readonly chartPartial: string | null;
  readonly image: { readonly ref: string; readonly width: number; readonly height: number; readonly align: string } | null;
  readonly shape: string | null;
  readonly subtotals: boolean;
  /** It comes first on its page or right under the document's title (title, org-line): its heading needs no space above. */
  readonly underTitle: boolean;
}

export interface Page {
  readonly orientation: Orientation;
  readonly margins: string;
  readonly parts: readonly Part[];
}

const GENERIC_PARTIAL: Readonly<Record<(typeof GENERIC_TYPES)[number], string>> = {
  heading: "part-heading",
  paragraphs: "part-paragraphs",
  table: "part-table",
  image: "part-image",
  chart: "part-chart",
  page: "",
};

/** The reference an image section's file gets in the document model (the CLI loads the bytes under it). */
export function imageRef(file: string): string {
  return `section-image:${file}`;
}

export function composePages(kind: LayoutKind, sections: readonly SectionEntry[] | undefined, data: object, wording: Wording): Page[] {
  const layout = KIND_LAYOUTS[kind];
  const builtins = layout.builtins as Readonly<Record<string, BuiltinPart>>;
  const list: readonly SectionEntry[] = sections ?? layout.defaults.map((d) => (typeof d === "string" ? { type: d } : d) as SectionEntry);
  const pages: { orientation: Orientation; margins: string; parts: Part[] }[] = [];
  const newPage = (o: Orientation) => pages.push({ orientation: o, margins: layout.margins[o], parts: [] });
  newPage(layout.orientation);
  for (const s of list) {
    if (s.type === "page") {
      newPage(s.orientation ?? layout.orientation);
      continue;
    }
    const b = builtins[s.type];
    if (b?.needs && !present(data, b.needs)) continue;
    // A chart needs the document's assessment; the one over the years needs two years of it.
    if (s.type === "chart" && !present(data, s.chart === "years" ? "charts.years.1" : "charts")) continue;
    const parts = pages[pages.length - 1]!.parts;
    const previous = parts.at(-1)?.type;
    parts.push(part(s, b, wording, previous === undefined || previous === "title" || previous === "org-line"));
  }
  // A page whose parts all had nothing to print is not made (no plan: no landscape page); the first always is.
  return pages.filter((p, i) => i === 0 || p.parts.length > 0);
}

function part(s: SectionEntry, b: BuiltinPart | undefined, wording: Wording, underTitle: boolean): Part {
  const columns = b?.columns ? builtinColumns(b.columns, s.columns, b.extensible, s.order) : s.type === "table" ? ownColumns(s.columns ?? []) : null;
  const givenTitle = s.title === "false" ? null : s.title;
  return {
    type: s.type,
    partial: b?.partial ?? GENERIC_PARTIAL[s.type as keyof typeof GENERIC_PARTIAL],
    numerals: s.numerals ?? null,
    title: givenTitle !== undefined ? givenTitle : b?.title ? wording.texts[b.title] : null,
    numbering: s.numbering ?? null,
    columns,
    col: Object.fromEntries((columns ?? []).map((c) => [c.key, c])),
    extra: (columns ?? []).filter((c) => !b?.columns?.some((k) => k.key === c.key)),
    text: s.text ?? [],
    rows: (s.rows ?? []).map((r) => (columns ? [...r, ...Array.from({ length: columns.length - r.length }, () => [])] : r)),
    header: s.type === "table" ? headerRows((s.columns ?? []).filter((g) => g.show !== false).map((g) => g.heading ?? "")) : null,
    chart: s.chart ?? null,
    chartPartial: s.chart ? `chart-${s.chart}` : null,
    image: s.type === "image" && s.file ? { ref: imageRef(s.file), width: s.width ?? 15, height: s.height ?? 8, align: s.align ?? "center" } : null,
    shape: s.shape ?? null,
    subtotals: s.subtotals ?? true,
    underTitle,
  };
}

type ColumnGiven = NonNullable<SectionEntry["columns"]>[number];

/**
 * A built-in table's columns with the clerk's changes by key; the ones not named stay as they are; new keys
 * (extensible tables) come after. `order` lists keys to print in that order, in the places those columns
 * take: [score, indicator] swaps the two and leaves the rest where they are.
 */
export function builtinColumns(spec: readonly ColumnSpec[], given: readonly ColumnGiven[] | undefined, extensible = false, order?: readonly string[]): PartColumn[] {
  const byKey = new Map((given ?? []).map((g) => [g.key, g]));
  const kept = spec
    .filter((c) => byKey.get(c.key)?.show !== false)
    .map((c) => {
      const g = byKey.get(c.key);
      // A list of texts is refused for built-in tables (schema/layout.ts): their heading is one text.
      return { key: c.key, heading: typeof g?.heading === "string" ? g.heading : c.heading, width: g?.width ?? c.width };
    });
  const added = extensible ? (given ?? []).filter((g) => g.key !== undefined && g.show !== false && !spec.some((c) => c.key === g.key)) : [];
  return indexed(reordered([...kept, ...added.map((g) => ({ key: g.key!, heading: typeof g.heading === "string" ? g.heading : "", width: g.width ?? 1 }))], order ?? []));
}

/** The columns `order` names (hidden ones aside), in its order, in the slots they fill among `cols`. */
export function reordered<C extends { readonly key: string }>(cols: readonly C[], order: readonly string[]): C[] {
  const moved = order.flatMap((k) => cols.filter((c) => c.key === k));
  const slots = cols.flatMap((c, i) => (moved.includes(c) ? [i] : []));
  const out = [...cols];
  slots.forEach((slot, i) => (out[slot] = moved[i]!));
  return out;
}

function ownColumns(given: readonly ColumnGiven[]): PartColumn[] {
  return indexed(given.filter((g) => g.show !== false).map((g, i) => ({ key: g.key ?? String(i + 1), heading: [g.heading ?? ""].flat().join(" "), width: g.width ?? 1 })));
}

function indexed(cols: readonly ColumnSpec[]): PartColumn[] {
  return cols.map((c, i) => ({ ...c, index: i, after: cols.length - i - 1 }));
}

/** A dotted field of the data is there and not empty. */
function present(data: object, path: string): boolean {
  let v: unknown = data;
  for (const k of path.split(".")) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return !(v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0));
}
