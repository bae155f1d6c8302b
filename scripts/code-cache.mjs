#!/usr/bin/env node
/**
 * Makes dist/code-cache/ (src/cli/code-cache.ts): V8's code cache of the CommonJS packages a build
 * loads, taken after one build of the examples ran in this process, so that it also holds the
 * functions that build compiled on first use (most of fontkit's and pdfkit's are compiled lazily).
 * The documents of that build go to a temporary folder, removed afterwards; none is kept.
 *
 * V8 accepts a cache only under the flags it was made with: one variant per set of flags a
 * command may run under (CODE_CACHE_VARIANTS: none, the later tier-up of a small run
 * (src/cli/build/jit-flags.ts), the heap flag of build workers (src/cli/build/worker-heap.ts),
 * both, with a small run's heap flag), each recorded in a child process of its own under exactly those flags.
 *
 * Run by `npm run build` last (it needs the compiled dist/, its precompiled templates and vendor
 * bundles). The cache is not an output document: its bytes may differ from one build to the next;
 * the documents a build makes with or without it are the same bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const lib = (p) => import(join(dist, "cli", ...p.split("/")));
const { recordCodeCache, packCodeCache, codeCacheStats, recordProbe, CODE_CACHE_DIR, CODE_CACHE_VARIANTS, codeCacheDir } = await lib("code-cache.js");

const variant = process.argv[2];
/** yaml (one file, scripts/vendor-bundles.mjs), handlebars, the PDF stack and the CLI's chunks are ~130 modules; fewer means the warm-up did not load them here. */
const MIN_RECORDED = 60;
if (variant === undefined) {
  // One child process per variant: V8 flags are the process's and are never unset.
  rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
  for (const v of CODE_CACHE_VARIANTS) execFileSync(process.execPath, [fileURLToPath(import.meta.url), v], { stdio: "inherit" });
  process.exit(0);
}
if (!CODE_CACHE_VARIANTS.includes(variant)) throw new Error(`code-cache: unknown variant ${variant}`);

// The flags of this variant, fixed before anything is compiled: the warm-up build below must not set others
// (a run of 5 organisations would get the later tier-up), so the tier-up decision is taken here first.
(await lib("build/jit-flags.js")).applyLateTierUp(variant.endsWith("-late"));
// A small run's workers (the "-late" variants) grow their heap by a factor of their own (worker-heap.js).
if (variant.startsWith("worker")) (await lib("build/worker-heap.js")).applyWorkerHeapFlags(variant.endsWith("-late"));
const recorder = recordCodeCache();
// The CLI's own chunks (scripts/bundle-cli.mjs) are CommonJS: the build below runs through them, so they are recorded with
// the packages, with the functions the build compiled.
const { main } = createRequire(import.meta.url)(join(dist, "bundle", "main.cjs"));

const out = mkdtempSync(join(tmpdir(), "itadoc-code-cache-"));
let code;
const lines = [];
try {
  // Every kind and format of the examples: the PDF stack's memo, measures and report paths all run.
  code = await main(["build", join(root, "examples"), "--format", "pdf,docx", "--out", out, "--force"], {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    lang: "en",
    isTTY: false,
    cwd: root,
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (code !== 0) {
  console.error(lines.join("\n"));
  console.error(`code-cache: the warm-up build ended with ${code}; no cache written`);
  process.exit(1);
}

// The build ran the shipped templates precompiled, on Handlebars' runtime alone (src/render/handlebars.ts). A clerk's
// own template brings Handlebars' parser and compilers: compiling the shipped ones here puts those modules, and the
// functions they run, in the cache too (a build that does not load them does not read their entries).
const [{ readTemplateFiles, BUILTIN_TEMPLATES }, { compileTemplateSet }] = await Promise.all([lib("resources.js"), import(join(dist, "render", "load-templates.js"))]);
if (!compileTemplateSet(await readTemplateFiles(BUILTIN_TEMPLATES)).ok) throw new Error("code-cache: the shipped templates did not compile");

// The examples are few enough to build in this thread (in-thread.ts): were they built by workers, the
// recorder (this thread's loader) would see none of the PDF stack, and the pool would have set the
// workers' heap flag under a variant made without it. A short recording says so instead of shipping it.
if (codeCacheStats.recorded < MIN_RECORDED) {
  console.error(`code-cache: only ${codeCacheStats.recorded} modules were recorded (expected ${MIN_RECORDED} or more): was the warm-up build run by workers?`);
  process.exit(1);
}
const taken = recorder.take();
const dir = codeCacheDir(variant);
mkdirSync(dir, { recursive: true });
const { index, blob } = packCodeCache(taken);
writeFileSync(join(dir, "code.bin"), blob);
writeFileSync(join(dir, "probe.bin"), recordProbe());
writeFileSync(join(dir, "index.json"), `${JSON.stringify(index, null, 1)}\n`);
console.log(`code-cache (${variant}): ${index.entries.length} modules, ${(blob.length / 1048576).toFixed(1)} MB (recorded ${codeCacheStats.recorded})`);
