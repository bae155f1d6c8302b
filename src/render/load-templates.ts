/**
 * A template folder (as a map path → text the CLI read) → compiled templates
 * per document kind. Pure: no file system. Every problem in every file is
 * reported at once, each with its file:line.
 *
 *   <root>/<kind>/<kind>.hbs            main template of <kind>
 *   <root>/<kind>/partials/<name>.hbs   partial {{> name}} for <kind> only
 *   <root>/shared/partials/<name>.hbs   partial for every kind (a kind's own wins)
 *   <root>/<kind>/columns.yaml          data, as set.data[kind].columns
 */
import type { MarkupError, TemplateSources } from "./errors.js";
import { compileNow, createRenderer, knownHelpers, type Renderer } from "./handlebars.js";
import { parseColumnsFile } from "./columns-file.js";
import type { PrecompiledSet } from "./precompiled.js";
import { countedSpec } from "./output-budget.js";
import { withFile } from "./run-error.js";
import { scanTemplate, type TemplateScan } from "./scan-template.js";

export interface KindTemplates {
  readonly kind: string;
  /** Path of the main template, as given in the input map. */
  readonly file: string;
  readonly main: HandlebarsTemplateDelegate;
  /** Partials in effect for this kind (kind ones over shared ones), already compiled. */
  readonly partials: Readonly<Record<string, HandlebarsTemplateDelegate>>;
  /** Main template first, then the partials it reaches: where markup errors are looked up. */
  readonly sources: TemplateSources;
}

export interface KindData {
  readonly columns?: unknown;
}

export interface TemplateSet {
  readonly renderer: Renderer;
  readonly kinds: ReadonlyMap<string, KindTemplates>;
  readonly data: Readonly<Record<string, KindData>>;
}

export type LoadResult = { readonly ok: true; readonly set: TemplateSet } | { readonly ok: false; readonly errors: readonly MarkupError[] };

type Role =
  | { readonly role: "main"; readonly kind: string }
  | { readonly role: "partial"; readonly kind: string; readonly name: string }
  | { readonly role: "columns"; readonly kind: string };

const SHARED = "shared";

export function classifyTemplatePath(path: string): Role | undefined {
  const seg = path.replace(/\\/g, "/").split("/");
  const [a, b, c] = [seg[seg.length - 3], seg[seg.length - 2], seg[seg.length - 1]];
  if (b === undefined || c === undefined) return undefined;
  if (c === `${b}.hbs` && b !== SHARED && b !== "partials") return { role: "main", kind: b };
  if (b === "partials" && a !== undefined && a !== "" && c.endsWith(".hbs") && c.length > 4) {
    return { role: "partial", kind: a, name: c.slice(0, -4) };
  }
  if (c === "columns.yaml" && b !== SHARED) return { role: "columns", kind: b };
  return undefined;
}

/** A main template or a partial (not columns.yaml, not a file the set ignores). */
function isTemplate(file: string): boolean {
  const role = classifyTemplatePath(file)?.role;
  return role === "main" || role === "partial";
}

interface Parsed {
  readonly file: string;
  readonly source: string;
  /** The parsed text, or (a shipped template met with exactly its text) the form compiled when the package was built. */
  readonly ast: hbs.AST.Program | { readonly spec: TemplateSpecification };
  readonly scan: Omit<TemplateScan, "errors">;
}

