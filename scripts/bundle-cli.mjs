#!/usr/bin/env node
/**
 * The CLI as ~50 CommonJS chunks (dist/bundle/*.cjs) in place of the ~180 ES modules tsc writes:
 * Node 20 resolves, reads, compiles and links every ES module of a start one by one, with no compile
 * cache for them, which was about a sixth of a one-organisation build's CPU (bench/RESULTS.md,
 * wip/one). As CommonJS the chunks compile from V8's code cache like the packages do
 * (src/cli/code-cache.ts keys them "itadoc/dist/bundle/…"; scripts/code-cache.mjs records them after
 * a build ran through them, so the cache holds the functions a build compiles too): each build worker
 * and the command's thread no longer parse and compile the CLI's own code (bench/RESULTS.md, wip/warm).
 * The chunks are rolldown's concatenation of the very modules in dist/; a module loaded with import()
 * stays behind its own chunk boundary (a require() inside a promise), so a command still loads only
 * what it uses (rolldown puts a module in a chunk with the modules that the same entry points reach).
 *
 * - Packages and node: built-ins stay outside (required, or imported where the source imports them
 *   with import(): docx and fflate stay the ES builds Node gave them); so do modules loaded by a URL
 *   built at run time (the precompiled templates, the DOCX defaults), which are data and stay ES modules.
 * - Each module's `import.meta.url` is rewritten to its own file's URL in dist/, so what it finds
 *   beside itself (fonts, templates, the Thai word list, the code cache, worker.js) is found as before.
 * - Three entries: dist/cli/bin.js (the package's bin) and dist/cli/build/worker-boot.js (what pool.ts
 *   starts) each become an ES module of a few lines that requires its chunk (dist/bundle/bin.cjs, worker.cjs);
 *   tsc's own is kept beside it as bin-modules.js / worker-boot-modules.js, the input here, and runs
 *   unbundled if needed. main.cjs exports main() for scripts/code-cache.mjs's warm-up build. Each
 *   entry's first import is code-cache-install.js, so the hook is in place before any other chunk loads.
 * - dist/bundle/modules.json lists the modules of each chunk (test/helpers/module-log.mjs reads it, so
 *   the lazy-start tests still see which modules a command loads).
 *
 * Run by `npm run build` after tsc and the other generators, before scripts/code-cache.mjs. Same
 * dist/ → same bytes.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const out = join(dist, "bundle");
/** The entry points: the package's bin and the build worker's module (pool.ts starts it by its path beside pool.js). */
const ENTRIES = { bin: join(dist, "cli", "bin.js"), worker: join(dist, "cli", "build", "worker-boot.js") };
/** main() for scripts/code-cache.mjs: its warm-up build runs through the chunks it records. */
const MAIN = join(dist, "cli", "main.js");
const SHIM_MARK = "scripts/bundle-cli.mjs";
/** The name the chunks' own-URL rewrite gives node:url's pathToFileURL. */
const FILE_URL = "__itadocFileUrl";
const posix = (p) => p.split(sep).join("/");
const modulesCopy = (file) => file.replace(/\.js$/, "-modules.js");

// tsc writes each entry at every build; a rerun of this script alone finds its own entry there and uses the copy.
const input = {};
for (const [name, file] of Object.entries(ENTRIES)) {
  const current = readFileSync(file, "utf8");
  if (!current.includes(SHIM_MARK)) writeFileSync(modulesCopy(file), current);
  else if (!existsSync(modulesCopy(file))) throw new Error(`bundle-cli: ${file} is the bundle's entry and its -modules.js copy is missing: run tsc first`);
  input[name] = modulesCopy(file);
}
input.main = MAIN;

rmSync(out, { recursive: true, force: true });
const result = await build({
  input,
  platform: "node",
  logLevel: "warn",
  // Bare specifiers: packages and node: built-ins.
  external: (id) => !id.startsWith(".") && !id.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(id),
  plugins: [
    {
      name: "own-url",
      transform(code, id) {
        // Only import.meta.url is rewritten: import.meta.resolve or .dirname in a chunk would answer for the chunk's place.
        const other = /\bimport\.meta\b(?!\.url\b)/.exec(code);
        if (other) throw new Error(`bundle-cli: ${posix(relative(root, id))} uses import.meta other than import.meta.url; teach this script to rewrite it`);
        if (!code.includes("import.meta.url")) return null;
        // CommonJS has no import.meta: the chunk's own file (__filename) is the base, made a URL by a name no module uses
        // (a module's own `require`, from createRequire, would shadow require("node:url")).
        const own = JSON.stringify(posix(relative(out, id)));
        const url = `new URL(${own}, ${FILE_URL}(__filename)).href`;
        return { code: `import { pathToFileURL as ${FILE_URL} } from "node:url";\n${code.replaceAll("import.meta.url", url)}`, map: null };
      },
    },
  ],
  // strict: ES modules are strict code; as CommonJS the chunks must say so (a helper given a number would see it boxed).
  output: { dir: out, format: "cjs", strict: true, minify: false, sourcemap: false, entryFileNames: "[name].cjs", chunkFileNames: "[name]-[hash].cjs" },
});

const chunks = {};
for (const item of result.output) {
  if (item.type !== "chunk") continue;
  chunks[item.fileName] = item.moduleIds.filter((m) => m.startsWith(dist)).map((m) => posix(relative(root, m))).sort();
}
const sorted = Object.fromEntries(Object.entries(chunks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(join(out, "modules.json"), `${JSON.stringify(sorted, null, 1)}\n`);
for (const [name, file] of Object.entries(ENTRIES)) {
  const target = posix(relative(dirname(file), join(out, `${name}.cjs`)));
  const head = name === "bin" ? "#!/usr/bin/env node\n" : "";
  writeFileSync(
    file,
    `${head}// Written by ${SHIM_MARK}: runs from the CLI's CommonJS chunks (dist/bundle/); tsc's own module is ${posix(relative(dirname(file), modulesCopy(file)))}.\nimport { createRequire } from "node:module";\n\ncreateRequire(import.meta.url)("${target.startsWith(".") ? target : `./${target}`}");\n`,
  );
  // A new file is made 0644: `npx itadoc` in a fresh clone then fails with "Permission denied".
  if (name === "bin") chmodSync(file, 0o755);
}
const count = Object.values(sorted).reduce((n, m) => n + m.length, 0);
console.log(`bundle-cli: ${count} modules in ${Object.keys(sorted).length} chunks`);
