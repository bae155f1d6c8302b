/**
 * Deflated bytes of stream data that documents embed again unchanged: a
 * font subset file taken from subset-file.ts's cache is the same Uint8Array
 * object each time, so its deflated form (zlib's default level, as pdfkit
 * deflates every stream) is kept beside it and not computed again. Keyed
 * weakly by that object: what the subset cache drops, this drops too.
 */
import { deflateSync } from "node:zlib";

const deflated = new WeakMap<Uint8Array, Buffer | null>();

/** Marks `bytes` as stream data that will come again: its deflated form is kept once made. */
export function rememberDeflate(bytes: Uint8Array): void {
  if (!deflated.has(bytes)) deflated.set(bytes, null);
}

/** The deflated form of `bytes` if they were remembered (made now if not yet), else undefined. */
export function knownDeflate(bytes: Uint8Array): Buffer | undefined {
  const known = deflated.get(bytes);
  if (known === undefined) return undefined;
  if (known) return known;
  // pdfkit's own call: zlib.deflateSync with no options
  const made = deflateSync(bytes);
  deflated.set(bytes, made);
  return made;
}
