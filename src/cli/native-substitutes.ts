/**
 * CommonJS modules replaced, when they load, by Node's native equivalent: same results, less CPU.
 * Each is named by its path from node_modules/ and the sha256 of the exact file whose behaviour the
 * substitute was checked against (test/cli/native-substitutes.test.ts); another version of the file
 * loads as it is.
 *
 * tiny-inflate: unicode-trie (under fontkit, unicode-properties and linebreak) inflates its
 * Unicode tables, about 100 KB of them, at load, in JavaScript on a cold JIT: ≈ 40 ms CPU of a
 * one-organisation build (bench/RESULTS.md, wip/cc). zlib does the same in native code.
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

export interface Substitute {
  readonly sha256: string;
  /** The module.exports it stands for. */
  readonly exports: unknown;
}

export const SUBSTITUTES: ReadonlyMap<string, Substitute> = new Map([
  ["tiny-inflate/index.js", { sha256: "203ccaa89e30ec4d6f9467a91758b0f55597424a817ea2107510bbadaab1b90d", exports: inflateInto }],
]);
