import { describe, expect, test } from "vitest";
import { BoundedCache } from "../../../src/export/pdf/bounded-cache.js";

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

  test("rejects a limit below one", () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
