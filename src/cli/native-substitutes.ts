/**
 * CommonJS modules that do not load as they are, each named by its path from node_modules/ and the
 * sha256 of the exact file it was checked against (test/cli/native-substitutes.test.ts); another
 * version of the file loads as it is. Two kinds:
 *
 * - `native`: replaced by Node's own code of the same results. tiny-inflate: unicode-trie (under
 *   fontkit, unicode-properties and linebreak) inflates its Unicode tables at load, in JavaScript on
 *   a cold JIT; zlib does the same in native code.
 * - `deferred`: loaded on first use instead of at load, through a stand-in of the same shape. They
 *   build tables at load for what itadoc's documents never use: WOFF2 fonts (brotli, under
 *   fontkit), PDF encryption (@noble, under pdfkit), SVG images (xmldoc, under pdfmake).
 *
 * Together ≈ 70 ms CPU of a one-organisation build and of each worker's start (bench/RESULTS.md, wip/cc).
 */
import { createRequire } from "node:module";

// zlib is loaded when a substitute first runs, not when the hook is installed (`--version` needs none).
const zlib = () => createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib");

/**
 * tiny-inflate 1.0.3's `tinf_uncompress(source, dest)`: inflates raw DEFLATE data into `dest`
 * (bytes beyond its length are dropped) and returns `dest`, or `dest.slice(0, n)` when fewer than
 * its length came out, as tiny-inflate does.
 */
export function inflateInto<T extends Uint8Array>(source: Uint8Array, dest: T): T {
  const out = zlib().inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return (out.length < dest.length ? dest.slice(0, out.length) : dest) as T;
}

export type Substitute =
  | { readonly kind: "native"; readonly sha256: string; readonly exports: unknown }
  /** `shape`: what the module exports, a function or an object of members. */
  | { readonly kind: "deferred"; readonly sha256: string; readonly shape: "function" | "object" };

export const SUBSTITUTES: ReadonlyMap<string, Substitute> = new Map<string, Substitute>([
  ["tiny-inflate/index.js", { kind: "native", sha256: "203ccaa89e30ec4d6f9467a91758b0f55597424a817ea2107510bbadaab1b90d", exports: inflateInto }],
  ["brotli/decompress.js", { kind: "deferred", sha256: "a8aa73fda6d64d69ddc097d75b309322c190d1c733a2d4321c053b79c4a9cc9b", shape: "function" }],
  ["@noble/hashes/utils.js", { kind: "deferred", sha256: "7edf19720c345e1cb76e8d3a9306f3344457d4e03576bbb0b3e1ffd0a42d0d30", shape: "object" }],
  ["@noble/hashes/sha2.js", { kind: "deferred", sha256: "53b6dc30db76a7c4e4b9370049e7a3c01bbb5507d058c084e97ccb3ee050faa4", shape: "object" }],
  ["@noble/ciphers/aes.js", { kind: "deferred", sha256: "cb9a9b4e06f64bef9125316194aa1425155e53af5225d35bd76b96857c1bc723", shape: "object" }],
  ["xmldoc/lib/xmldoc.js", { kind: "deferred", sha256: "0efec98ca930cd16e5a70a7a9f3589959c68a69f3d8fcc3c55f51adf6a279e90", shape: "object" }],
]);

/**
 * A stand-in for a module's exports that loads it (`load()`) on the first use of any member, call or
 * `new`, and forwards everything to it from then on.
 */
export function deferredExports(shape: "function" | "object", load: () => unknown): unknown {
  let real: object | undefined;
  const get = () => (real ??= load() as object);
  const handler: ProxyHandler<object> = {
    get: (_t, p) => Reflect.get(get(), p),
    has: (_t, p) => Reflect.has(get(), p),
    set: (_t, p, v) => Reflect.set(get(), p, v),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, p) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), p);
      // A proxy may not report a property non-configurable that its own target lacks.
      return d ? { ...d, configurable: true } : undefined;
    },
    apply: (_t, self, args) => Reflect.apply(get() as (...a: unknown[]) => unknown, self, args),
    construct: (_t, args) => Reflect.construct(get() as new (...a: unknown[]) => object, args),
  };
  // A bound function: callable and constructible like a plain one, but with no `prototype`, which on a
  // plain function is non-configurable and would break the descriptor and key traps above (a proxy may
  // not hide or loosen a non-configurable property of its target).
  // eslint-disable-next-line @typescript-eslint/no-empty-function
  return new Proxy(shape === "function" ? function () {}.bind(null) : {}, handler);
}
