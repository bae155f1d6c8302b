/**
 * Module hooks for the build's worker threads when the tests run the TypeScript
 * sources: vitest transforms the modules of its own process, but a worker thread
 * is a fresh Node isolate that knows nothing of vitest. These hooks let that
 * isolate load src/**.ts: an import of "./x.js" from a .ts file resolves to
 * x.ts when no x.js is there (the sources import by their compiled names), and a
 * .ts file is stripped of its types by oxc (rolldown's transform, already
 * installed as vite's bundler; no new dependency). Source only: the shipped CLI
 * runs dist/ and never loads this.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { transformSync } from "rolldown/experimental";

export async function resolve(specifier, context, next) {
  if (specifier.startsWith(".") && specifier.endsWith(".js") && context.parentURL?.endsWith(".ts")) {
    const js = new URL(specifier, context.parentURL);
    const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (!existsSync(js) && existsSync(ts)) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return next(url, context);
  const path = fileURLToPath(url);
  const out = transformSync(path, readFileSync(path, "utf8"), { lang: "ts", sourcemap: false });
  if (out.errors?.length) throw new Error(`${path}: ${out.errors.map((e) => e.message).join("; ")}`);
  return { format: "module", source: out.code, shortCircuit: true };
}
