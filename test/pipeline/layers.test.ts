/**
 * The direction of imports between layers, read from the sources: ita (the
 * scorer and its domain types) imports nothing of input; input imports only
 * ita's vocabulary and types, never the scorer (the pipeline hands it over);
 * nothing below the pipeline imports the pipeline.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/load-example.js";

const SRC = join(ROOT, "src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

interface Import {
  readonly from: string;
  /** Path of the imported module under src/, without extension. */
  readonly to: string;
  readonly typeOnly: boolean;
}

function importsOf(layer: string): Import[] {
  return filesUnder(join(SRC, layer)).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\sfrom\s+"(\.[^"]+)"/gms)].map((m) => ({
      from: relative(SRC, file),
      to: relative(SRC, resolve(dirname(file), m[2]!)).replace(/\.js$/, ""),
      typeOnly: m[1] !== undefined,
    }));
  });
}

describe("layers", () => {
  it("finds the imports it checks (the scanner works)", () => {
    const input = importsOf("input");
    expect(input.some((i) => i.to === "ita/domain")).toBe(true);
    expect(input.some((i) => i.to === "ita/score-year" && i.typeOnly)).toBe(true);
    expect(importsOf("ita").some((i) => i.to === "ita/domain")).toBe(true);
  });

  it("ita imports nothing of input", () => {
    expect(importsOf("ita").filter((i) => i.to.startsWith("input/"))).toEqual([]);
  });

  it("input does not score: its imports of ita are types or vocabulary, never the scorer", () => {
    const vocabulary = new Set(["ita/domain", "ita/frameworks/common", "ita/frameworks/indicator-names"]);
    expect(importsOf("input").filter((i) => i.to.startsWith("ita/") && !i.typeOnly && !vocabulary.has(i.to))).toEqual([]);
  });

  it("the layers under the pipeline do not import it", () => {
    for (const layer of ["input", "ita", "documents", "render", "model", "export", "thai", "diag"]) {
      expect(importsOf(layer).filter((i) => i.to.startsWith("pipeline/")), layer).toEqual([]);
    }
  });
});
