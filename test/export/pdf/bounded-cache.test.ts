import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import { BoundedCache } from "../../../src/export/pdf/bounded-cache.js";
import { ownString } from "../../../src/export/own-string.js";

/**
 * A full garbage collection, through V8's own gc(): exposed for a new context only, and the flag
 * set back at once (the tests share the process, and V8 checks code caches against its flags).
 */
const fullGc = ((): (() => void) => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  setFlagsFromString("--no-expose-gc");
  return gc;
})();

/** The live heap after a full collection, in bytes. */
function liveHeap(): number {
  fullGc();
  return getHeapStatistics().used_heap_size;
}

/** A two-byte (Thai) text of about `chars` characters, different for each `i`, as a rendered document is. */
const bigText = (i: number, chars: number): string => `<document ${i}>` + "องค์การบริหารส่วนตำบล".repeat(Math.ceil(chars / 21));

describe("BoundedCache", () => {
  test("never holds more than twice its limit", () => {
    const cache = new BoundedCache<number, number>(100);
    for (let i = 0; i < 10_000; i++) {
      cache.set(i, i * 2);
      expect(cache.size).toBeLessThanOrEqual(200);
    }
    expect(cache.get(9_999)).toBe(19_998);
    expect(cache.get(0)).toBeUndefined();
  });

  test("an entry that keeps being read survives any number of new ones", () => {
    const cache = new BoundedCache<string, string>(10);
    cache.set("ผู้รับผิดชอบ", "kept");
    for (let i = 0; i < 1_000; i++) {
      cache.set(`word ${i}`, "x");
      expect(cache.get("ผู้รับผิดชอบ")).toBe("kept");
    }
  });

  test("getOrSet makes a value once and then returns the cached one", () => {
    const cache = new BoundedCache<string, number>(4);
    let made = 0;
    const make = () => ++made;
    expect(cache.getOrSet("a", make)).toBe(1);
    expect(cache.getOrSet("a", make)).toBe(1);
    expect(made).toBe(1);
  });

  test("a cut-out key or value does not keep the text it was cut from", () => {
    // 200 texts of 100,000 characters (two bytes each): 40 MB if each cached piece kept its text alive.
    const cache = new BoundedCache<string, string>(1_000);
    const before = liveHeap();
    for (let i = 0; i < 200; i++) {
      const text = bigText(i, 100_000);
      cache.set(text.slice(0, 40), text.slice(50, 90) + text.slice(100, 120));
    }
    const grown = liveHeap() - before;
    expect(cache.size).toBe(200);
    expect(grown).toBeLessThan(4_000_000);
    const text = bigText(7, 100_000);
    expect(cache.get(text.slice(0, 40))).toBe(text.slice(50, 90) + text.slice(100, 120));
  });

  test("ownString gives the same text", () => {
    for (const s of ["", "ก", "twelve chars", "thirteen char", bigText(1, 200).slice(3, 150)]) expect(ownString(s)).toBe(s);
  });

  test("rejects a limit below one", () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
