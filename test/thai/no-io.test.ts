/**
 * src/thai does no I/O but one: no module of it (or of the one package it
 * uses) imports a Node built-in, reads a file, or looks at the process,
 * except data/thai-words.ts, which reads the word list beside it
 * (thai-words.txt) and nothing else. Found by reading the import graph from
 * the sources, so a new `import "node:fs"` anywhere else under src/thai,
 * directly or through a helper, fails here; a browser bundle would replace
 * that one module.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const thaiDir = fileURLToPath(new URL("../../src/thai/", import.meta.url));
/** The one module that reads a file: the word list's. */
const WORD_LIST_MODULE = join(thaiDir, "data", "thai-words.ts");
const srcDir = resolve(thaiDir, "..");

/** Packages src/thai may use, each checked below to do no I/O itself. */
const ALLOWED_PACKAGES = new Set(["thai-baht-text"]);

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
/** What a module may not touch to stay free of I/O and of Node. */
const NODE_ONLY = /\brequire\s*\(|\bprocess\.|\bimport\.meta\b|\bBuffer\b|\b__dirname\b|\bfetch\s*\(/;

function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3]) as string);
  return out;
}

/** Strips comments, so that prose mentioning "process." or an import does not count. */
const code = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

interface Graph {
  readonly files: string[];
  readonly packages: Set<string>;
  readonly escapes: string[];
}

/** Every module reachable from the modules of src/thai, and the packages they import. */
function importGraph(): Graph {
  const entries = readdirSync(thaiDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(thaiDir, f));
  const seen = new Set<string>();
  const packages = new Set<string>();
  const escapes: string[] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || file === WORD_LIST_MODULE) continue;
    seen.add(file);
    for (const spec of specifiers(code(readFileSync(file, "utf8")))) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
        if (!target.startsWith(thaiDir)) escapes.push(`${relative(srcDir, file)} → ${spec}`);
        queue.push(target);
      } else {
        packages.add(spec);
      }
    }
  }
  return { files: [...seen], packages, escapes };
}

describe("src/thai without I/O", () => {
  const graph = importGraph();

  test("imports no Node built-in and no package beyond the allowed ones", () => {
    expect(graph.files.length).toBeGreaterThan(5);
    expect([...graph.packages].filter((p) => !ALLOWED_PACKAGES.has(p))).toEqual([]);
  });

  test("imports nothing outside src/thai", () => {
    expect(graph.escapes).toEqual([]);
  });

  test("no module reads files, the process or its own location", () => {
    const offenders = graph.files.filter((f) => NODE_ONLY.test(code(readFileSync(f, "utf8")))).map((f) => relative(srcDir, f));
    expect(offenders).toEqual([]);
  });

  test("the word list module reads only the word list beside it", () => {
    const words = code(readFileSync(join(thaiDir, "compound-words.ts"), "utf8"));
    expect(specifiers(words)).toContain("./data/thai-words.js");
    const list = code(readFileSync(WORD_LIST_MODULE, "utf8"));
    expect(specifiers(list)).toEqual(["node:fs"]);
    expect([...list.matchAll(/new URL\(\s*"([^"]+)"/g)].map((m) => m[1])).toEqual(["./thai-words.txt"]);
    expect(readdirSync(join(thaiDir, "data")).sort()).toEqual(["thai-words.ts", "thai-words.txt", "words_th.LICENSE.md"]);
  });

  test("the allowed packages do no I/O either", () => {
    const require = createRequire(import.meta.url);
    for (const p of ALLOWED_PACKAGES) {
      const source = readFileSync(require.resolve(p), "utf8");
      expect(source, p).not.toMatch(/\brequire\s*\(|\bprocess\.|\bfetch\s*\(/);
    }
  });

  test("the check sees a Node import when there is one", () => {
    expect(specifiers(code('import { readFileSync } from "node:fs";\n// import "x"\nconst a = 1;'))).toEqual(["node:fs"]);
    expect(specifiers('export { a } from "./a.js";\nimport "./side.js";\nawait import("node:path");')).toEqual(["./a.js", "./side.js", "node:path"]);
    expect(NODE_ONLY.test(code("const t = process.env.X;"))).toBe(true);
  });
});
