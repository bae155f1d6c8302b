/**
 * Parts that are the same in every document of one font set and body size:
 * styles (with the ITA styles), numbering, settings, font table, theme,
 * notes, app and custom properties. docx.js writes them once per key (the
 * ITA styles and the font table are itadoc's, put in by styles.ts and
 * font-table.ts); they are kept compressed, so a document only adds its own
 * parts.
 */
import { Document, Packer } from "docx";
import { unzipSync } from "fflate";
import { halfPoints, type DocxContext } from "./context.js";
import { fontTableXml } from "./font-table.js";
import { withItaStyles } from "./styles.js";
import { packEntry, type PackedEntry, type ZipEntry } from "./zip.js";

type StyleCtx = Pick<DocxContext, "family" | "baseSizePt">;

/** Parts each document writes itself. */
const PER_DOCUMENT = new Set(["[Content_Types].xml", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels"]);
const STYLES_PART = "word/styles.xml";
const FONT_TABLE_PART = "word/fontTable.xml";
const SETTINGS_PART = "word/settings.xml";
/** Font sets × body sizes one process meets are few; the bound only guards a long-running caller. */
const CACHE_LIMIT = 32;

const cache = new Map<string, Promise<readonly PackedEntry[]>>();

export function fixedParts(ctx: StyleCtx): Promise<readonly PackedEntry[]> {
  const key = JSON.stringify([ctx.family, ctx.baseSizePt]);
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
  const rewrites: Record<string, (xml: string) => string> = {
    [STYLES_PART]: (xml) => withItaStyles(ctx, xml),
    // docx.js writes an empty font table: Word and LibreOffice would have nothing to substitute by.
    [FONT_TABLE_PART]: () => fontTableXml(ctx.family),
    [SETTINGS_PART]: addThemeFontLanguages,
  };
  // docx.js indents its built-in TOC 2–9 styles by the default size (as Word
  // does), so it is told that size; the defaults it writes are replaced by ours.
  const empty = new Document({ styles: { default: { document: { run: { size: halfPoints(ctx.baseSizePt) } } } }, sections: [{ children: [] }] });
  const packed = await Packer.pack(empty, "uint8array");
  return Object.entries(unzipSync(packed))
    .map(([path, data]): ZipEntry => ({ path, data }))
    .filter((e) => !e.path.endsWith("/") && !PER_DOCUMENT.has(e.path))
    .map((e): ZipEntry => {
      const rewrite = rewrites[e.path];
      return rewrite ? { path: e.path, data: Buffer.from(rewrite(Buffer.from(e.data).toString("utf8")), "utf8") } : e;
    })
    .map((e) => packEntry(e));
}

/**
 * Word's default languages for the theme fonts: Thai for complex script, so
 * text a clerk types into the document is proofed as Thai. CT_Settings puts
 * w:themeFontLang after w:compat, which is the last element docx.js writes.
 */
export function addThemeFontLanguages(settingsXml: string): string {
  const end = "</w:compat>";
  const at = settingsXml.indexOf(end);
  if (at < 0) throw new Error("word/settings.xml has no </w:compat>");
  const after = at + end.length;
  return settingsXml.slice(0, after) + '<w:themeFontLang w:val="en-US" w:bidi="th-TH"/>' + settingsXml.slice(after);
}
