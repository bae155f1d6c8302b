/**
 * The V8 code cache of CommonJS packages (src/cli/code-cache.ts): a module compiles from the cache
 * only when it is the very file the cache was made from, and falls back to Node's own compile
 * whenever anything does not match (another file, a cache V8 rejects, another Node). The hook is
 * tested as a function on real Module objects, without patching this process's loader; the built
 * cache (dist/code-cache/, made by `npm run build`) is checked in a process of its own, for the
 * main thread and for a worker under the heap flag a build worker runs with.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CODE_CACHE_VARIANTS, cachedCompile, codeCacheStats, moduleKey, packCodeCache, recordingCompile } from "../../src/cli/code-cache.js";
import { ROOT } from "../helpers/load-example.js";

type Loadable = InstanceType<typeof Module> & { _compile(content: string, filename: string): unknown };
const ModuleCtor = Module as unknown as new (id: string) => Loadable;
const nodeModulePaths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths;
const originalCompile = (Module.prototype as unknown as Loadable)._compile;

function freshModule(file: string): Loadable {
  const m = new ModuleCtor(file);
  m.filename = file;
  m.paths = nodeModulePaths(dirname(file));
  return m;
}

// V8 keeps what this process compiled, keyed by the source: a test that wants V8 to read a cache uses a source of its own.
const source = (tag: string) => `// ${tag}
const helper = require("./helper.js");
module.exports = { twice: (x) => helper.add(x, x), where: __filename, dir: __dirname, self: module.exports === exports };
`;
const SOURCE = source("base");

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-code-cache-"));
  file = join(dir, "node_modules", "demo", "index.js");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(join(dirname(file), "helper.js"), "exports.add = (a, b) => a + b;\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records `demo` after running it, writes the cache to `cacheDir`, as scripts/code-cache.mjs does. */
function writeCache(cacheDir: string, content = SOURCE, edit?: (index: ReturnType<typeof packCodeCache>["index"], blob: Buffer) => void): void {
  const recorder = recordingCompile(originalCompile);
  const m = freshModule(file);
  recorder.compile.call(m, content, file);
  expect((m.exports as { twice(x: number): number }).twice(21)).toBe(42);
  const taken = recorder.take().filter((t) => t.key === "demo/index.js");
  expect(taken).toHaveLength(1);
  const { index, blob } = packCodeCache(taken);
  edit?.(index, blob);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, "index.json"), JSON.stringify(index));
  writeFileSync(join(cacheDir, "code.bin"), blob);
}

/** Loads `content` as demo/index.js through cachedCompile; says whether Node's own compile ran. */
function loadThrough(cacheDir: string, content = SOURCE): { exports: Record<string, unknown>; fellBack: boolean } {
  let fellBack = false;
  const compile = cachedCompile(function (this: Loadable, c: string, f: string) {
    fellBack = true;
    return originalCompile.call(this, c, f);
  }, cacheDir);
  const m = freshModule(file);
  compile.call(m, content, file);
  return { exports: m.exports as Record<string, unknown>, fellBack };
}

