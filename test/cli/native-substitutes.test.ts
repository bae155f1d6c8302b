/**
 * The CommonJS modules replaced or deferred at load (src/cli/native-substitutes.ts): each entry names
 * the exact file installed (a new version must be checked again, and this test says so); the native
 * inflate gives tiny-inflate's bytes; a deferred module loads on first use and then works as itself.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import { brotliCompressSync, deflateRawSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { cachedCompile, codeCacheStats, moduleKey } from "../../src/cli/code-cache.js";
import { deferredExports, inflateInto, SUBSTITUTES } from "../../src/cli/native-substitutes.js";
import { ROOT } from "../helpers/load-example.js";

const fromRoot = createRequire(`${ROOT}/package.json`);
const pdfkitPath = createRequire(fromRoot.resolve("pdfmake/package.json")).resolve("pdfkit");
/** Each substituted file as Node resolves it from the package that requires it. */
const INSTALLED: Record<string, string> = {
  "tiny-inflate/index.js": createRequire(fromRoot.resolve("unicode-trie")).resolve("tiny-inflate"),
  "brotli/decompress.js": createRequire(createRequire(pdfkitPath).resolve("fontkit")).resolve("brotli/decompress.js"),
  "@noble/hashes/utils.js": createRequire(pdfkitPath).resolve("@noble/hashes/utils"),
  "@noble/hashes/sha2.js": createRequire(pdfkitPath).resolve("@noble/hashes/sha2"),
  "@noble/ciphers/aes.js": createRequire(pdfkitPath).resolve("@noble/ciphers/aes"),
  "xmldoc/lib/xmldoc.js": createRequire(fromRoot.resolve("pdfmake/js/SVGMeasure.js")).resolve("xmldoc"),
};

type Loadable = InstanceType<typeof Module> & { _compile(content: string, filename: string): unknown };
const originalCompile = (Module.prototype as unknown as Loadable)._compile;
const nodeModulePaths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths;

/** The installed file loaded through the hook (no cache: an absent folder), as a package would require it. */
function loadHooked(file: string): unknown {
  const m = new (Module as unknown as new (id: string) => Loadable)(file);
  m.filename = file;
  m.paths = nodeModulePaths(dirname(file));
  cachedCompile(originalCompile, "/nonexistent-itadoc-code-cache").call(m, readFileSync(file, "utf8"), file);
  return m.exports;
}

describe("native substitutes", () => {
  test("every entry is the file installed (a new version loads as it is: check it, then update the hash)", () => {
    expect(Object.keys(INSTALLED).sort()).toEqual([...SUBSTITUTES.keys()].sort());
    for (const [key, file] of Object.entries(INSTALLED)) {
      expect(moduleKey(file)).toBe(key);
      expect([key, createHash("sha256").update(readFileSync(file, "utf8")).digest("hex")]).toEqual([key, SUBSTITUTES.get(key)!.sha256]);
    }
  });

  test("inflateInto gives tiny-inflate's bytes, for a dest of the exact, a larger and a smaller length", () => {
    const tinyInflate = createRequire(INSTALLED["tiny-inflate/index.js"]!)(INSTALLED["tiny-inflate/index.js"]!) as (s: Uint8Array, d: Uint8Array) => Uint8Array;
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251));
    const packed = deflateRawSync(data);
    for (const size of [data.length, data.length + 100, 1000]) {
      const ours = inflateInto(packed, new Uint8Array(size));
      const theirs = tinyInflate(packed, new Uint8Array(size));
      expect(ours.length).toBe(theirs.length);
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    }
    expect(loadHooked(INSTALLED["tiny-inflate/index.js"]!)).toBe(inflateInto);
  });

  test("a deferred module is not loaded until used, then works as itself (brotli, @noble sha256, xmldoc)", () => {
    const before = codeCacheStats.deferredLoaded;
    const decompress = loadHooked(INSTALLED["brotli/decompress.js"]!) as (b: Buffer) => Uint8Array;
    const sha2 = loadHooked(INSTALLED["@noble/hashes/sha2.js"]!) as { sha256(b: Uint8Array): Uint8Array };
    const xmldoc = loadHooked(INSTALLED["xmldoc/lib/xmldoc.js"]!) as { XmlDocument: new (s: string) => { attr: Record<string, string> } };
    expect(codeCacheStats.deferredLoaded).toBe(before);
    expect(typeof decompress).toBe("function");
    const text = Buffer.from("ตัวชี้วัด ".repeat(50));
    expect(Buffer.from(decompress(brotliCompressSync(text))).equals(text)).toBe(true);
    expect(Buffer.from(sha2.sha256(text)).toString("hex")).toBe(createHash("sha256").update(text).digest("hex"));
    expect(new xmldoc.XmlDocument('<svg width="10"/>').attr.width).toBe("10");
    expect(codeCacheStats.deferredLoaded).toBe(before + 3);
  });

  test("deferredExports loads once, on the first member, call or new", () => {
    let loads = 0;
    class Thing {
      constructor(readonly n: number) {}
    }
    const fn = deferredExports("function", () => (loads++, Object.assign((x: number) => x + 1, { Thing }))) as ((x: number) => number) & { Thing: typeof Thing };
    expect(loads).toBe(0);
    expect(fn(1)).toBe(2);
    expect(new fn.Thing(3).n).toBe(3);
    expect(loads).toBe(1);
    const obj = deferredExports("object", () => (loads++, { a: 1 })) as { a: number };
    expect(loads).toBe(1);
    expect(Object.keys(obj)).toEqual(["a"]);
    expect(obj.a).toBe(1);
    expect(loads).toBe(2);
  });

  test("a deferred function can be inspected like the module it stands for (keys, descriptors, spread)", () => {
    const real = Object.assign((x: number) => x * 2, { version: "1" });
    const fn = deferredExports("function", () => real) as typeof real;
    expect(Reflect.ownKeys(fn)).toEqual(Reflect.ownKeys(real));
    expect(Object.getOwnPropertyDescriptor(fn, "version")?.value).toBe("1");
    expect(Object.getOwnPropertyDescriptor(fn, "prototype")).toBeUndefined();
    expect({ ...fn }).toEqual({ version: "1" });
  });
});
