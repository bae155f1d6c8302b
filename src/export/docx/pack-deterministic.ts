/**
 * docx.js writes `new Date()` into docProps/core.xml and its zip stamps every
 * entry with the wall clock. Same model + options must give the same bytes,
 * so the package is unpacked and written again: entries sorted by path, every
 * entry dated `createdAt`, core.xml created/modified set to `createdAt`.
 */
import { readZip, writeZip, type ZipEntry } from "./zip.js";

const CORE_PROPERTIES = "docProps/core.xml";

export function packDeterministic(docxZip: Uint8Array, createdAt: Date): Uint8Array {
  const entries = readZip(docxZip)
    .map((e): ZipEntry => (e.path === CORE_PROPERTIES ? { path: e.path, data: fixCoreDates(e.data, createdAt) } : e))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return writeZip(entries, createdAt);
}

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fixCoreDates(xml: Uint8Array, createdAt: Date): Uint8Array {
  const text = new TextDecoder().decode(xml);
  const fixed = text.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _name: string, close: string) => `${open}${w3cdtf(createdAt)}${close}`,
  );
  return new TextEncoder().encode(fixed);
}
