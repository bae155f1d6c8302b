/**
 * "Only the first call does anything", kept on the thread's global rather than in a module: a V8
 * flag is the process's, and a thread may hold two copies of the module that sets it (tsc's ES
 * module, which scripts/code-cache.mjs fixes a variant's flags through, and its copy in the CLI's
 * CommonJS chunks, which the warm-up build then runs: without this the chunks' copy set the later
 * tier-up again and the "main" variant was recorded under the wrong flags).
 */
export function firstTime(what: string): boolean {
  const key = Symbol.for(`itadoc.applied.${what}`);
  const thread = globalThis as Record<symbol, true | undefined>;
  if (thread[key]) return false;
  thread[key] = true;
  return true;
}
