/**
 * docx.js writes `new Date()` into docProps/core.xml and its zip stamps every
 * entry with the wall clock. Same model + options must give the same bytes,
 * so the package is unpacked and written again: entries sorted by path, every
 * entry dated `createdAt`, core.xml created/modified set to `createdAt`, and
 * drawing ids (wp:docPr, which docx.js counts up across every document made in
 * the process) numbered from 1 again.
 */
import { readZip, writeZip, type ZipEntry } from "./zip.js";

const CORE_PROPERTIES = "docProps/core.xml";

/** Text edits to named parts, made while the package is rewritten. */
export type PartPatches = Readonly<Record<string, (xml: string) => string>>;

export function packDeterministic(docxZip: Uint8Array, createdAt: Date, patches: PartPatches = {}): Uint8Array {
  const allPatches: PartPatches = { ...patches, [CORE_PROPERTIES]: (xml) => fixCoreDates(xml, createdAt) };
  const entries = readZip(docxZip)
    .map((e): ZipEntry => {
      const patch = allPatches[e.path];
      return patch === undefined ? e : { path: e.path, data: new TextEncoder().encode(patch(new TextDecoder().decode(e.data))) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return writeZip(renumberDrawings(entries), createdAt);
}

/** Drawing ids must be unique across the package's parts, so one counter runs over all of them in path order. */
function renumberDrawings(entries: readonly ZipEntry[]): ZipEntry[] {
  let next = 1;
  return entries.map((e) => {
    if (!e.path.startsWith("word/") || !e.path.endsWith(".xml")) return e;
    const xml = new TextDecoder().decode(e.data);
    if (!xml.includes("<wp:docPr ")) return e;
    const renumbered = xml.replace(/(<wp:docPr\b[^>]*?\bid=")\d+(")/g, (_m, before: string, after: string) => `${before}${next++}${after}`);
    return { path: e.path, data: new TextEncoder().encode(renumbered) };
  });
}

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fixCoreDates(xml: string, createdAt: Date): string {
  return xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _name: string, close: string) => `${open}${w3cdtf(createdAt)}${close}`,
  );
}
