/**
 * Template helpers. Every helper returns a plain string, number, boolean or
 * array, never a SafeString, so Handlebars escapes whatever reaches the
 * output and user text can never become markup. Formatting helpers print
 * digits per the document's `@root.numerals` ("thai" unless "arabic").
 */
import type { HelperDelegate, HelperOptions } from "handlebars";
import { bahtText } from "../thai/baht-text.js";
import { formatThaiDate, isValidThaiDate, parseThaiDate, type ThaiDate } from "../thai/date.js";
import { applyNumerals, parseNumber, type Numerals } from "../thai/digits.js";
import { ceToBe } from "../thai/fiscal-year.js";
import { formatPercent, formatScore } from "../thai/format.js";

/** Where a helper was called: Handlebars passes the call's location to every helper. */
export interface CallSite {
  /** 1-based. */
  readonly line: number;
  /** 0-based, UTF-16 units. */
  readonly column: number;
}

/** A helper given a value it cannot print. */
export class HelperError extends Error {
  constructor(
    readonly helper: string,
    message: string,
    readonly site: CallSite | undefined,
  ) {
    super(`{{${helper}}}: ${message}`);
    this.name = "HelperError";
  }

  get templateLine(): number | undefined {
    return this.site?.line;
  }
}

/**
 * Strict mode checks a bare {{name}} but not helper arguments: {{t name}} and
 * {{#each rows}} over a misspelt or absent field would print nothing. The
 * printing helpers and #each throw this for `undefined` instead (null stays
 * an explicit "nothing"); logic helpers (eq, and, default, …) accept it, as
 * {{#if}} does, so optional fields can be tested.
 */
export class MissingFieldError extends Error {
  constructor(readonly site: CallSite | undefined) {
    super("a helper was given a field the data does not have");
    this.name = "MissingFieldError";
  }
}

type Options = HelperOptions & {
  readonly loc?: { readonly start: CallSite };
  readonly data?: { readonly root?: unknown };
};

export function callSite(options: unknown): CallSite | undefined {
  return (options as Options | undefined)?.loc?.start;
}

function required(v: unknown, options: Options): void {
  if (v === undefined) throw new MissingFieldError(callSite(options));
}

interface DigitsFrame {
  readonly numerals?: unknown;
  readonly _parent?: DigitsFrame;
}

function numeralsOf(options: Options): Numerals {
  // A part of the document printed under {{#digits}} has its own setting (a data frame variable, inherited by nested blocks);
  // under {{#digits "typed"}} the numbers the program formats follow the enclosing setting.
  for (let frame = options.data as DigitsFrame | undefined; frame; frame = frame._parent) {
    if (frame.numerals === "thai" || frame.numerals === "arabic") return frame.numerals;
    if (frame.numerals !== "typed") break;
  }
  const root = options.data?.root;
  const n = typeof root === "object" && root !== null ? (root as { numerals?: unknown }).numerals : undefined;
  return n === "arabic" ? "arabic" : "thai";
}

/** Text in the part's digits; under {{#digits "typed"}} as it is (the clerk's Thai and Arabic digits both kept). */
function clerkDigits(s: string, options: Options): string {
  return (options.data as DigitsFrame | undefined)?.numerals === "typed" ? s : applyNumerals(s, numeralsOf(options));
}

function fail(name: string, options: Options, message: string): never {
  throw new HelperError(name, message, callSite(options));
}

/** Splits Handlebars' trailing options object from the positional arguments. */
function split(args: readonly unknown[]): { params: unknown[]; options: Options } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as Options };
}

function toNumber(name: string, v: unknown, options: Options): number | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const n = parseNumber(v);
    if (n !== undefined) return n;
  }
  return fail(name, options, `expected a number, got ${describe(v)}`);
}

function decimalsOf(name: string, options: Options): number | undefined {
  const d: unknown = options.hash?.decimals;
  if (d === undefined) return undefined;
  if (typeof d === "number" && Number.isInteger(d) && d >= 0 && d <= 10) return d;
  return fail(name, options, `decimals must be a whole number from 0 to 10, got ${describe(d)}`);
}

