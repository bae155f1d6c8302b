import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { familySize, parseSizeTable } from "../../../src/export/pdf/index.js";

describe("size table", () => {
  const table = parseSizeTable(JSON.parse(readFileSync(new URL("../../../fonts/sizes.json", import.meta.url), "utf8")));

  test("the bundled file lists Sarabun smaller than the official face", () => {
    expect(familySize(table, "Sarabun").scale).toBeGreaterThan(0.6);
    expect(familySize(table, "Sarabun").scale).toBeLessThan(0.8);
    expect(familySize(table, "TH Sarabun New")).toEqual({ scale: 1, lineHeight: 1 });
  });

  test("an unlisted family is taken at official size", () => {
    expect(familySize(table, "Garuda")).toEqual({ scale: 1, lineHeight: 1 });
  });

  test("rejects entries without a positive scale", () => {
    expect(() => parseSizeTable({ Sarabun: { scale: 0 } })).toThrow(/Sarabun/);
    expect(() => parseSizeTable([])).toThrow();
  });
});
