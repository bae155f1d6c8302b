/**
 * The one-walk plain data of a loaded file (src/input/plain-data.ts) is what
 * yaml's toJS followed by dropNulls gives, key order included, or it steps
 * aside (NOT_PLAIN) and load-yaml.ts takes toJS.
 */
import fc from "fast-check";
import { parseDocument, stringify, type Document } from "yaml";
import { describe, expect, test } from "vitest";
import { dropNulls, loadYaml, MAX_DEPTH } from "../../src/input/load-yaml.js";
import { emptyOptionalValues } from "../../src/input/validate-input.js";
import { markNulls, NOT_PLAIN, plainData } from "../../src/input/plain-data.js";
import { walkNodes } from "../../src/input/yaml-walk.js";
import { exampleText } from "../helpers/load-example.js";

const enc = (s: string) => new TextEncoder().encode(s);

/** Both ways from the document loadYaml made (nulls already set, ำ already canonical). */
function bothWays(text: string): { fast: unknown; slow: unknown; data: unknown } {
  const r = loadYaml("t.yaml", enc(text));
  if (!r.ok) throw new Error(`does not load: ${r.errors.map((e) => e.code).join(", ")}`);
  const doc = r.value.doc;
  return { fast: plainData(doc.contents), slow: dropNulls(doc.toJS({ maxAliasCount: 50 })), data: r.value.data };
}

/** Every scalar's value, keys included, in walk order. */
function scalarValues(doc: Document): unknown[] {
  const out: unknown[] = [];
  walkNodes(doc, { scalar: (n) => out.push(n.value) });
  return out;
}

/** The walk that made the data marked every null, as a whole-document markNulls pass would have: a second pass finds nothing. */
function nullsAllMarked(text: string): void {
  const r = loadYaml("t.yaml", enc(text));
  if (!r.ok) return;
  const loaded = scalarValues(r.value.doc);
  const fresh = parseDocument(text, { schema: "failsafe" });
  markNulls(fresh);
  expect(loaded.map((v) => v === null)).toEqual(scalarValues(fresh).map((v) => v === null));
}

