#!/usr/bin/env node
/**
 * Makes dist/code-cache/ (src/cli/code-cache.ts): V8's code cache of the CommonJS packages a build
 * loads, taken after one build of the examples ran in this process, so that it also holds the
 * functions that build compiled on first use (most of fontkit's and pdfkit's are compiled lazily).
 * The documents of that build go to a temporary folder, removed afterwards; none is kept.
 *
 * V8 accepts a cache only under the flags it was made with: the "main" cache is made in this
 * process as a command's own thread runs, the "worker" one in a child process with the heap flag a
 * build worker runs under (src/cli/build/worker-heap.ts).
 *
 * Run by `npm run build` last (it needs the compiled dist/, its precompiled templates and vendor
 * bundles). The cache is not an output document: its bytes may differ from one build to the next;
 * the documents a build makes with or without it are the same bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const variant = process.argv[2] === "--worker" ? "worker" : "main";
if (variant === "worker") (await import(join(dist, "cli", "build", "worker-heap.js"))).applyWorkerHeapFlags();
const { recordCodeCache, packCodeCache, codeCacheStats, CODE_CACHE_DIR, codeCacheDir } = await import(join(dist, "cli", "code-cache.js"));
const recorder = recordCodeCache();
const { main } = await import(join(dist, "cli", "main.js"));

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

const taken = recorder.take();
const dir = codeCacheDir(variant);
if (variant === "main") rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const { index, blob } = packCodeCache(taken);
writeFileSync(join(dir, "code.bin"), blob);
writeFileSync(join(dir, "index.json"), `${JSON.stringify(index, null, 1)}\n`);
console.log(`code-cache (${variant}): ${index.entries.length} modules, ${(blob.length / 1048576).toFixed(1)} MB (recorded ${codeCacheStats.recorded})`);
if (variant === "main") execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--worker"], { stdio: "inherit" });
