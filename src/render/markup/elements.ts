/**
 * The closed markup vocabulary: every element, the attributes it accepts and
 * their value types. Anything not listed here is an error, so a typo in a
 * template is reported instead of silently dropped.
 */

export type AttrType =
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  /** min is inclusive unless `positive` (then > 0). */
  | { readonly kind: "number"; readonly integer?: boolean; readonly min?: number; readonly positive?: boolean }
  /** Space-separated numbers ≥ 0; `count` fixes how many. */
  | { readonly kind: "numbers"; readonly count?: number };

export interface AttrSpec {
  readonly type: AttrType;
  readonly required?: boolean;
}

export interface ElementSpec {
  readonly attrs: Readonly<Record<string, AttrSpec>>;
}

// `as const` keeps each value type's literals (the align names, …): AttrsOf derives the builder's types from them.
const str = { type: { kind: "string" } } as const satisfies AttrSpec;
const reqStr = { type: { kind: "string" }, required: true } as const satisfies AttrSpec;
const bool = { type: { kind: "bool" } } as const satisfies AttrSpec;
const cm = { type: { kind: "number", min: 0 } } as const satisfies AttrSpec;
const pt = { type: { kind: "number", min: 0 } } as const satisfies AttrSpec;
const align = { type: { kind: "enum", values: ["left", "center", "right", "justify"] } } as const satisfies AttrSpec;
const count = { type: { kind: "number", integer: true, min: 0 } } as const satisfies AttrSpec;
const span = { type: { kind: "number", integer: true, min: 1 } } as const satisfies AttrSpec;

export const ELEMENTS = {
  document: {
    attrs: {
      title: reqStr,
      subject: str,
      author: str,
      keywords: str,
      size: { type: { kind: "number", positive: true } },
      "page-numbers": { type: { kind: "enum", values: ["top-center", "bottom-center", "none"] } },
      "page-numbers-from": { type: { kind: "number", integer: true, min: 1 } },
      "page-number-format": str,
      numerals: { type: { kind: "enum", values: ["thai", "arabic"] } },
    },
  },
  section: {
    attrs: {
      orientation: { type: { kind: "enum", values: ["portrait", "landscape"] } },
      margins: { type: { kind: "numbers", count: 4 } },
    },
  },
  h: {
    attrs: { level: { type: { kind: "enum", values: ["1", "2", "3"] }, required: true }, align, before: pt, after: pt },
  },
  p: {
    attrs: {
      style: { type: { kind: "enum", values: ["body", "title", "subtitle", "small", "tableText", "tableHeader"] } },
      align,
      indent: cm,
      left: cm,
      before: pt,
      after: pt,
      "keep-with-next": bool,
    },
  },
  list: { attrs: { left: cm } },
  li: { attrs: { marker: str } },
  table: {
    attrs: {
      widths: { type: { kind: "numbers" }, required: true },
      "header-rows": count,
      size: { type: { kind: "number", positive: true } },
      borders: bool,
    },
  },
  tr: { attrs: {} },
  td: {
    attrs: {
      colspan: span,
      rowspan: span,
      align,
      valign: { type: { kind: "enum", values: ["top", "middle", "bottom"] } },
      shaded: bool,
    },
  },
  "memo-header": {
    attrs: {
      emblem: str,
      title: str,
      division: reqStr,
      number: reqStr,
      date: reqStr,
      subject: reqStr,
      "label-division": str,
      "label-number": str,
      "label-date": str,
      "label-subject": str,
    },
  },
  signature: { attrs: { name: reqStr, date: str, "sign-lines": count } },
  position: { attrs: {} },
  // No `to`: the last level (the mayor's ทราบ / อนุมัติ / ลงนาม) has no เรียน line.
  approval: { attrs: { to: str, salutation: str, "comment-lines": count } },
  option: { attrs: {} },
  comment: { attrs: {} },
  image: {
    attrs: {
      ref: reqStr,
      width: { type: { kind: "number", positive: true }, required: true },
      height: { type: { kind: "number", positive: true }, required: true },
      align,
    },
  },
  // A bar chart drawn from the data (model Chart): bars straight inside for one series, or <series> of bars.
  chart: {
    attrs: {
      title: str,
      max: { type: { kind: "number", positive: true } },
      step: { type: { kind: "number", positive: true } },
      "pass-line": { type: { kind: "number", min: 0 } },
      "pass-label": str,
      width: { type: { kind: "number", positive: true } },
      height: { type: { kind: "number", positive: true } },
      digits: { type: { kind: "enum", values: ["thai", "arabic"] } },
      decimals: count,
      align,
    },
  },
  series: { attrs: { name: str } },
  bar: { attrs: { label: reqStr, value: { type: { kind: "number", min: 0 }, required: true } } },
  "page-break": { attrs: {} },
  spacer: { attrs: { pt: { type: { kind: "number", min: 0 }, required: true } } },
  b: { attrs: {} },
  i: { attrs: {} },
  u: { attrs: {} },
  size: { attrs: { pt: { type: { kind: "number", positive: true }, required: true } } },
} as const satisfies Readonly<Record<string, ElementSpec>>;

