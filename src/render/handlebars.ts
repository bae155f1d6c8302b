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

function strictEach(each: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown) {
    // `arguments` passed on as they are (no array made per call); `each` is called once per loop of every document.
    // eslint-disable-next-line prefer-rest-params
    const args = arguments as unknown as unknown[];
    if (args.length === 2 && args[0] === undefined) throw new MissingFieldError(callSite(args[1]));
    return (each as (...a: unknown[]) => unknown).apply(this, args);
  };
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
