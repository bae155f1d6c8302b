/**
 * Runs a synchronous YAML parse with `process.env` set to an empty object.
 *
 * Two reasons. yaml's Parser reads `process.env.LOG_TOKENS` once per token
 * (its Composer `LOG_STREAM` once per document): on Node `process.env` is a
 * getenv() behind an interceptor, about 150 ns a read, some 2,400 reads for
 * a year file: a third of the parse (bench/RESULTS.md, t17in). And those
 * switches, when set, print every token of a clerk's file to the terminal:
 * itadoc never wants that (its Handlebars has no `log` either).
 *
 * The swap cannot be seen by other code: `fn` is synchronous (nothing else
 * runs on this thread meanwhile; each worker thread has its own `process`
 * properties) and the real object is put back in `finally`, also when yaml
 * throws (a RangeError on deep nesting).
 */
export function withQuietEnv<T>(fn: () => T): T {
  const env = process.env;
  process.env = {};
  try {
    return fn();
  } finally {
    process.env = env;
  }
}
