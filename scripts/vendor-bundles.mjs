#!/usr/bin/env node
/**
 * zod bundled into one file, dist/vendor/zod.js (its licence beside it), and the compiled CLI's
 * imports of it pointed there. zod ships as 95 ES modules, and Node resolves, reads and links
 * every one at every start and in every worker: 77 → 32 ms CPU to import it, measured on this
 * machine (bench/RESULTS.md, t17s). Same code, only fewer files: the bundle is rolldown's
 * concatenation of the very modules node_modules holds. Only dist/ changes; the sources and
 * the tests (src/ under vitest) import the package as installed. (yaml, 72 modules, is
 * CommonJS for Node: its bundle would lose the named exports; left as it is.)
 *
 * Run by `npm run build` after tsc. Same packages → same bytes.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const vendor = join(dist, "vendor");
/** The packages bundled, each by its ES entry point as Node resolves it from the package root. */
const PACKAGES = ["zod"];

mkdirSync(vendor, { recursive: true });
for (const name of PACKAGES) {
  const entry = fileURLToPath(import.meta.resolve(name, `file://${root}/package.json`));
  await build({ input: entry, platform: "node", logLevel: "warn", output: { file: join(vendor, `${name}.js`), format: "esm", minify: false, sourcemap: false } });
  copyFileSync(join(root, "node_modules", name, "LICENSE"), join(vendor, `${name}.LICENSE`));
}

/** Every compiled module of the CLI (dist/web is the page's own bundle, dist/vendor these ones). */
function modules(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== join(dist, "web") && p !== vendor) modules(p, out);
    } else if (e.name.endsWith(".js")) out.push(p);
  }
  return out;
}

const bare = new RegExp(`((?:\\bfrom|\\bimport)\\s*\\(?\\s*)"(${PACKAGES.join("|")})"`, "g");
for (const file of modules(dist)) {
  const text = readFileSync(file, "utf8");
  const to = (name) => {
    const rel = relative(dirname(file), join(vendor, `${name}.js`)).split(sep).join("/");
    return rel.startsWith(".") ? rel : `./${rel}`;
  };
  const next = text.replace(bare, (_m, head, name) => `${head}"${to(name)}"`);
  if (next !== text) writeFileSync(file, next);
}
