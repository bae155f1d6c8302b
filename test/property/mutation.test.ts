/**
 * Any damage to a valid example file gives either a valid result or errors
 * that each carry a code and a position: loading never throws.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CODES } from "../../src/diag/codes.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import { loadInput } from "../../src/pipeline/index.js";
import { exampleText } from "../helpers/load-example.js";

const ORG = new TextEncoder().encode(exampleText("khon-kaen-city", "org.yaml"));
const FILES = {
  "2563.yaml": exampleText("khon-kaen-city", "2563.yaml"),
  "2564.yaml": exampleText("khon-kaen-city", "2564.yaml"),
};
const names = Object.keys(FILES) as (keyof typeof FILES)[];

type Mutation = (text: string) => Uint8Array;
const enc = (s: string) => new TextEncoder().encode(s);

const deleteLine = fc.nat().map((n): Mutation => (t) => {
  const lines = t.split("\n");
  lines.splice(n % lines.length, 1);
  return enc(lines.join("\n"));
});

/** The value after "key:" on some line becomes a list or a map. */
const scalarToCollection = fc.tuple(fc.nat(), fc.constantFrom("[a, b]", "{x: 1}", "\n  - a\n  - b", "[]", "{}")).map(([n, repl]): Mutation => (t) => {
  const lines = t.split("\n");
  const withValue = lines.map((l, i) => [l, i] as const).filter(([l]) => /:\s+\S/.test(l) && !l.trimStart().startsWith("#"));
  const [line, i] = withValue[n % withValue.length]!;
  lines[i] = line.replace(/:\s+.*$/, `: ${repl}`);
  return enc(lines.join("\n"));
});

const truncate = fc.nat().map((n): Mutation => (t) => {
  const b = enc(t);
  return b.subarray(0, n % b.length);
});

const replaceBytes = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits): Mutation => (t) => {
  const b = enc(t).slice();
  for (const [at, byte] of edits) b[at % b.length] = byte;
  return b;
});

const mutation = fc.oneof(deleteLine, scalarToCollection, truncate, replaceBytes);

describe("a damaged example file", () => {
  test("gives a valid result or positioned, coded errors, and never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), mutation, (name, mutate) => {
        const bytes = mutate(FILES[name]);
        const others = names.filter((n) => n !== name).map((n) => ({ path: `k/${n}`, bytes: enc(FILES[n]) }));
        const r = loadInput("k", { path: "k/org.yaml", bytes: ORG }, [{ path: `k/${name}`, bytes }, ...others]);
        for (const d of [...r.errors, ...r.warnings]) {
          expect(CODES).toContain(d.code);
          expect(d.pos, d.code).toBeDefined();
          expect(d.pos!.file).toMatch(/^k\//);
          // Line 0 means "the whole file" (too large, missing); every other error points into the file.
          if (d.code !== "E_FILE_TOO_LARGE") expect(d.pos!.line, d.code).toBeGreaterThan(0);
        }
        if (r.errors.length > 0) return;
        expect(r.org?.years.size).toBe(2);
        // The documents step must not throw on what validation let through either.
        for (const job of planDocuments(r.org!)) if (!job.result.ok) for (const d of job.result.errors) expect(CODES).toContain(d.code);
      }),
      { numRuns: 300 },
    );
  });
});
