/**
 * `node --import <this file> …`: appends the file of every module the process
 * loads (ES modules through a load hook, CommonJS through Module._load) to
 * the file named by ITADOC_MODULE_LOG, one per line. Tests read it to see
 * which modules a command loads, not how long it takes. A chunk of the
 * built CLI's bundle (dist/bundle/, scripts/bundle-cli.mjs: CommonJS, so
 * seen by Module._load) is logged as itself and as each module of dist/ it
 * holds (its modules.json).
 */
import { appendFileSync, readFileSync } from "node:fs";
import Module, { register } from "node:module";

const log = process.env.ITADOC_MODULE_LOG;
if (log) {
  register(
    "data:text/javascript," +
      encodeURIComponent(`import { appendFileSync, readFileSync } from "node:fs";
const manifests = new Map();
function chunkModules(url) {
  const at = url.lastIndexOf("/dist/bundle/");
  if (at < 0) return [];
  const dir = url.slice(0, at + "/dist/bundle/".length);
  if (!manifests.has(dir)) manifests.set(dir, JSON.parse(readFileSync(new URL("modules.json", dir), "utf8")));
  const root = url.slice(0, at + 1);
  return (manifests.get(dir)[url.slice(dir.length)] ?? []).map((m) => root + m);
}
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(log)}, [url, ...chunkModules(url)].map((u) => u + "\\n").join(""));
  return next(url, context);
}`),
  );
  // The CLI's chunks are CommonJS (scripts/bundle-cli.mjs): a chunk required is logged with the modules it holds too.
  const manifests = new Map();
  const chunkModules = (file) => {
    const at = file.lastIndexOf("/dist/bundle/");
    if (at < 0) return [];
    const dir = file.slice(0, at + "/dist/bundle/".length);
    if (!manifests.has(dir)) manifests.set(dir, JSON.parse(readFileSync(`${dir}modules.json`, "utf8")));
    return (manifests.get(dir)[file.slice(dir.length)] ?? []).map((m) => file.slice(0, at + 1) + m);
  };
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      appendFileSync(log, [file, ...chunkModules(file)].map((f) => `file://${f}\n`).join(""));
    } catch {
      /* a built-in or a module that fails to resolve: the load below says so */
    }
    return load.apply(this, arguments);
  };
}
