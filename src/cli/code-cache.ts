/**
 * V8 code cache for the CommonJS packages a build loads (yaml, handlebars, pdfmake, pdfkit, fontkit
 * and their dependencies: a few MB of JavaScript). Node 20 compiles every one of them from source at
 * every start and in every worker, and compiles each function again the first time it runs; Node 20
 * has no `module.enableCompileCache`. `npm run build` (scripts/code-cache.mjs) runs one build of an
 * example with this hook in recording mode, then asks V8 for each module's cache, which then also
 * holds the functions that build compiled lazily; it writes dist/code-cache/ (an index and one blob).
 *
 * At run time a CommonJS module whose path (from its last node_modules/), length and sha256 match an
 * index entry is compiled with that cache; any other module, or a cache V8 rejects (another Node or
 * V8 flags: V8 checks its version, flags and the source itself), compiles as Node would compile it.
 * The same hook replaces a few modules by native code of the same results (native-substitutes.ts).
 * The cache changes nothing a module does, only how fast V8 gets its bytecode, so documents stay the
 * same bytes. Nothing is written at run time. From src/ (the tests) there is no cache; the
 * substitutes apply all the same.
 *
 * Measured (bench/RESULTS.md, wip/cc): the cache ≈ 6 % of a one-organisation build's CPU, the
 * substitutes about 10 %; 1.10 → 0.92 s CPU together, alternated with the previous main.
 */
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type vmModule from "node:vm";
import { deferredExports, SUBSTITUTES } from "./native-substitutes.js";