/** JSON text compares key order too, and shows an own "__proto__" key. */
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe("plain data in one walk", () => {
  test("the examples' files: the same data as toJS + dropNulls, in the same key order", () => {
    const files = [
      ["khon-kaen-city", "org.yaml"],
      ["khon-kaen-city", "2563.yaml"],
      ["khon-kaen-city", "2564.yaml"],
      ["nakhon-ratchasima-city", "2565.yaml"],
    ] as const;
    for (const [org, name] of files) {
      const { fast, slow, data } = bothWays(exampleText(org, name));
      expect(fast).not.toBe(NOT_PLAIN);
      same(fast, slow);
      same(data, slow);
      nullsAllMarked(exampleText(org, name));
    }
  });

  test.each([
    ["number-like keys come first, as in any JS object", "b: 1\n2567: x\na: 2\n10: y\n"],
    ["empty values and ~ leave the key out; nulls in a list stay", "a:\nb: ~\nc: null\nd: [x, ~, null]\ne:\n  - \n  - y\n"],
    ["a key typed __proto__ is an own key, the prototype is untouched", "__proto__: {polluted: yes}\nx: 1\n"],
    ["quoted empty text is text", "a: ''\nb: \"\"\n"],
    ["flow and block collections, nested", "m: {a: [1, {b: c}], d: {}}\nl:\n  - [ ]\n  - - x\n    - y\n"],
    ["block scalars", "a: |\n  one\n  two\nb: >-\n  folded\n  text\n"],
    ["a pair inside a flow list is a one-key map", "l: [a: b, c]\n"],
  ])("%s", (_name, text) => {
    const { fast, slow, data } = bothWays(text);
    expect(fast).not.toBe(NOT_PLAIN);
    same(fast, slow);
    same(data, slow);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    nullsAllMarked(text);
  });

  test.each([
    ["an alias", "a: &x [1, 2]\nb: *x\n"],
    ["a tag", "a: !!str x\nb: !custom y\n"],
    ["a list as a key", "? [a, b]\n: c\n"],
    ["an empty key", "~: a\nb: c\n"],
    ["two keys that are one once ำ is canonical", "น\u0E4D\u0E32: 1\nน\u0E33: 2\n"],
  ])("steps aside for %s; the loaded data is still toJS + dropNulls", (_name, text) => {
    const { fast, slow, data } = bothWays(text);
    expect(fast).toBe(NOT_PLAIN);
    same(data, slow);
    nullsAllMarked(text);
  });

  test("random data written as YAML: one walk gives what toJS + dropNulls gives", () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("__proto__", "constructor", "2567", "0", "๑", "ชื่อ", "a b", "~", "null"));
    const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null), fc.constantFrom("ตามที่ #1", "ำ", "  x  ", "a: b", "- x"));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), fc.boolean(), (obj, flow) => {
        const text = stringify(obj, flow ? { collectionStyle: "flow" } : {});
        const r = loadYaml("t.yaml", enc(text));
        if (!r.ok) return; // e.g. a random key that is a YAML null twice: a duplicate key, reported as such
        const doc = r.value.doc;
        const fast = plainData(doc.contents);
        const slow = dropNulls(doc.toJS({ maxAliasCount: 50 }));
        if (fast !== NOT_PLAIN) same(fast, slow);
        same(r.value.data, slow);
        nullsAllMarked(text);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

/** Nesting `levels` deep: maps and lists alternating, block or flow; `aside` puts an alias first (the walk steps aside at once). */
function nested(levels: number, flow: boolean, aside: boolean): string {
  let inner = "x";
  for (let i = levels; i >= 1; i--) inner = i % 2 === 0 ? `[${inner}]` : `{k${i}: ${inner}}`;
  if (flow) return `${aside ? "a: &r 1\nb: *r\n" : ""}deep: ${inner}\n`;
  let text = "";
  for (let i = 1; i <= levels; i++) text += `${"  ".repeat(i - 1)}${i === levels ? "- x" : i % 2 === 0 ? "-" : `k${i}:`}\n`;
  return `${aside ? "a: &r 1\nb: *r\n" : ""}deep:\n${text.replace(/^/gm, "  ")}`;
}

describe("the same walk: depth and empty values", () => {
  test.each([false, true])("E_YAML_DEPTH exactly when a list or map is nested deeper than MAX_DEPTH (flow %s), the plain walk or its fallback", (flow) => {
    for (const aside of [false, true]) {
      for (let levels = MAX_DEPTH - 3; levels <= MAX_DEPTH + 3; levels++) {
        const text = nested(levels, flow, aside);
        const r = loadYaml("t.yaml", enc(text));
        // "deep:" is a map under the top map: `levels` collections below it, one more above.
        const depth = levels + 1;
        if (depth > MAX_DEPTH) {
          expect(r.ok, `${levels} levels${aside ? ", alias first" : ""}`).toBe(false);
          if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(["E_YAML_DEPTH"]);
        } else {
          expect(r.ok, `${levels} levels${aside ? ", alias first" : ""}: ${r.ok ? "" : r.errors.map((e) => e.code).join()}`).toBe(true);
          if (r.ok) expect(r.value.untagged).toBe(!aside);
        }
      }
    }
  });

  test("a file the plain walk found no empty value in has none for emptyOptionalValues; one it did, the same list as a full walk", () => {
    const cases = [
      "a: 1\nb: ~\nc: null\nd: ''\n",
      "a:\nb: 1\n",
      "m:\n  - x: 1\n    y:\n  - z: ~\n",
      "l: [a, b]\nm: {k: v}\n",
      "a: &x 1\nb: *x\nc:\n",
      "a: !!str 1\nb: 2\n",
    ];
    for (const text of cases) {
      const r = loadYaml("t.yaml", enc(text));
      if (!r.ok) throw new Error(text);
      const full = emptyOptionalValues({ ...r.value, mayHaveEmpty: true }, []);
      expect(emptyOptionalValues(r.value, []), text).toEqual(full);
      if (!r.value.mayHaveEmpty) expect(full).toEqual([]);
    }
    expect(loadYaml("t.yaml", enc(cases[0]!)).ok && loadYaml("t.yaml", enc(cases[0]!))).toMatchObject({ value: { mayHaveEmpty: false } });
    expect(loadYaml("t.yaml", enc(cases[1]!))).toMatchObject({ value: { mayHaveEmpty: true } });
  });

  test("random YAML: emptyOptionalValues gives what a full walk gives", () => {
    const key = fc.constantFrom("a", "b", "ชื่อ", "2567", "x y");
    const leaf = fc.constantFrom("", "~", "null", "''", "1", "ข้อความ");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), key, leaf, fc.boolean()), { minLength: 1, maxLength: 12 }), (lines) => {
        // Indented lines under keys with no value of their own: nested maps and lists of maps, some values empty.
        let text = "";
        let depth = 0;
        lines.forEach(([indent, k, v, item], i) => {
          depth = Math.min(indent, depth + 1);
          text += `${"  ".repeat(depth)}${item && depth > 0 ? "- " : ""}${k}${i}:${v === "" ? "" : ` ${v}`}\n`;
        });
        const r = loadYaml("t.yaml", enc(text));
        if (!r.ok) return;
        expect(emptyOptionalValues(r.value, [])).toEqual(emptyOptionalValues({ ...r.value, mayHaveEmpty: true }, []));
      }),
      { numRuns: 300, seed: 23 },
    );
  });
});
