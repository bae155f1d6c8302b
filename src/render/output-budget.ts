/**
 * A cap on what one document's template may produce, checked while it runs:
 * nested loops or partials that call each other can produce hundreds of
 * millions of characters, and the string would exhaust the heap (a V8
 * out-of-memory abort of the whole process) long before it could be
 * measured. Every piece a helper, a block body (each iteration of
 * {{#each}}), a partial or the main template returns is counted as it is
 * made; past the budget the render stops with OutputTooLarge.
 *
 * Nested pieces are counted once per level they pass through, so the
 * budget is a multiple of the cap on the finished markup (MAX_MARKUP_CHARS,
 * checked in render-template.ts). Rendering is synchronous, so one budget
 * per thread is enough.
 */

/** The finished markup of one document: the largest example is 15,476 characters; 4 M is far above any real one. */
export const MAX_MARKUP_CHARS = 4_000_000;
/** Counted characters (nested output counted per level): eight levels of the largest markup allowed. */
const COUNT_BUDGET = 8 * MAX_MARKUP_CHARS;

export class OutputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the template produced more than ${limit} characters`);
    this.name = "OutputTooLarge";
  }
}

let used = 0;
let budget = Number.POSITIVE_INFINITY;

/** Runs one render under a fresh budget. */
export function withOutputBudget<T>(run: () => T): T {
  const saved = [used, budget] as const;
  used = 0;
  budget = COUNT_BUDGET;
  try {
    return run();
  } finally {
    [used, budget] = saved;
  }
}

/** Counts a piece of output; returns it unchanged. */
export function counted<T>(piece: T): T {
  if (typeof piece === "string") {
    used += piece.length;
    if (used > budget) throw new OutputTooLarge(MAX_MARKUP_CHARS);
  }
  return piece;
}

/** A program of a compiled template: the main one or a block body, as Handlebars' runtime calls them (template(spec)). */
type Program = (container: unknown, context: unknown, helpers: unknown, partials: unknown, data: unknown, blockParams: unknown, depths: unknown) => unknown;

/**
 * A copy of a compiled template's spec whose every program (the template's main, each block body: what {{#each}},
 * {{#if}}, {{else}}, an inline partial run) counts its result. Wrapped once per compiled template rather than per
 * call: Handlebars makes a fresh wrapper of a block body for every helper call, which counting had wrapped again
 * (a closure and a copy of its properties per call). The spec given is left as it is: the precompiled ones are
 * shared by every template set of the process.
 */
export function countedSpec(spec: TemplateSpecification): TemplateSpecification {
  const out: Record<string, unknown> = { ...spec };
  for (const [key, value] of Object.entries(spec)) {
    if (typeof value === "function" && (key === "main" || /^\d+$/.test(key))) out[key] = countedProgram(value as Program);
  }
  return out as TemplateSpecification;
}

function countedProgram(program: Program): Program {
  return (container, context, helpers, partials, data, blockParams, depths) => counted(program(container, context, helpers, partials, data, blockParams, depths));
}

/** A helper whose result is counted (its block bodies count themselves: countedSpec). */
export function countedHelper(helper: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    return counted(helper.apply(this, args));
  };
}
