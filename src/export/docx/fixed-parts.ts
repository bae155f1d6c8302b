/**
 * Parts that are the same in every document of one font set and body size:
 * styles (with the ITA styles), numbering, settings, font table, theme,
 * notes, app and custom properties. docx.js writes them once per key; they
 * are kept compressed, so a document only adds its own parts.
 */
import { Document, Packer } from "docx";
import type { DocxContext } from "./context.js";
import { addTableStyle, documentStyles } from "./styles.js";
import { packEntry, readZip, type PackedEntry, type ZipEntry } from "./zip.js";

type StyleCtx = Pick<DocxContext, "family" | "sizeScale" | "baseSizePt">;

/** Parts each document writes itself. */
const PER_DOCUMENT = new Set(["[Content_Types].xml", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels"]);
const STYLES_PART = "word/styles.xml";
/** Font sets × body sizes one process meets are few; the bound only guards a long-running caller. */
const CACHE_LIMIT = 32;

const cache = new Map<string, Promise<readonly PackedEntry[]>>();

export function fixedParts(ctx: StyleCtx): Promise<readonly PackedEntry[]> {
  const key = JSON.stringify([ctx.family, ctx.sizeScale, ctx.baseSizePt]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const made = makeFixedParts(ctx);
  cache.set(key, made);
  // A failure is not kept: the next document tries again.
  made.catch(() => cache.delete(key));
  return made;
}

async function makeFixedParts(ctx: StyleCtx): Promise<readonly PackedEntry[]> {
  const empty = new Document({ styles: documentStyles(ctx), sections: [{ children: [] }] });
  const packed = await Packer.pack(empty, "uint8array");
  return readZip(packed)
    .filter((e) => !PER_DOCUMENT.has(e.path))
    .map((e): ZipEntry => (e.path === STYLES_PART ? { path: e.path, data: Buffer.from(addTableStyle(Buffer.from(e.data).toString("utf8")), "utf8") } : e))
    .map((e) => packEntry(e));
}