/** `precompiled` (precompiled.ts): templates whose text it holds are taken from it, not parsed, scanned and compiled again. */
export function compileTemplateSet(files: ReadonlyMap<string, string>, precompiled?: PrecompiledSet): LoadResult {
  // Handlebars' compiler is loaded only when a template has to be compiled here.
  const compiling = [...files].some(([file, source]) => isTemplate(file) && !precompiled?.has(source));
  const renderer = createRenderer(compiling);
  const helpers = knownHelpers(renderer);
  const errors: MarkupError[] = [];
  const mains = new Map<string, Parsed>();
  const shared = new Map<string, Parsed>();
  const own = new Map<string, Map<string, Parsed>>();
  const data: Record<string, KindData> = {};

  // Sorted so that errors and duplicate handling do not depend on the order the CLI listed files in.
  for (const file of [...files.keys()].sort()) {
    const source = files.get(file) ?? "";
    const role = classifyTemplatePath(file);
    if (!role) continue;
    if (role.role === "columns") {
      const columns = parseColumns(file, source, role.kind === MEASURES, errors);
      if (columns !== undefined) data[role.kind] = { columns };
      continue;
    }
    const pre = precompiled?.get(source);
    const parsed = pre ? { file, source, ast: { spec: pre.spec }, scan: pre.scan } : parseTemplate(renderer, file, source, helpers, errors);
    if (!parsed) continue;
    if (role.role === "main") mains.set(role.kind, parsed);
    else if (role.kind === SHARED) shared.set(role.name, parsed);
    else {
      const m = own.get(role.kind) ?? new Map<string, Parsed>();
      m.set(role.name, parsed);
      own.set(role.kind, m);
    }
  }

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const compile = (p: Parsed): HandlebarsTemplateDelegate | undefined => {
    const done = compiled.get(p.file);
    if (done) return done;
    try {
      // Counted: a partial's output, like a helper's, is checked against the document's output budget (its programs count themselves).
      const fn = withFile(p.file, "spec" in p.ast ? renderer.template(countedSpec(p.ast.spec)) : compileNow(renderer, p.ast));
      compiled.set(p.file, fn);
      return fn;
    } catch (e) {
      errors.push(syntaxError(p.file, e));
      return undefined;
    }
  };

  const kinds = new Map<string, KindTemplates>();
  for (const [kind, main] of mains) {
    const available = new Map([...shared, ...(own.get(kind) ?? new Map<string, Parsed>())]);
    const reached = reachPartials(main, available, errors);
    const partials: Record<string, HandlebarsTemplateDelegate> = {};
    for (const [name, p] of available) {
      const fn = compile(p);
      if (fn) partials[name] = fn;
    }
    const mainFn = compile(main);
    const ordered = [main, ...reached, ...[...available.values()].filter((p) => !reached.includes(p))];
    const sources = new Map(ordered.map((p) => [p.file, p.source] as const));
    if (mainFn) kinds.set(kind, { kind, file: main.file, main: mainFn, partials, sources });
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, set: { renderer, kinds, data } };
}

function parseTemplate(renderer: Renderer, file: string, source: string, helpers: ReadonlySet<string>, errors: MarkupError[]): Parsed | undefined {
  let ast: hbs.AST.Program;
  try {
    ast = renderer.parse(source);
  } catch (e) {
    errors.push(syntaxError(file, e, source));
    return undefined;
  }
  const scan = scanTemplate(ast, file, helpers);
  errors.push(...scan.errors);
  return { file, source, ast, scan };
}

/** Partials reachable from the main template, in the order first named; a missing name is an error at its call. */
function reachPartials(main: Parsed, available: ReadonlyMap<string, Parsed>, errors: MarkupError[]): Parsed[] {
  const reached: Parsed[] = [];
  const queue: Parsed[] = [main];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i];
    if (!p) continue;
    const inline = new Set(queue.flatMap((q) => q.scan.inlinePartials));
    for (const ref of p.scan.partialRefs) {
      const target = available.get(ref.name);
      if (target) {
        if (!queue.includes(target)) {
          queue.push(target);
          reached.push(target);
        }
      } else if (!inline.has(ref.name)) {
        errors.push({
          code: "E_TEMPLATE_SYNTAX",
          message: `partial "${ref.name}" not found; partials here: ${[...available.keys()].sort().join(", ") || "none"}`,
          file: p.file,
          line: ref.line,
        });
      }
    }
  }
  return reached;
}

/** The kind whose columns.yaml the build reads as table columns (key, heading, width). */
const MEASURES = "measures";

function parseColumns(file: string, source: string, shape: boolean, errors: MarkupError[]): unknown {
  const r = parseColumnsFile(file, source, shape);
  if (r.ok) return r.columns;
  errors.push(r.error);
  return undefined;
}

/** Handlebars parse errors carry the line in the text ("Parse error on line 3:"); others as lineNumber. */
function syntaxError(file: string, e: unknown, source?: string): MarkupError {
  const err = e as { message?: unknown; lineNumber?: unknown };
  const message = typeof err.message === "string" ? err.message : String(e);
  const fromText = /Parse error on line (\d+)/.exec(message)?.[1];
  let line = typeof err.lineNumber === "number" ? err.lineNumber : fromText ? Number(fromText) : 0;
  // "each doesn't match eahc" is placed at the opening {{#each}}; the typo is in the closing tag.
  const closing = /doesn't match (\S+)/.exec(message)?.[1];
  if (closing && source !== undefined) line = lineOfClosing(source, closing, line) ?? line;
  // Handlebars appends " - line:col" to located messages; the line is reported separately.
  return { code: "E_TEMPLATE_SYNTAX", message: message.replace(/ - \d+:\d+$/, ""), file, line };
}

function lineOfClosing(source: string, name: string, fromLine: number): number | undefined {
  const lines = source.split("\n");
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) {
    if (new RegExp(`\\{\\{~?\\s*/\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_-])`).test(lines[i] ?? "")) return i + 1;
  }
  return undefined;
}
