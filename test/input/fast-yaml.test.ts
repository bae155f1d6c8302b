/**
 * The fast path of src/input/fast-yaml.ts builds exactly what yaml's
 * parseDocument builds (canonical JSON: node classes, values, types,
 * sources, ranges, toJS, document options, the LineCounter) or declines,
 * for every example file, synthetic organisations of bench/national-dataset.mjs,
 * hand-written cases and thousands of seeded mutations of them.
 * FAST_YAML_MUTATIONS=100000 (and FAST_YAML_SEED) runs a bigger fuzz (bench/fuzz-fast-yaml.mjs).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { differential, mutate, rng, type Verdict } from "../helpers/yaml-differential.js";
import { yearYaml } from "../helpers/synthetic-org.js";
import { loadYaml } from "../../src/input/load-yaml.js";
import { ROOT } from "../helpers/load-example.js";


function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (name.endsWith(".yaml") || name.endsWith(".yml")) out.push(p);
  }
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), "fast-yaml-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
execFileSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), tmp, "120"], { stdio: "ignore" });

const examples = yamlFiles(join(ROOT, "examples")).map((f) => readFileSync(f, "utf8"));
const fixtures = [...yamlFiles(join(ROOT, "test", "golden")), ...yamlFiles(join(ROOT, "test", "fixtures"))].map((f) => readFileSync(f, "utf8"));
const synthetic = yamlFiles(tmp).map((f) => readFileSync(f, "utf8"));
const helperYears = [
  yearYaml({ year: 2566, iit: 80, eit: 81.5, oit: 70 }),
  yearYaml({ year: 2567, iit: 80, eit: 81.5, oit: 70, memoYears: [2566, 2567], documents: true }),
];

/** Cases written by hand: the subset's corners, and just outside them. */
const HAND = [
  "a: b\n",
  "a: b",
  "a:\n",
  "a:",
  "a:   \nb: c\n",
  "a: # note\nb: c\n",
  "a: b # note\n",
  "a: b #note\n",
  "a: b#c\n",
  "a: 'b'\n",
  "a: 'it''s'\n",
  'a: "b"\n',
  'a: "b" # c\n',
  "a: 'b'x\n",
  "a: ''\n",
  'a: ""\n',
  "a  : b\n",
  "a: b  \n",
  "a:\n  b: c\n  d:\n    - e\n    - f: g\n      h: i\n    -\n    - \n",
  "a:\n- b\n- c\nd: e\n",
  "- a\n- b\n",
  "- a: b\n  c: d\n- e\n",
  "-   a: b\n    c: d\n",
  "- - a\n",
  "a: |\n  one\n  two\n",
  "a: |-\n  one\n  two\n\nb: c\n",
  "a: >\n  one\n  two\n\n  three\n\n\nb: c\n",
  "a: >-\n  one\n  two\n",
  "a: >-\n  one\n    more\n  two\n",
  "a: |\n  one\n    more\n  two\n",
  "a: |\n\n  one\n",
  "a: >\n\n  one\n  two",
  "a: |+\n  one\n\n",
  "a: |2\n  one\n",
  "a: | # c\n  one\n",
  "a: |\n  one\n  \n  two\n",
  "a: |\nb: c\n",
  "a: b\n  c\n",
  "a: b\n  # c\nd: e\n",
  "a: b\n# c\n  # d\nd: e\n",
  "a:\n  b: c\n # x\nd: e\n",
  "a: b\na: c\n",
  "a: b: c\n",
  "a: b:\n",
  "a: [b]\n",
  "a: {b: c}\n",
  "a: [b, c d , e]\n",
  "a: { x: y , z: [1] }\n",
  "a: []\n",
  "a: {}\n",
  "a: [ b ] # c\n",
  "a: ['b', \"c\"]\n",
  "a: [b,c]\n",
  "a: [b:c]\n",
  "a: [b: c]\n",
  "- { a: b }\n",
  "- [a, [b, {c: d}]]\n",
  "a: [b, ]\n",
  "a: [, b]\n",
  "a: {x:y}\n",
  "a: {x: y, x: z}\n",
  "a: {x}\n",
  "a: {x: }\n",
  "a: [b\n  , c]\n",
  "a: [b] c\n",
  "a: [b]]\n",
  "a: [b #c]\n",
  "a: [b#c]\n",
  "a: [ก ข, 'ค''ง']\n",
  "a: { 'k': v }\n",
  "[a]: b\n",
  `${"k".repeat(1030)}: v\n`,
  `a: ${"ก".repeat(3000)}\n`,
  "a: &x b\n",
  "a: *x\n",
  "a: !!str b\n",
  "a:\tb\n",
  "a: b\r\n",
  "---\na: b\n",
  "a: b\n...\n",
  "  a: b\n",
  "a:\n   b: c\n  d: e\n",
  "a: -1\n",
  "a: - b\n",
  "a: ~\nb: null\nc: Null\n",
  "ก: ข\nค: ง # จ\n",
  "a: ก\u200bข\n",
  "a: b\u00a0\n",
  "a: ,b\n",
  "a: b,[c]{d}\n",
  "a: b #\n",
  "\n\n# only\na: b\n\n# end\n",
  "# only\n",
  "",
  "a\n",
  "a: b\nc\n",
  "? a\n: b\n",
  "a: 'b\n  c'\n",
  'a: "b\\"c"\n',
  "- a\n - b\n",
  "- a\n-b\n",
  "-\n  a: b\n",
  "- |\n  x\n- y\n",
  "a:\n  - |\n    x\n  - y\n",
  "a: b\n\n\n",
  "a:\n\n  b: c\n",
  "__proto__: x\n",
  "a: b\n#c\n",
  "a: >\n  x\n#c\n",
  "a: >\n  x\n # c\n",
  "a:\n  b: >\n    x\n  # c\n",
];

