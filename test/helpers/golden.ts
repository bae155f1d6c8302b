/**
 * Golden files: a value is compared with a checked-in file under test/golden.
 * UPDATE_GOLDEN=1 rewrites the file instead (then read the diff before committing:
 * a golden file is only as right as the person who looked at it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { expect } from "vitest";
import { ROOT } from "./load-example.js";

export const GOLDEN_DIR = join(ROOT, "test", "golden");

const updating = (): boolean => process.env["UPDATE_GOLDEN"] === "1";

/** Stable JSON: two-space indent and a final newline, so diffs are line by line. */
export function toGoldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Compares `text` with test/golden/<name>, or writes it under UPDATE_GOLDEN=1. */
export function expectGolden(name: string, text: string): void {
  const path = join(GOLDEN_DIR, name);
  if (updating()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${relative(ROOT, path)} is missing: run with UPDATE_GOLDEN=1 and check what it wrote`);
  }
  // toEqual on the text gives a line diff; JSON.parse first would hide formatting changes but also the line numbers.
  expect(text, `${relative(ROOT, path)} differs (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, "utf8"));
}

export function expectGoldenJson(name: string, value: unknown): void {
  expectGolden(name, toGoldenJson(value));
}
