/**
 * The layout keys every document section accepts: `wording:` (printed names
 * and fixed texts, documents/layout/wording.ts) and `sections:` (the ordered
 * parts of the document, documents/layout/kind-layouts.ts). Both are derived
 * from those tables, so a new wording key or section type needs no schema edit.
 */
import { z } from "zod";
import { CHARTS, KIND_LAYOUTS, sectionTypes, type LayoutKind } from "../../documents/layout/kind-layouts.js";
import { NAME_KEYS, WORDING_KEYS } from "../../documents/layout/wording.js";
import { choice, paragraphs, partNumerals, score, text } from "./scalars.js";

/** `wording:` in org.yaml or in a document section: any subset of the known keys. */
export const Wording = z.strictObject(
  Object.fromEntries([...NAME_KEYS, ...WORDING_KEYS].map((k) => [k, text.optional()])) as Record<string, z.ZodOptional<typeof text>>,
);

export const NUMBERING = ["code", "thai", "arabic", "none"] as const;
export type Numbering = (typeof NUMBERING)[number];

const lines = z.union([text.transform((t) => [t]), z.array(text)]);

/** The parts whose every text is the clerk's, so `numerals: typed` can print it as typed. */
export const TYPED_DIGITS_PARTS = ["heading", "paragraphs", "table"] as const;
const yesNo = choice(["yes", "no"] as const).transform((v) => v === "yes");

/**
 * A column named by key: for a built-in table any subset, renamed or resized; for a `table` section its own columns,
 * whose heading may be a list of texts from the top header row down (layout/header-rows.ts).
 */
const Column = z.strictObject({ key: text.optional(), heading: z.union([text, z.array(text).min(1)]).optional(), width: score.optional(), show: yesNo.optional() });