describe("code cache", () => {
  test("a module's key is its path from the last node_modules/", () => {
    expect(moduleKey("/a/node_modules/pdfmake/node_modules/pdfkit/js/pdfkit.js")).toBe("pdfkit/js/pdfkit.js");
    expect(moduleKey("/a/node_modules/@noble/hashes/sha2.js")).toBe("@noble/hashes/sha2.js");
    expect(moduleKey("/a/dist/cli/main.js")).toBeUndefined();
    // This package's own CommonJS bundle (zod, scripts/vendor-bundles.mjs) is keyed as it is once installed.
    const vendor = join(ROOT, "src", "vendor", "zod.cjs");
    expect(moduleKey(vendor)).toBe("itadoc/dist/vendor/zod.cjs");
    expect(moduleKey(join(ROOT, "src", "cli", "main.js"))).toBeUndefined();
    // The CLI's own chunks (scripts/bundle-cli.mjs) likewise.
    expect(moduleKey(join(ROOT, "src", "bundle", "pdf-AbC123.cjs"))).toBe("itadoc/dist/bundle/pdf-AbC123.cjs");
  });

  test("the recorded module compiles from the cache and runs as Node runs it (require, module, __filename)", () => {
    const cacheDir = join(dir, "ok");
    writeCache(cacheDir);
    const used = codeCacheStats.used;
    const r = loadThrough(cacheDir);
    expect(r.fellBack).toBe(false);
    expect(codeCacheStats.used).toBe(used + 1);
    expect((r.exports.twice as (x: number) => number)(5)).toBe(10);
    expect([r.exports.where, r.exports.dir, r.exports.self]).toEqual([file, dirname(file), true]);
  });

  test("a file that is not the one recorded (same length, other bytes) compiles as Node compiles it", () => {
    const cacheDir = join(dir, "edited");
    writeCache(cacheDir);
    const edited = SOURCE.replace("helper.add(x, x)", "helper.add(x, 1)");
    expect(edited.length).toBe(SOURCE.length);
    const r = loadThrough(cacheDir, edited);
    expect(r.fellBack).toBe(true);
    expect((r.exports.twice as (x: number) => number)(5)).toBe(6);
  });

  test("a cache V8 refuses (made from another source) is counted and the module still loads from its source", () => {
    const cacheDir = join(dir, "refused");
    // The cache of one source, entered in the index as that of a longer one, never compiled in this process.
    const longer = source("refused by V8, as its length is not the one the cache was made for");
    writeCache(cacheDir, source("made"), (index) => Object.assign(index.entries[0]!, { length: longer.length, sha256: createHash("sha256").update(longer).digest("hex") }));
    const rejected = codeCacheStats.rejected;
    const r = loadThrough(cacheDir, longer);
    expect(codeCacheStats.rejected).toBe(rejected + 1);
    expect((r.exports.twice as (x: number) => number)(4)).toBe(8);
  });

  test("a cache made by another Node, or none at all, is not used", () => {
    const other = join(dir, "other-node");
    writeCache(other, SOURCE, (index) => Object.assign(index, { node: "v0.0.0" }));
    expect(loadThrough(other).fellBack).toBe(true);
    expect(loadThrough(join(dir, "absent")).fellBack).toBe(true);
  });
});

/** Runs `code` (an ES module) in a fresh node at the package root. */
function node(code: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
}