function check(texts: readonly string[]): { taken: number; declined: number; mismatches: { text: string; verdict: Verdict }[] } {
  let taken = 0;
  let declined = 0;
  const mismatches: { text: string; verdict: Verdict }[] = [];
  for (const text of texts) {
    const v = differential(text);
    if (v === "declined") declined++;
    else if (v === "equal") taken++;
    else mismatches.push({ text, verdict: v });
  }
  return { taken, declined, mismatches };
}

function firstMismatch(r: ReturnType<typeof check>): string {
  const m = r.mismatches[0];
  if (!m || typeof m.verdict === "string") return "";
  const { fast, slow } = m.verdict.mismatch;
  let i = 0;
  while (i < fast.length && fast[i] === slow[i]) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 200), i + 120);
  return `${r.mismatches.length} mismatches; first: ${JSON.stringify(m.text)}\nfast: …${around(fast)}\nslow: …${around(slow)}`;
}

describe("fast-yaml equals parseDocument or declines", () => {
  test("every example file takes the fast path, equal", () => {
    const r = check(examples);
    expect(firstMismatch(r)).toBe("");
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(r.taken).toBe(examples.length);
  });

  test("synthetic organisations and test fixtures", () => {
    const r = check([...synthetic, ...fixtures, ...helperYears]);
    expect(firstMismatch(r)).toBe("");
    expect(synthetic.length).toBeGreaterThanOrEqual(300);
    // org.yaml and the results-only year files are plain block YAML; the fast path must not quietly decline them.
    expect(r.taken).toBeGreaterThanOrEqual(synthetic.length / 2);
  });

  test("CRLF line ends: the examples, synthetic files and hand-written corners saved on Windows", () => {
    const crlf = (t: string) => t.replace(/\n/g, "\r\n");
    const r = check([...examples, ...synthetic.slice(0, 60), ...HAND].map(crlf));
    expect(firstMismatch(r)).toBe("");
    expect(r.taken).toBeGreaterThanOrEqual(examples.length + 60);
  });

  test("hand-written corners", () => {
    const r = check(HAND);
    expect(firstMismatch(r)).toBe("");
    expect(r.taken).toBeGreaterThan(30);
    expect(r.declined).toBeGreaterThan(20);
  });

  test("seeded mutations (delete, duplicate, re-indent lines, insert indicators, tabs, Thai and invisible characters)", () => {
    const count = Number(process.env.FAST_YAML_MUTATIONS ?? 3000);
    const bases = [...examples, ...synthetic.slice(0, 30), ...HAND.filter((h) => h.length > 8), ...examples.map((t) => t.replace(/\n/g, "\r\n"))];
    const next = rng(Number(process.env.FAST_YAML_SEED ?? 17));
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      let t = bases[Math.floor(next() * bases.length)]!;
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) t = mutate(t, next);
      texts.push(t);
    }
    const r = check(texts);
    expect(firstMismatch(r)).toBe("");
    // Most mutations leave a file the fast path still reads: the comparison is not only of declines.
    expect(r.taken).toBeGreaterThan(count / 5);
    if (process.env.FAST_YAML_MUTATIONS) console.log(`mutations: ${count}, fast path ${r.taken}, declined ${r.declined}`);
  });
});

describe("loadYaml through the fast path", () => {
  test("gives what it gives without it: data, warnings, errors (examples, synthetic files, hand-written cases, 400 mutations)", async () => {
    vi.resetModules();
    // The same module graph afresh, with a fast path that always declines: yaml's parseDocument reads every file.
    const declined = vi.fn(() => undefined);
    vi.doMock("../../src/input/fast-yaml.js", () => ({ fastParseDocument: declined }));
    const slowLoad = (await import("../../src/input/load-yaml.js")).loadYaml;
    vi.doUnmock("../../src/input/fast-yaml.js");
    const enc = (s: string) => new TextEncoder().encode(s);
    const result = (load: typeof loadYaml, text: string) => {
      const r = load("t.yaml", enc(text));
      return JSON.stringify(r.ok ? { data: r.value.data, warnings: r.warnings, untagged: r.value.untagged, mayHaveEmpty: r.value.mayHaveEmpty } : r);
    };
    const next = rng(5);
    const mutated = Array.from({ length: 400 }, () => mutate(examples[Math.floor(next() * examples.length)]!, next));
    let differ = "";
    const crlf = [...examples, ...HAND].map((t) => t.replace(/\n/g, "\r\n"));
    for (const text of [...examples, ...synthetic.slice(0, 30), ...HAND, ...crlf, ...mutated]) {
      if (result(loadYaml, text) !== result(slowLoad, text)) {
        differ = text;
        break;
      }
    }
    expect(differ).toBe("");
    expect(declined).toHaveBeenCalled();
  });

  test("an error is still yaml's own (a duplicate key, a misindented line, a tab)", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const codes = (s: string) => {
      const r = loadYaml("t.yaml", enc(s));
      return r.ok ? [] : r.errors.map((e) => e.code);
    };
    expect(codes("a: b\na: c\n")).toEqual(["E_YAML_DUPLICATE_KEY"]);
    expect(codes("a:\n  b: c\n   d: e\n")).toEqual(["E_YAML_INDENT"]);
    expect(codes("a:\n\tb: c\n")).toEqual(["E_YAML_TAB"]);
  });
});