function sectionObject(kind: LayoutKind) {
  const types = sectionTypes(kind);
  return z
    .strictObject({
      type: choice(types),
      /** The part's heading; `false` prints none. */
      title: text.optional(),
      /** heading: its text; paragraphs: the paragraphs. */
      text: paragraphs.optional(),
      numerals: partNumerals.optional(),
      numbering: choice(NUMBERING).optional(),
      columns: z.array(Column).min(1).optional(),
      /** A built-in table: column keys in the order to print them, in the places those columns take (the rest stay where they are). */
      order: z.array(text).min(1).optional(),
      /** table: one list of cells per row, in the columns' order. */
      rows: z.array(z.array(lines)).optional(),
      /** page: the new page section's orientation. */
      orientation: choice(["portrait", "landscape"] as const).optional(),
      /** chart: which chart. */
      chart: choice(CHARTS).optional(),
      /** image: a PNG/JPEG beside the year file, its printed size in cm. */
      file: text.optional(),
      width: score.optional(),
      height: score.optional(),
      align: choice(["left", "center", "right"] as const).optional(),
      /** measures analysis (tool-table): two-column | score-column; subtotal rows yes/no. */
      shape: choice(["two-column", "score-column"] as const).optional(),
      subtotals: yesNo.optional(),
    })
    .superRefine((s, ctx) => {
      const need = (key: string, when: boolean) => {
        if (when) ctx.addIssue({ code: "custom", path: [key], message: "E_REQUIRED", params: { itadoc: "E_REQUIRED", key } });
      };
      need("text", (s.type === "heading" || s.type === "paragraphs") && s.text === undefined);
      need("columns", s.type === "table" && s.columns === undefined);
      need("chart", s.type === "chart" && s.chart === undefined);
      need("file", s.type === "image" && s.file === undefined);
      const builtins = KIND_LAYOUTS[kind].builtins as Record<string, { columns?: readonly { key: string }[]; extensible?: boolean; numbered?: boolean; ordered?: boolean }>;
      const builtin = builtins[s.type];
      // A setting the part does not use would be silently ignored: say which parts use it.
      const usedBy = (key: string, given: boolean, uses: (t: string) => boolean) => {
        if (given && !uses(s.type)) {
          const parts = Object.keys(builtins).filter(uses);
          ctx.addIssue({ code: "custom", path: [key], message: "E_SECTION_SETTING", params: { itadoc: "E_SECTION_SETTING", key, type: s.type, parts: parts.join(", ") || "-" } });
        }
      };
      usedBy("numbering", s.numbering !== undefined, (t) => builtins[t]?.numbered === true);
      // Digits as typed only where every text is the clerk's own: a built-in part also prints texts the program makes (a default title, drafted analysis, scores).
      if (s.numerals === "typed" && !(TYPED_DIGITS_PARTS as readonly string[]).includes(s.type)) {
        ctx.addIssue({ code: "custom", path: ["numerals"], message: "E_SECTION_SETTING", params: { itadoc: "E_SECTION_SETTING", key: "numerals: typed", type: s.type, parts: TYPED_DIGITS_PARTS.join(", ") } });
      }
      usedBy("shape", s.shape !== undefined, (t) => kind === "measures" && t === "analysis");
      usedBy("subtotals", s.subtotals !== undefined, (t) => (kind === "measures" && t === "analysis") || (kind === "report" && t === "scores"));
      (s.columns ?? []).forEach((c, i) => {
        if (s.type === "table") {
          need(`columns.${i}.heading`, c.heading === undefined);
          return;
        }
        // A built-in table's header rows are its template's: one text per column.
        if (Array.isArray(c.heading)) {
          ctx.addIssue({ code: "custom", path: ["columns", i, "heading"], message: "E_SECTION_SETTING", params: { itadoc: "E_SECTION_SETTING", key: "heading: [ … ]", type: s.type, parts: "table" } });
        }
        const known = builtin?.columns?.map((k) => k.key) ?? [];
        // A table that takes columns of one's own: a new key is a new column, with its heading.
        if (builtin?.extensible && c.key !== undefined && !known.includes(c.key)) {
          need(`columns.${i}.heading`, c.heading === undefined);
          return;
        }
        if (c.key === undefined || !known.includes(c.key)) {
          ctx.addIssue({
            code: "custom",
            path: ["columns", i, ...(c.key === undefined ? [] : ["key"])],
            message: "E_SECTION_COLUMN",
            params: { itadoc: "E_SECTION_COLUMN", type: s.type, key: c.key ?? "", allowed: known.join(", ") || "-" },
          });
        }
      });
      usedBy("order", s.order !== undefined, (t) => builtins[t]?.columns !== undefined || builtins[t]?.ordered === true);
      // The keys order: may name: the table's columns, and the clerk's own added ones (a table whose columns come from the templates checks them when it is made).
      const printable = [...(builtin?.columns?.map((k) => k.key) ?? []), ...(builtin?.extensible ? (s.columns ?? []).flatMap((c) => (c.key === undefined ? [] : [c.key])) : [])];
      (s.order ?? []).forEach((key, i) => {
        if (builtin?.columns && !printable.includes(key)) {
          ctx.addIssue({ code: "custom", path: ["order", i], message: "E_SECTION_COLUMN", params: { itadoc: "E_SECTION_COLUMN", type: s.type, key, allowed: printable.join(", ") } });
        } else if (s.order!.indexOf(key) !== i) {
          ctx.addIssue({ code: "custom", path: ["order", i], message: "E_SECTION_ORDER_TWICE", params: { itadoc: "E_SECTION_ORDER_TWICE", key } });
        }
      });
      (s.rows ?? []).forEach((row, i) => {
        if (s.columns && row.length > s.columns.length) {
          ctx.addIssue({ code: "custom", path: ["rows", i], message: "E_SECTION_ROW", params: { itadoc: "E_SECTION_ROW", cells: row.length, columns: s.columns.length } });
        }
      });
    });
}

export type SectionEntry = z.infer<ReturnType<typeof sectionObject>>;

/** `sections:` of one kind: a list of section type names or section maps. */
export function sectionsOf(kind: LayoutKind) {
  return z.array(z.union([choice(sectionTypes(kind)).transform((type) => ({ type }) as SectionEntry), sectionObject(kind)])).min(1);
}
