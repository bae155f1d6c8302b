/**
 * The word list is looked up by binary search over its bytes (compound-words.ts): it must answer
 * exactly as a Set of its lines would, for every word in it and for strings next to them in the
 * order (a character more or less, a neighbour's prefix), at both ends of the list and in between.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { LONGEST_WORD, sortedWordList, thaiWords } from "../../src/thai/compound-words.js";
import { THAI_WORDS_FILE } from "../../src/thai/data/thai-words.js";

const utf8 = (lines: readonly string[]) => new TextEncoder().encode(lines.map((l) => `${l}\n`).join(""));

describe("sortedWordList", () => {
  const text = readFileSync(THAI_WORDS_FILE, "utf8");
  const lines = text.split("\n");

  test("the shipped list is sorted by code unit, one word a line, ending in a newline", () => {
    expect(lines.pop()).toBe("");
    expect(lines.length).toBeGreaterThan(50_000);
    for (let i = 1; i < lines.length; i++) expect(lines[i - 1]! < lines[i]!, lines[i]).toBe(true);
    expect(lines.every((w) => w.length >= 4 && w.length <= LONGEST_WORD && !/[\s\uD800-\uFFFF]/.test(w))).toBe(true);
  });

  test("answers as a Set of the lines would, for each word and its neighbours", () => {
    const set = new Set(lines);
    const words = thaiWords();
    const mismatches: string[] = [];
    for (const w of lines) {
      for (const probe of [w, w.slice(0, -1), `${w}ก`, `${w}\u0E4E`, w.slice(1), `${w.slice(0, -1)}\u0E00`]) {
        if (words.has(probe) !== set.has(probe)) mismatches.push(probe);
      }
    }
    expect(mismatches).toEqual([]);
    expect(words.has("จัดทำ")).toBe(true);
    expect(words.has("ตรวจสอบ")).toBe(true);
    expect(words.has("จัดทําx")).toBe(false);
  });

  test("ends of the list, characters of every UTF-8 length, strings outside the list's characters", () => {
    const list = ["AB.", "Zebra", "ab", "abc", "ab…", "é1", "กขค", "กขคง"];
    expect([...list].sort()).toEqual(list);
    const words = sortedWordList(utf8(list));
    for (const w of list) expect(words.has(w), w).toBe(true);
    for (const w of ["", "A", "AB", "AB..", "a", "abd", "ab.", "é", "ก", "กข", "กขคงจ", "\u{1F600}", "ab\uD83D", "zz", "\u0000"]) {
      expect(words.has(w), w).toBe(false);
    }
    expect(sortedWordList(new Uint8Array()).has("ab")).toBe(false);
    expect(sortedWordList(utf8(["กขค"])).has("กขค")).toBe(true);
  });
});
