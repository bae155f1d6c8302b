/**
 * V8 code cache for the CommonJS packages a build loads (yaml, handlebars, pdfmake, pdfkit, fontkit
 * and their dependencies, and zod bundled in dist/vendor/: a few MB of JavaScript). Node 20
 * compiles every one of them from source at every start and in every worker, and compiles each
 * function again the first time it runs; Node 20 has no `module.enableCompileCache`. `npm run build` (scripts/code-cache.mjs) runs one build of an
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
import { readdirSync, readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type vmModule from "node:vm";
import { deferredExports, SUBSTITUTES } from "./native-substitutes.js";

// Loaded on the first CommonJS module, not here: `itadoc --version` loads none and pays for none.
const builtin = createRequire(import.meta.url);
const vm = () => builtin("node:vm") as typeof vmModule;
const sha256 = (text: string) => (builtin("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(text).digest("hex");

/** dist/code-cache/, beside dist/cli/ (src/code-cache/ from the sources, which never exists). */
export const CODE_CACHE_DIR = fileURLToPath(new URL("../code-cache/", import.meta.url));

/**
 * One cache per set of V8 flags the process may run under, as V8 accepts a cache only under the
 * flags it was made with, and the flags are the process's (every thread's): a build worker runs
 * with the heap growing factor of worker-heap.ts, a small run with the later tier-up of
 * jit-flags.ts (and its workers with a small run's growing factor: "worker-late"), both set while
 * the command runs. scripts/code-cache.mjs records each variant under its flags; the hook finds
 * the one V8 accepts now by a probe (a tiny script's cache, recorded with each variant), so no
 * thread has to be told which flags were set, and a flag set later in the run (the tier-up, after
 * yaml has loaded) moves it to the variant made for it.
 */
export const CODE_CACHE_VARIANTS = ["main", "main-late", "worker", "worker-late"] as const;
export type CodeCacheVariant = (typeof CODE_CACHE_VARIANTS)[number];

export const codeCacheDir = (variant: CodeCacheVariant, dir = CODE_CACHE_DIR) => join(dir, variant);

/**
 * The probe: a script whose cache, recorded beside each variant's (probe.bin), tells cheaply
 * whether V8 takes that variant's flags now. Each check compiles a text of the same length that
 * it has not compiled before: V8 checks a cache against the source's length (not its text), and
 * it would answer a text it has compiled already from its own in-memory cache without looking at
 * ours. Were V8 to check the text too, every probe would be refused and modules would compile
 * from source as without a cache (test/cli/code-cache.test.ts would then fail on "used").
 */
let probes = 0;
const probeSource = (n: number) => `void "itadoc code cache probe ${String(n).padStart(12, "0")}"`;
const probeAccepted = (cachedData: Buffer) => !new (vm().Script)(probeSource(++probes), { cachedData }).cachedDataRejected;

/** The probe's cache under the flags this process has now, for scripts/code-cache.mjs. */
export const recordProbe = (): Buffer => new (vm().Script)(probeSource(0)).createCachedData();

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

/**
 * The package's own CommonJS files: dist/vendor/ (zod and yaml as one file each,
 * scripts/vendor-bundles.mjs) and dist/bundle/ (the CLI's own chunks, scripts/bundle-cli.mjs).
 */
const OWN_DIRS = ["vendor", "bundle"].map((d) => ({
  dir: fileURLToPath(new URL(`../${d}/`, import.meta.url)).replace(/\\/g, "/"),
  key: `itadoc/dist/${d}/`,
}));

/**
 * The module's key: its path from the last node_modules/ ("fontkit/dist/main.cjs"); for a file of
 * this package's dist/vendor/ or dist/bundle/, the key it has once installed
 * ("itadoc/dist/vendor/zod.cjs"), from a checkout too; undefined for any other file.
 */
export function moduleKey(filename: string): string | undefined {
  const path = filename.replace(/\\/g, "/");
  const at = path.lastIndexOf("/node_modules/");
  if (at >= 0) return path.slice(at + "/node_modules/".length);
  const own = OWN_DIRS.find((d) => path.startsWith(d.dir));
  return own ? own.key + path.slice(own.dir.length) : undefined;
}

/**
 * Compiles and runs a CommonJS module as Node's own loader does (same wrapper, same arguments),
 * but through vm.Script, which takes and gives V8's cache.
 */
