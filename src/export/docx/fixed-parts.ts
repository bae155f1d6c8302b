/**
 * Parts that are the same in every document of one font set and body size:
 * styles (with the ITA styles), numbering, settings, font table, theme,
 * notes, app and custom properties. docx.js writes them once per key (the
 * ITA styles and the font table are itadoc's, put in by styles.ts and
 * font-table.ts); they are kept compressed, so a document only adds its own
 * parts.
 */
import { halfPoints, type DocxContext } from "./context.js";
import { docxDefaults, PER_DOCUMENT } from "./docx-defaults.js";
import { fontTableXml } from "./font-table.js";
import { withItaStyles } from "./styles.js";
import { packEntry, type PackedEntry, type ZipEntry } from "./zip.js";

type StyleCtx = Pick<DocxContext, "family" | "baseSizePt">;

const STYLES_PART = "word/styles.xml";
const FONT_TABLE_PART = "word/fontTable.xml";
const SETTINGS_PART = "word/settings.xml";
/** Font sets × body sizes one process meets are few; the bound only guards a long-running caller. */
const CACHE_LIMIT = 32;

const cache = new Map<string, Promise<readonly PackedEntry[]>>();

/** The last set asked for: a run's documents nearly all ask for the same one, without a key to make. */
let last: { readonly family: string; readonly baseSizePt: number; readonly parts: Promise<readonly PackedEntry[]>; ready?: readonly PackedEntry[] } | undefined;

/** The parts, when the set is the last one asked for and already made (else undefined: await fixedParts), already sorted by path. */
export function fixedPartsReady(ctx: StyleCtx): readonly PackedEntry[] | undefined {
  return last !== undefined && last.family === ctx.family && last.baseSizePt === ctx.baseSizePt ? last.ready : undefined;
}

export function fixedParts(ctx: StyleCtx): Promise<readonly PackedEntry[]> {
  if (last !== undefined && last.family === ctx.family && last.baseSizePt === ctx.baseSizePt) return last.parts;
  const key = JSON.stringify([ctx.family, ctx.baseSizePt]);
  const cached = cache.get(key);
  if (cached !== undefined) {
    const entry: NonNullable<typeof last> = { family: ctx.family, baseSizePt: ctx.baseSizePt, parts: cached };
    last = entry;
    void cached.then((parts) => (entry.ready = parts), () => undefined);
    return cached;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const made = makeFixedParts(ctx);
  cache.set(key, made);
  // A failure is not kept: the next document tries again.
  made.catch(() => {
    cache.delete(key);
    if (last?.parts === made) last = undefined;
  });
  return made;
}

async function makeFixedParts(ctx: StyleCtx): Promise<readonly PackedEntry[]> {
  const rewrites: Record<string, (xml: string) => string> = {
    [STYLES_PART]: (xml) => withItaStyles(ctx, xml),
    // docx.js writes an empty font table: Word and LibreOffice would have nothing to substitute by.
    [FONT_TABLE_PART]: () => fontTableXml(ctx.family),
    [SETTINGS_PART]: addThemeFontLanguages,
  };
  // docx.js's parts for the default size (docx-defaults.ts: written at build time, or made by docx.js now).
  return (await docxDefaults(halfPoints(ctx.baseSizePt)))
    .filter((e) => !PER_DOCUMENT.has(e.path))
    .map((e): ZipEntry => {
      const rewrite = rewrites[e.path];
      return rewrite ? { path: e.path, data: Buffer.from(rewrite(Buffer.from(e.data).toString("utf8")), "utf8") } : e;
    })
    .map((e) => packEntry(e))
    .sort(byPath);
}

/** Package paths in the order the zip lists them (index.ts merges a document's own parts into the fixed ones by it). */
export function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
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
