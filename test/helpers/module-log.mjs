/**
 * `node --import <this file> …`: appends the file of every module the process
 * loads (ES modules through a load hook, CommonJS through Module._load) to
 * the file named by ITADOC_MODULE_LOG, one per line. Tests read it to see
 * which modules a command loads, not how long it takes.
 */
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const log = process.env.ITADOC_MODULE_LOG;
if (log) {
  register(
    "data:text/javascript," +
      encodeURIComponent(`import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}`),
  );
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try {
      appendFileSync(log, `file://${Module._resolveFilename(request, parent, isMain)}\n`);
    } catch {
      /* a built-in or a module that fails to resolve: the load below says so */
    }
    return load.apply(this, arguments);
  };
}
