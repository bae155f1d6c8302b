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

/** A template or block body whose every result is counted; properties Handlebars reads off it (blockParams …) are kept. */
export function countedFn<F extends (...args: never[]) => unknown>(fn: F): F {
  const wrapped = ((...args: Parameters<F>) => counted(fn(...args))) as F;
  return Object.assign(wrapped, fn);
}

/** A helper whose result and block bodies (options.fn, options.inverse) are counted. */
export function countedHelper(helper: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as { fn?: (...a: never[]) => unknown; inverse?: (...a: never[]) => unknown } | undefined;
    if (options && typeof options === "object") {
      if (typeof options.fn === "function") options.fn = countedFn(options.fn);
      if (typeof options.inverse === "function") options.inverse = countedFn(options.inverse);
    }
    return counted(helper.apply(this, args));
  };
}