function toThaiDate(name: string, v: unknown, options: Options): ThaiDate | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return { year: ceToBe(v.getUTCFullYear()), month: v.getUTCMonth() + 1, day: v.getUTCDate() };
  }
  if (typeof v === "object") {
    const d = v as Partial<ThaiDate>;
    const date = { year: Number(d.year), month: Number(d.month), day: Number(d.day) };
    if (isValidThaiDate(date)) return date;
  }
  if (typeof v === "string") {
    const parsed = parseThaiDate(v);
    if (parsed.ok) return parsed.date;
    // An ISO date with a Christian-era year (2020-09-29, as YAML and JSON write dates).
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
    if (parsed.reason === "year" && iso) {
      const date = { year: ceToBe(Number(iso[1])), month: Number(iso[2]), day: Number(iso[3]) };
      if (isValidThaiDate(date)) return date;
    }
  }
  return fail(name, options, `expected a date, got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object" && v !== null) return "an object";
  return String(v);
}

/** Handlebars' own #if notion of truth, so (and a b) agrees with {{#if a}}. */
function truthy(v: unknown): boolean {
  return !(v === null || v === undefined || v === false || v === 0 || v === "" || Number.isNaN(v) || (Array.isArray(v) && v.length === 0));
}

function text(name: string, v: unknown, options: Options): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return fail(name, options, `expected text, got ${describe(v)}`);
}

function compare(name: string, test: (a: number, b: number) => boolean): HelperDelegate {
  return (...args: unknown[]) => {
    const { params, options } = split(args);
    const a = toNumber(name, params[0], options);
    const b = toNumber(name, params[1], options);
    return a !== undefined && b !== undefined && test(a, b);
  };
}

export const HELPERS: Readonly<Record<string, HelperDelegate>> = {
  t(value: unknown, options: Options) {
    required(value, options);
    return clerkDigits(text("t", value, options), options);
  },
  /** Integers print as they are; other numbers with `decimals` (half-up) when given. */
  n(value: unknown, options: Options) {
    required(value, options);
    const n = toNumber("n", value, options);
    if (n === undefined) return "";
    const decimals = decimalsOf("n", options);
    const numerals = numeralsOf(options);
    if (Number.isInteger(n) || decimals === undefined) return applyNumerals(String(n), numerals);
    return formatScore(n, numerals, decimals);
  },
  score(value: unknown, options: Options) {
    required(value, options);
    const n = toNumber("score", value, options);
    return n === undefined ? "" : formatScore(n, numeralsOf(options), decimalsOf("score", options) ?? 2);
  },
  percent(value: unknown, options: Options) {
    required(value, options);
    const n = toNumber("percent", value, options);
    return n === undefined ? "" : formatPercent(n, numeralsOf(options), decimalsOf("percent", options) ?? 2);
  },
  date(value: unknown, options: Options) {
    required(value, options);
    const d = toThaiDate("date", value, options);
    const style: unknown = options.hash?.style ?? "full";
    if (style !== "full" && style !== "short") fail("date", options, `style must be "full" or "short", got ${describe(style)}`);
    return d === undefined ? "" : formatThaiDate(d, style, numeralsOf(options));
  },
  baht(value: unknown, options: Options) {
    required(value, options);
    const n = toNumber("baht", value, options);
    if (n === undefined) return "";
    const r = bahtText(n);
    return r.ok ? r.text : fail("baht", options, `cannot write ${n} in words (${r.reason})`);
  },
  eq: (...args: unknown[]) => split(args).params[0] === split(args).params[1],
  ne: (...args: unknown[]) => split(args).params[0] !== split(args).params[1],
  lt: compare("lt", (a, b) => a < b),
  lte: compare("lte", (a, b) => a <= b),
  gt: compare("gt", (a, b) => a > b),
  gte: compare("gte", (a, b) => a >= b),
  and: (...args: unknown[]) => split(args).params.every(truthy),
  or: (...args: unknown[]) => split(args).params.some(truthy),
  not: (...args: unknown[]) => !truthy(split(args).params[0]),
  /** @index + 1, as a number: print it through {{n (inc @index)}} to get the document's digits. */
  inc(value: unknown, options: Options) {
    required(value, options);
    return (toNumber("inc", value, options) ?? 0) + 1;
  },
  join(...args: unknown[]) {
    const { params, options } = split(args);
    const [list, sepArg] = params;
    required(list, options);
    const sep = typeof sepArg === "string" ? sepArg : typeof options.hash?.sep === "string" ? options.hash.sep : ", ";
    if (list === null || list === undefined) return "";
    if (!Array.isArray(list)) return fail("join", options, `expected a list, got ${describe(list)}`);
    return clerkDigits(list.map((x) => text("join", x, options)).join(sep), options);
  },
  /** A multi-line string (YAML block scalar) or a list → a list of lines, for {{#each (lines x)}}. */
  lines(value: unknown, options: Options) {
    required(value, options);
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value.map((x) => text("lines", x, options));
    if (typeof value === "string") {
      const lines = value.replace(/\r\n?/g, "\n").split("\n");
      while (lines.length > 0 && lines[lines.length - 1]?.trim() === "") lines.pop();
      return lines;
    }
    return fail("lines", options, `expected text or a list, got ${describe(value)}`);
  },
  /**
   * {{#digits "arabic"}}…{{/digits}}: the block prints its numbers in these digits (a table in
   * Arabic digits in a Thai-digit report); null or absent keeps the enclosing setting.
   */
  digits(this: unknown, value: unknown, options: Options) {
    if (value !== null && value !== undefined && value !== "thai" && value !== "arabic" && value !== "typed") fail("digits", options, `expected "thai", "arabic" or "typed", got ${describe(value)}`);
    const frame = { ...(options.data ?? {}), ...(value ? { numerals: value } : {}), _parent: options.data };
    return options.fn(this, { data: frame });
  },
  /** An indicator's number as a part prints it: {{mark id number style}} → "I1", "๑.", "1." or "" (style code | thai | arabic | none). */
  mark(...args: unknown[]) {
    const { params, options } = split(args);
    const [code, number, style] = params;
    if (style === "none") return "";
    if (style === "thai" || style === "arabic") return applyNumerals(`${text("mark", number, options)}.`, style);
    if (style === "code" || style === null || style === undefined) return text("mark", code, options);
    return fail("mark", options, `style must be code, thai, arabic or none, got ${describe(style)}`);
  },
  default: (...args: unknown[]) => {
    const [value, fallback] = split(args).params;
    return value === null || value === undefined || value === "" ? fallback : value;
  },
};