describe("the built cache (dist/code-cache, npm run build)", () => {
  const lib = pathToFileURL(join(ROOT, "dist", "cli", "code-cache.js")).href;
  const heap = pathToFileURL(join(ROOT, "dist", "cli", "build", "worker-heap.js")).href;
  // What a build loads: the PDF stack and yaml (the one file scripts/vendor-bundles.mjs makes of it, as dist/ imports it);
  // the stats say how many modules came from the cache: pdfkit, fontkit and their dependencies are ~15.
  const yamlBundle = JSON.stringify(join(ROOT, "dist", "vendor", "yaml.cjs"));
  const load = `import { createRequire } from "node:module";
const r = createRequire(${JSON.stringify(join(ROOT, "package.json"))});
const pk = createRequire(r.resolve("pdfmake/package.json")).resolve("pdfkit");
createRequire(pk)("fontkit"); createRequire(pk)(pk); r(${yamlBundle});`;

  test("is there, and the main thread uses every entry it loads", () => {
    expect(existsSync(join(ROOT, "dist", "code-cache", "main", "index.json"))).toBe(true);
    const r = node(`import { installCodeCache, codeCacheStats } from ${JSON.stringify(lib)};
installCodeCache();
${load}
console.log(JSON.stringify(codeCacheStats));`);
    expect(r.stderr).toBe("");
    const stats = JSON.parse(r.stdout) as typeof codeCacheStats;
    expect(stats.used).toBeGreaterThan(12);
    expect(stats.rejected).toBe(0);
  });

  type Stats = typeof codeCacheStats;
  const jit = pathToFileURL(join(ROOT, "dist", "cli", "build", "jit-flags.js")).href;
  /** yaml compiles under no flag, the PDF stack after `setFlag` (a statement) sets the tier-up, as in a small build. */
  function tierUpMidRun(setFlag: string): { before: Stats; after: Stats } {
    const r = node(`import { installCodeCache, codeCacheStats } from ${JSON.stringify(lib)};
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { applyJitFlags, INTERRUPT_BUDGET_FLAG } from ${JSON.stringify(jit)};
installCodeCache();
const r = createRequire(${JSON.stringify(join(ROOT, "package.json"))});
r(${yamlBundle});
const before = { ...codeCacheStats };
${setFlag};
const pk = createRequire(r.resolve("pdfmake/package.json")).resolve("pdfkit");
createRequire(pk)("fontkit"); createRequire(pk)(pk);
console.log(JSON.stringify({ before, after: codeCacheStats }));`);
    expect(r.stderr).toBe("");
    const stats = JSON.parse(r.stdout) as { before: Stats; after: Stats };
    expect(stats.before.used).toBeGreaterThan(0);
    expect(stats.before.rejected).toBe(0);
    expect(stats.after.used - stats.before.used).toBeGreaterThan(10);
    return stats;
  }

  test("a flag set while the process runs (a small run's later tier-up) moves the hook to the variant made for it", () => {
    for (const v of CODE_CACHE_VARIANTS) expect(existsSync(join(ROOT, "dist", "code-cache", v, "probe.bin"))).toBe(true);
    // jit-flags.ts tells the hook (v8FlagsChanged): even the first module compiled under the new flag is taken.
    expect(tierUpMidRun("applyJitFlags(1)").after.rejected).toBe(0);
  });

  test("a flag set without telling the hook: the first module after it is refused, the hook then moves to the right variant", () => {
    expect(tierUpMidRun("setFlagsFromString(INTERRUPT_BUDGET_FLAG)").after.rejected).toBe(1);
  });

  /** A worker's cache stats, after `flags` (module code run first in the process, as the command sets its flags) and the load. */
  function workerStats(flags: string): typeof codeCacheStats {
    const r = node(`import { Worker } from "node:worker_threads";
${flags}
const w = new Worker(${JSON.stringify(`import { installCodeCache, codeCacheStats } from ${JSON.stringify(lib)}; import { parentPort } from "node:worker_threads";
installCodeCache();
${load}
parentPort.postMessage(codeCacheStats);`)}, { eval: true });
w.on("message", (m) => { console.log(JSON.stringify(m)); w.terminate(); });`);
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout) as typeof codeCacheStats;
  }

  test("a small run's worker, under the later tier-up and a small run's heap flag, uses the worker-late cache without a rejection", () => {
    const jit = pathToFileURL(join(ROOT, "dist", "cli", "build", "jit-flags.js")).href;
    // As runAll sets them for 100 organisations: the tier-up first, then the pool's heap flag.
    const stats = workerStats(`import { applyJitFlags, lateTierUp } from ${JSON.stringify(jit)};
import { applyWorkerHeapFlags } from ${JSON.stringify(heap)};
applyJitFlags(100);
applyWorkerHeapFlags(lateTierUp(100));`);
    expect(stats.used).toBeGreaterThan(12);
    expect(stats.rejected).toBe(0);
  });

  test("the CLI's own CommonJS chunks are in the cache, and a small run's worker takes them (the PDF export's among them)", () => {
    const chunks = JSON.parse(readFileSync(join(ROOT, "dist", "bundle", "modules.json"), "utf8")) as Record<string, string[]>;
    const pdf = Object.keys(chunks).find((c) => chunks[c]!.includes("dist/export/pdf/index.js"))!;
    const index = JSON.parse(readFileSync(join(ROOT, "dist", "code-cache", "worker-late", "index.json"), "utf8")) as { entries: { key: string }[] };
    const own = index.entries.map((e) => e.key).filter((k) => k.startsWith("itadoc/dist/bundle/"));
    expect(own).toContain(`itadoc/dist/bundle/${pdf}`);
    expect(own.length).toBeGreaterThan(20);
    // In the worker itself: the chunk and the chunks it requires come from the cache.
    const r = node(`import { Worker } from "node:worker_threads";
import { applyJitFlags, lateTierUp } from ${JSON.stringify(jit)};
import { applyWorkerHeapFlags } from ${JSON.stringify(heap)};
applyJitFlags(100);
applyWorkerHeapFlags(lateTierUp(100));
const w = new Worker(${JSON.stringify(`import { installCodeCache, codeCacheStats } from ${JSON.stringify(lib)}; import { parentPort } from "node:worker_threads"; import { createRequire } from "node:module";
installCodeCache();
createRequire(${JSON.stringify(join(ROOT, "dist", "bundle", "x.cjs"))})("./${pdf}");
parentPort.postMessage(codeCacheStats);`)}, { eval: true });
w.on("message", (m) => { console.log(JSON.stringify(m)); w.terminate(); });`);
    expect(r.stderr).toBe("");
    const inWorker = JSON.parse(r.stdout) as Stats;
    expect(inWorker.used).toBeGreaterThan(5);
    expect(inWorker.rejected).toBe(0);
  });

  test("a worker, under the heap flag the pool sets for the process, uses the worker cache without a rejection", () => {
    const index = JSON.parse(readFileSync(join(ROOT, "dist", "code-cache", "worker", "index.json"), "utf8")) as { entries: unknown[] };
    expect(index.entries.length).toBeGreaterThan(50);
    const stats = workerStats(`import { applyWorkerHeapFlags } from ${JSON.stringify(heap)};
applyWorkerHeapFlags();`);
    expect(stats.used).toBeGreaterThan(12);
    expect(stats.rejected).toBe(0);
  });
});