function runWrapped(
  mod: Compilable,
  content: string,
  filename: string,
  cachedData: Buffer | undefined,
  onRejected?: () => void,
): vmModule.Script {
  const { Script, constants } = vm();
  const script = new Script(wrap(content), {
    filename,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // Before the module runs: the modules it requires are compiled inside its run.
  if (script.cachedDataRejected) onRejected?.();
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
  /** Whether V8 takes this cache under the flags the process has now (probe.bin; true when the cache has no probe). */
  accepted(): boolean;
}

/** A file of the cache's folder, or undefined. */
function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
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
  const probe = readOptional(join(dir, "probe.bin"));
  return {
    // Two copies of a package (nested node_modules) share a key: the length tells most apart; two of the same
    // length keep one entry, and the hash then refuses the other copy, which compiles from source.
    byKey: new Map(index.entries.map((e) => [`${e.key}\0${e.length}`, e])),
    blob: () => {
      if (blob === undefined) blob = readOptional(join(dir, "code.bin")) ?? null;
      return blob ?? undefined;
    },
    accepted: () => !probe || probeAccepted(probe),
  };
}

/**
 * The variants recorded under `root` (dist/code-cache), each read on first use, and the one V8
 * takes now: the first whose probe it accepts, or none (another Node, flags no variant was made for).
 */
function variantFinder(root: string): () => LoadedCache | undefined {
  const loaded = new Map<string, LoadedCache | undefined>();
  let names: string[] | undefined;
  return () => {
    if (names === undefined) {
      try {
        names = readdirSync(root).sort();
      } catch {
        names = [];
      }
    }
    for (const name of names) {
      if (!loaded.has(name)) loaded.set(name, readCache(join(root, name)));
      const cache = loaded.get(name);
      if (cache?.accepted()) return cache;
    }
    return undefined;
  };
}

type Compile = Compilable["_compile"];

/** Bumped by v8FlagsChanged: each hook chooses its variant again before its next module. */
let flagsGeneration = 0;

/**
 * To be called right after this thread sets a V8 flag (jit-flags.ts, worker-heap.ts): the next
 * CommonJS module then takes the variant made for the flags now. Without it, the first module
 * after the change met V8's refusal and compiled from source (fontkit's 0.6 MB main.cjs, the
 * largest, in a one-organisation build), and only the modules after it used the right variant.
 */
export function v8FlagsChanged(): void {
  flagsGeneration++;
}

/**
 * The loader's compile step with substitutes and the cache around Node's own `original`: the cache
 * in `dir` when given (the tests), else the variant of CODE_CACHE_DIR that V8 takes under the
 * process's flags, found again when V8 refuses one (a flag set since). Reads nothing until its first module.
 */
export function cachedCompile(original: Compile, dir?: string): Compile {
  const find = dir === undefined ? variantFinder(CODE_CACHE_DIR) : () => readCache(dir);
  let cache: LoadedCache | undefined | null;
  let chosenAt = flagsGeneration;
  return function (this: Compilable, content: string, filename: string) {
    const key = moduleKey(filename);
    if (key === undefined) return original.call(this, content, filename);
    if (substituted(this, key, content, filename, original)) return undefined;
    if (chosenAt !== flagsGeneration && dir === undefined) {
      chosenAt = flagsGeneration;
      cache = undefined;
    }
    if (cache === undefined) cache = find() ?? null;
    const entry = cache?.byKey.get(`${key}\0${content.length}`);
    const blob = entry && entry.sha256 === sha256(content) ? cache?.blob() : undefined;
    if (!entry || !blob) return original.call(this, content, filename);
    const script = runWrapped(this, content, filename, blob.subarray(entry.offset, entry.offset + entry.size), () => {
      // V8 compiles this one from source: the flags changed since the variant was chosen; choose again for the next.
      if (dir === undefined) cache = undefined;
    });
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
      // A module that imports ES modules itself is left to Node (its loader context is Node's own; through vm.Script,
      // Node warns that the default loader is experimental): of the CLI's chunks, the two that import data modules or docx.
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

/**
 * Set on the thread's global once a hook is in place: this module may be loaded twice in one
 * thread (tsc's ES module, by scripts/code-cache.mjs and the tests, and its copy in the CLI's
 * CommonJS chunks), and a second hook around the first would look every module up twice.
 */
const HOOKED = Symbol.for("itadoc.codeCacheHook");
const hooked = globalThis as { [HOOKED]?: true };

/** Installs cachedCompile as the process's (or worker's) CommonJS compile step. Safe to call twice. */
export function installCodeCache(dir?: string): void {
  if (hooked[HOOKED]) return;
  hooked[HOOKED] = true;
  proto._compile = cachedCompile(proto._compile, dir);
}

/** Installs recordingCompile, for scripts/code-cache.mjs (installCodeCache then does nothing). */
export function recordCodeCache(): { take(): RecordedCache[] } {
  hooked[HOOKED] = true;
  const recorder = recordingCompile(proto._compile);
  proto._compile = recorder.compile;
  return recorder;
}
