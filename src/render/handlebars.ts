/**
 * One isolated Handlebars instance per template set, with our helpers and
 * nothing that touches the console. Templates compile with strict: true so a
 * misspelt field is an error with its line instead of an empty string.
 *
 * A set whose templates all come precompiled (precompiled.ts: the shipped
 * ones) runs on Handlebars' runtime alone; its parser and two compilers (23
 * more modules, ≈ 15 ms CPU to load in a fresh process or worker) are
 * loaded only for a template compiled here, such as a clerk's own.
 */
import { createRequire } from "node:module";
import type Handlebars from "handlebars";
import { callSite, HELPERS, MissingFieldError } from "./helpers.js";
import { countedHelper, countedSpec } from "./output-budget.js";

/** A Handlebars environment; only one made with `compiling` has parse, precompile and the compilers. */
export type Renderer = typeof Handlebars;

// By require: the package has no "exports" map, so an ES import of "handlebars/runtime" would need its file name.
const requireHere = createRequire(import.meta.url);
const HandlebarsRuntime = requireHere("handlebars/runtime") as typeof Handlebars;
let compilerModule: typeof Handlebars | undefined;

/** The whole of Handlebars, loaded on first need; it shares the runtime's modules (the same helpers and template()). */
const withCompiler = (): typeof Handlebars => (compilerModule ??= requireHere("handlebars") as typeof Handlebars);

/** Handlebars' version, the runtime's (the same package as the compiler). */
export const HANDLEBARS_VERSION: string = HandlebarsRuntime.VERSION;

export const COMPILE_OPTIONS = { strict: true, noEscape: false } as const;

/** Handlebars built-ins kept besides ours: block helpers templates need, minus `log` (writes to the console). */
const BUILT_INS_KEPT = new Set(["if", "unless", "each", "with", "lookup", "helperMissing", "blockHelperMissing"]);

/** `compiling` false: the runtime only, for templates that are all precompiled (`template(spec)`, no `parse`). */
export function createRenderer(compiling = true): Renderer {
  const hb = (compiling ? withCompiler() : HandlebarsRuntime).create();
  for (const name of Object.keys(hb.helpers)) {
    if (!BUILT_INS_KEPT.has(name)) hb.unregisterHelper(name);
  }
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const each = hb.helpers["each"];
  if (each) hb.registerHelper("each", strictEach(each));
  // Every helper's output counts against the document's output budget (output-budget.ts); block bodies and
  // inline partials count themselves, being programs of a counted spec (countedSpec, in compileNow and for precompiled ones).
  for (const [name, fn] of Object.entries(hb.helpers)) hb.registerHelper(name, countedHelper(fn as (...args: unknown[]) => unknown));
  return hb;
}

/** What #each is given besides the list: Handlebars' options for a block helper. */
interface EachOptions {
  readonly fn: ((context: unknown, options: { data: object }) => string) & { readonly blockParams?: number };
  readonly inverse: (context: unknown) => string;
  readonly data?: Record<string, unknown>;
  readonly ids?: unknown;
}

/**
 * #each that refuses a missing list (strict mode does not check helper arguments), and loops over an array (what
 * templates loop over: rows, tools, indicators, a cell's lines) itself; anything else goes to Handlebars' own.
 * The loop is Handlebars' own loop over an array, less what costs without use: when the body declares no block
 * parameters (`as |x i|`) none are made (two arrays and a string per item, which such a body never reads: its
 * own level of block parameters is referred to by no name), and no closure per loop.
 */
function strictEach(each: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    if (args.length === 2 && args[0] === undefined) throw new MissingFieldError(callSite(args[1]));
    const list = args[0];
    const options = args[1] as EachOptions | undefined;
    if (args.length === 2 && Array.isArray(list) && options?.data && !options.ids && typeof options.fn === "function" && !options.fn.blockParams) {
      return eachOfArray(this, list, options.data, options);
    }
    return (each as (...a: unknown[]) => unknown).apply(this, args);
  };
}

/** Handlebars' #each over an array (helpers/each.js): the same frame (@key, @index, @first, @last) and output. */
function eachOfArray(self: unknown, list: readonly unknown[], data: Record<string, unknown>, options: EachOptions): string {
  const n = list.length;
  if (n === 0) return options.inverse(self);
  // Handlebars' own frame copy: a frame of the shape its other helpers make, so the property reads of every helper
  // under the loop (numeralsOf's walk up the frames) stay on the few shapes they know; a spread copy was faster
  // to make but slowed each {{t}} under it by a third.
  const frame = HandlebarsRuntime.createFrame(data) as Record<string, unknown>;
  let out = "";
  for (let i = 0; i < n; i++) {
    if (!(i in list)) continue;
    frame["key"] = i;
    frame["index"] = i;
    frame["first"] = i === 0;
    frame["last"] = i === list.length - 1;
    out = out + options.fn(list[i], { data: frame });
  }
  return out;
}

/**
 * Handlebars.compile defers all work to the first render, so a compile-phase
 * error (e.g. a partial given two arguments) would surface only then. This
 * runs the same three steps compile() runs (parse → Compiler →
 * JavaScriptCompiler → template) right away, once per template; its programs
 * count their output (countedSpec).
 */
export function compileNow(hb: Renderer, ast: hbs.AST.Program): HandlebarsTemplateDelegate {
  const env = hb as Renderer & {
    Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
    JavaScriptCompiler: new () => { compile(env: unknown, options: object, context: undefined, asObject: true): TemplateSpecification };
  };
  // Both compilers write into the options object, hence one fresh copy for this template.
  const options = { ...COMPILE_OPTIONS, data: true };
  const environment = new env.Compiler().compile(ast, options);
  const spec = new env.JavaScriptCompiler().compile(environment, options, undefined, true);
  return hb.template(countedSpec(spec));
}

/** Helpers a template may name: ours plus the kept built-ins. */
export function knownHelpers(hb: Renderer): ReadonlySet<string> {
  return new Set(Object.keys(hb.helpers));
}