export type ElementName = keyof typeof ELEMENTS;

export function isElementName(name: string): name is ElementName {
  return Object.prototype.hasOwnProperty.call(ELEMENTS, name);
}

/** Which elements may appear where. */
export const CONTENT = {
  root: ["document"],
  document: ["section"],
  section: ["h", "p", "list", "table", "memo-header", "signature", "approval", "image", "chart", "page-break", "spacer"],
  list: ["li"],
  table: ["tr"],
  tr: ["td"],
  cellBlocks: ["p", "list"],
  inline: ["b", "i", "u", "size"],
  signature: ["position"],
  approval: ["option", "comment", "signature"],
  chart: ["bar", "series"],
  series: ["bar"],
} as const satisfies Readonly<Record<string, readonly ElementName[]>>;

export type AttrValue = string | number | boolean | readonly number[];

/** The value an attribute of this type has once parsed: an enum's own literals, not any string. */
type ValueOf<T extends AttrType> = T extends { readonly kind: "enum"; readonly values: readonly (infer V)[] }
  ? V
  : T extends { readonly kind: "string" }
    ? string
    : T extends { readonly kind: "bool" }
      ? boolean
      : T extends { readonly kind: "number" }
        ? number
        : readonly number[];

type AttrSpecsOf<N extends ElementName> = (typeof ELEMENTS)[N]["attrs"];

/**
 * An element's checked attributes, typed from the table above: `AttrsOf<"td">["valign"]` is
 * "top" | "middle" | "bottom". Each may be absent (not given, or reported as malformed).
 */
export type AttrsOf<N extends ElementName> = { readonly [K in keyof AttrSpecsOf<N>]?: AttrSpecsOf<N>[K] extends AttrSpec ? ValueOf<AttrSpecsOf<N>[K]["type"]> : never };

export type ParsedAttr = { readonly ok: true; readonly value: AttrValue } | { readonly ok: false; readonly reason: string };

/** Templates may print numbers through the numeral helpers, so Thai digits are read as digits. */
export function parseAttrValue(raw: string, type: AttrType): ParsedAttr {
  switch (type.kind) {
    case "string":
      return { ok: true, value: raw };
    case "bool":
      return raw === "true" || raw === "false"
        ? { ok: true, value: raw === "true" }
        : { ok: false, reason: `expected true or false, got "${raw}"` };
    case "enum":
      return type.values.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, reason: `expected one of ${type.values.join(", ")}, got "${raw}"` };
    case "number": {
      const n = readNumber(raw);
      if (n === undefined) return { ok: false, reason: `expected a number, got "${raw}"` };
      if (type.integer && !Number.isInteger(n)) return { ok: false, reason: `expected a whole number, got "${raw}"` };
      if (type.positive && !(n > 0)) return { ok: false, reason: `expected a number above 0, got "${raw}"` };
      if (type.min !== undefined && n < type.min) return { ok: false, reason: `expected at least ${type.min}, got "${raw}"` };
      return { ok: true, value: n };
    }
    case "numbers": {
      const parts = raw.trim() === "" ? [] : raw.trim().split(/\s+/);
      const nums = parts.map(readNumber);
      if (parts.length === 0 || nums.some((n) => n === undefined || n < 0)) {
        return { ok: false, reason: `expected numbers separated by spaces, got "${raw}"` };
      }
      if (type.count !== undefined && nums.length !== type.count) {
        return { ok: false, reason: `expected ${type.count} numbers, got ${nums.length} in "${raw}"` };
      }
      return { ok: true, value: nums as number[] };
    }
  }
}

function readNumber(raw: string): number | undefined {
  const ascii = raw.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(ascii) ? Number(ascii) : undefined;
}