// Loaded on the first CommonJS module, not here: `itadoc --version` loads none and pays for none.
const builtin = createRequire(import.meta.url);
const vm = () => builtin("node:vm") as typeof vmModule;
const sha256 = (text: string) => (builtin("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(text).digest("hex");
const isMainThread = () => (builtin("node:worker_threads") as typeof import("node:worker_threads")).isMainThread;

/** dist/code-cache/, beside dist/cli/ (src/code-cache/ from the sources, which never exists). */
export const CODE_CACHE_DIR = fileURLToPath(new URL("../code-cache/", import.meta.url));

/**
 * One cache per set of V8 flags, as V8 accepts a cache only under the flags it was made with: a
 * build worker runs with the heap growing factor of worker-heap.ts set for the whole process, the
 * command's own thread (a small build, in-thread.ts) without it.
 */
export type CodeCacheVariant = "main" | "worker";

export const codeCacheDir = (variant: CodeCacheVariant, dir = CODE_CACHE_DIR) => join(dir, variant);

export interface CodeCacheEntry {
  /** The module's path from its last node_modules/ ("fontkit/dist/main.cjs"). */
  readonly key: string;
  readonly length: number;
  readonly sha256: string;
  /** Where its cache lies in code.bin. */
  readonly offset: number;
  readonly size: number;
}

export interface CodeCacheIndex {
  /** process.version and process.arch it was made with: another Node would reject every entry. */
  readonly node: string;
  readonly arch: string;
  readonly entries: readonly CodeCacheEntry[];
}

/** What the hook did, for the build script's check and the tests. */
export const codeCacheStats = { used: 0, rejected: 0, recorded: 0, deferredLoaded: 0 };

interface Compilable {
  _compile(content: string, filename: string): unknown;
  exports: unknown;
  require(id: string): unknown;
}

const proto = (Module as unknown as { prototype: Compilable }).prototype;
const wrap = (Module as unknown as { wrap(s: string): string }).wrap;

/** The module's key: its path from the last node_modules/, or undefined outside node_modules. */
export function moduleKey(filename: string): string | undefined {
  const at = filename.replace(/\\/g, "/").lastIndexOf("/node_modules/");
  return at < 0 ? undefined : filename.replace(/\\/g, "/").slice(at + "/node_modules/".length);
}

/**
 * Compiles and runs a CommonJS module as Node's own loader does (same wrapper, same arguments),
 * but through vm.Script, which takes and gives V8's cache.
 */
function runWrapped(mod: Compilable, content: string, filename: string, cachedData: Buffer | undefined): vmModule.Script {
  const { Script, constants } = vm();
  const script = new Script(wrap(content), {
    filename,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const resolver = createRequire(filename);
  const require = Object.assign((id: string) => mod.require(id), {
    resolve: resolver.resolve,
    main: resolver.main,
    extensions: resolver.extensions,
    cache: resolver.cache,
  });
  fn.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  return script;
}

/**
 * Gives the module its substitute's exports, if it is one (native-substitutes.ts); a deferred one
 * compiles as Node would (`compile`) into a module of its own, on first use.
 */
function substituted(mod: Compilable, key: string, content: string, filename: string, compile: Compilable["_compile"]): boolean {
  const substitute = SUBSTITUTES.get(key);
  if (!substitute || substitute.sha256 !== sha256(content)) return false;
  if (substitute.kind === "native") {
    mod.exports = substitute.exports;
    return true;
  }
  mod.exports = deferredExports(substitute.shape, () => {
    const ModuleCtor = Module as unknown as new (id: string, parent: unknown) => Compilable & { filename: string; paths: string[]; loaded: boolean };
    const real = new ModuleCtor(filename, mod);
    real.filename = filename;
    real.paths = (mod as unknown as { paths: string[] }).paths;
    compile.call(real, content, filename);
    real.loaded = true;
    codeCacheStats.deferredLoaded++;
    return real.exports;
  });
  return true;
}

/** A cache's index and its blob, read on first use; undefined when there is none usable. */
interface LoadedCache {
  readonly byKey: ReadonlyMap<string, CodeCacheEntry>;
  blob(): Buffer | undefined;
}

function readCache(dir: string): LoadedCache | undefined {
  let index: CodeCacheIndex;
  try {
    index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as CodeCacheIndex;
  } catch {
    return undefined; // no cache (running from src/, or a build without it): Node compiles as usual
  }
  if (index.node !== process.version || index.arch !== process.arch) return undefined;
  let blob: Buffer | undefined | null;
  return {
    // Two copies of a package (nested node_modules) share a key; the length and then the hash tell them apart.
    byKey: new Map(index.entries.map((e) => [`${e.key}\0${e.length}`, e])),
    blob: () => {
      if (blob === undefined) {
        try {
          blob = readFileSync(join(dir, "code.bin"));
        } catch {
          blob = null;
        }
      }
      return blob ?? undefined;
    },
  };
}

type Compile = Compilable["_compile"];

/**
 * The loader's compile step with substitutes and the cache in `dir` (of this thread's kind, main or
 * worker, when not given), around Node's own `original`. Reads nothing until its first module.
 */
export function cachedCompile(original: Compile, dir?: string): Compile {
  let cache: LoadedCache | undefined | null;
  return function (this: Compilable, content: string, filename: string) {
    const key = moduleKey(filename);
    if (key === undefined) return original.call(this, content, filename);
    if (substituted(this, key, content, filename, original)) return undefined;
    if (cache === undefined) cache = readCache(dir ?? codeCacheDir(isMainThread() ? "main" : "worker")) ?? null;
    const entry = cache?.byKey.get(`${key}\0${content.length}`);
    const blob = entry && entry.sha256 === sha256(content) ? cache?.blob() : undefined;
    if (!entry || !blob) return original.call(this, content, filename);
    const script = runWrapped(this, content, filename, blob.subarray(entry.offset, entry.offset + entry.size));
    if (script.cachedDataRejected) codeCacheStats.rejected++;
    else codeCacheStats.used++;
    return undefined;
  };
}

export interface RecordedCache {
  readonly key: string;
  readonly length: number;
  readonly sha256: string;
  readonly data: Buffer;
}

/**
 * Recording mode, for scripts/code-cache.mjs: every CommonJS module under node_modules compiles
 * through vm.Script; `take()` then returns each one's cache as V8 has it at that moment (after a
 * build has run, with the functions it compiled).
 */
export function recordingCompile(original: Compile): { compile: Compile; take(): RecordedCache[] } {
  const scripts: { key: string; content: string; script: vmModule.Script }[] = [];
  return {
    compile: function (this: Compilable, content: string, filename: string) {
      const key = moduleKey(filename);
      // A module that imports ES modules itself is left to Node (its loader context is Node's own).
      if (key === undefined || /\bimport\s*\(/.test(content)) return original.call(this, content, filename);
      if (substituted(this, key, content, filename, original)) return undefined;
      scripts.push({ key, content, script: runWrapped(this, content, filename, undefined) });
      codeCacheStats.recorded++;
      return undefined;
    },
    take: () =>
      scripts
        .map(({ key, content, script }) => ({ key, length: content.length, sha256: sha256(content), data: script.createCachedData() }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/** The cache's bytes and index for what `take()` returned. */
export function packCodeCache(taken: readonly RecordedCache[]): { index: CodeCacheIndex; blob: Buffer } {
  let offset = 0;
  const entries = taken.map(({ key, length, sha256: hash, data }) => {
    const entry = { key, length, sha256: hash, offset, size: data.length };
    offset += data.length;
    return entry;
  });
  return { index: { node: process.version, arch: process.arch, entries }, blob: Buffer.concat(taken.map((t) => t.data)) };
}

let installed = false;

/** Installs cachedCompile as the process's (or worker's) CommonJS compile step. Safe to call twice. */
export function installCodeCache(dir?: string): void {
  if (installed) return;
  installed = true;
  proto._compile = cachedCompile(proto._compile, dir);
}

/** Installs recordingCompile, for scripts/code-cache.mjs. */
export function recordCodeCache(): { take(): RecordedCache[] } {
  const recorder = recordingCompile(proto._compile);
  proto._compile = recorder.compile;
  return recorder;
}
