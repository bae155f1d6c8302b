/**
 * Run properties. Thai is a complex script: Word draws it with the cs font,
 * w:szCs and w:bCs/w:iCs, so every run sets the font on all four slots, both
 * sizes, both bold/italic flags and the languages: th-TH for complex script
 * (w:bidi, which is what Thai text uses) and en-US for Latin text (w:val).
 * Word applies the w:bidi language only to runs marked w:cs (or w:rtl), so
 * Thai text goes in runs of its own marked <w:cs/>, and Latin words in runs
 * without it: marking Latin runs th-TH made LibreOffice break English words
 * anywhere ("Tra|nsparency", "E-ser|vice"), as it applies the Thai breaker.
 * rPr is the one writer of these properties, for every run and for the
 * styles of styles.xml (styles.ts).
 */
import type { Run } from "../../model/document.js";
import { halfPoints, type DocxContext } from "./context.js";
import { esc } from "./xml.js";
import { ownString } from "../own-string.js";

/** How a run looks: sizes in official-face points; bold left out = the paragraph style's. */
export interface RunLook {
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Thai text (<w:cs/>); left out = true, as a Thai document's marks and neutral runs are Thai. */
  readonly complexScript?: boolean;
}

export const THAI_LANGUAGE = { value: "en-US", bidirectional: "th-TH" } as const;

type FontCtx = Pick<DocxContext, "family">;

/**
 * A memo repeats a handful of looks hundreds of times; each one's XML is made
 * once, per family and scale (one or two per process), then by a small
 * numeric key of the look.
 */
const rPrCache = new Map<string, Map<number, string>>();
const RPR_CACHE_LIMIT = 2000;

/** A look as a small number (the half-point size and four flags), for the caches here. */
function lookKey(halfPointSize: number, look: RunLook, cs: boolean): number {
  return halfPointSize * 64 + (look.bold === undefined ? 0 : look.bold ? 1 : 2) * 16 + (look.italic ? 8 : 0) + (look.underline ? 4 : 0) + (cs ? 1 : 0);
}

/** w:rPr of a run (or a paragraph mark), in the element order CT_RPr requires. */
export function rPr(ctx: FontCtx, look: RunLook): string {
  const size = halfPoints(look.sizePt);
  const cs = look.complexScript !== false;
  const fontKey = ctx.family;
  let looks = rPrCache.get(fontKey);
  if (looks === undefined) {
    if (rPrCache.size >= 8) rPrCache.clear();
    looks = new Map();
    rPrCache.set(fontKey, looks);
  }
  const key = lookKey(size, look, cs);
  const cached = looks.get(key);
  if (cached !== undefined) return cached;
  const f = esc(ctx.family);
  const bold = look.bold === undefined ? "" : look.bold ? "<w:b/><w:bCs/>" : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  const xml =
    `<w:rPr><w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>${bold}` +
    (look.italic ? "<w:i/><w:iCs/>" : "") +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    (look.underline ? '<w:u w:val="single"/>' : "") +
    (cs ? "<w:cs/>" : "") +
    `<w:lang w:val="${THAI_LANGUAGE.value}" w:bidi="${THAI_LANGUAGE.bidirectional}"/></w:rPr>`;
  if (looks.size >= RPR_CACHE_LIMIT) looks.clear();
  looks.set(key, xml);
  return xml;
}

/** One piece of text as w:t, spaces kept. */
export function textXml(text: string): string {
  return `<w:t xml:space="preserve">${esc(keepMaiYamokWithWord(text))}</w:t>`;
}

/**
 * ๆ repeats the word before it and is written after a space ("ต่าง ๆ"); Word
 * and LibreOffice may break the line at that space and start the next line
 * with ๆ. A no-break space keeps it with its word (the PDF exporter's own
 * line breaker already never breaks there).
 */
export function keepMaiYamokWithWord(text: string): string {
  return text.replace(/ (?=\u0E46)/g, "\u00A0");
}

/** Letters and marks outside ASCII and Thai (é, Ω): rare, so looked up only when met. */
const OTHER_LETTER = /[\p{L}\p{M}]/u;

/** true: Thai (letters, marks, digits); false: another script's letter; undefined: space, punctuation, digit. */
function scriptOf(text: string, i: number): boolean | undefined {
  const c = text.charCodeAt(i);
  if (c >= 0x0e00 && c <= 0x0e7f) return true;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return false;
  if (c < 0xc0) return undefined;
  return OTHER_LETTER.test(text[i]!) ? false : undefined;
}

/**
 * A text cut where its script changes: Thai pieces are complex script, the
 * others Latin. Spaces, punctuation and Arabic digits go with the piece
 * before them (the first piece takes those in front of it), so a cut never
 * falls inside a word; a text of only such characters counts as Thai.
 * (UTF-16 units: a surrogate pair is never Thai or ASCII, so it stays whole.)
 */
export function scriptPieces(text: string): { readonly cs: boolean; readonly text: string }[] {
  const pieces: { cs: boolean; text: string }[] = [];
  let current: boolean | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const cs = scriptOf(text, i);
    if (cs === undefined || cs === current) continue;
    if (current !== undefined) {
      pieces.push({ cs: current, text: text.slice(from, i) });
      from = i;
    }
    current = cs;
  }
  pieces.push({ cs: current ?? true, text: text.slice(from) });
  return pieces;
}

/** A piece's content: a tab becomes w:tab and a newline a line break, so a typed comment or a dotted line keeps its layout. */
function contentXml(text: string): string {
  if (!text.includes("\n") && !text.includes("\t")) return textXml(text);
  let out = "";
  text.split("\n").forEach((line, i) => {
    if (i > 0) out += "<w:br/>";
    line.split("\t").forEach((part, j) => {
      if (j > 0) out += "<w:tab/>";
      if (part !== "") out += textXml(part);
    });
  });
  return out;
}

/**
 * Most runs of a memo are the template's own words and the labels every
 * organisation's memo repeats (about three in four runs of one memo appear in
 * another): a run's XML is kept by look and text, for one family at a time.
 * The bound keeps it to the runs of the last few memos (~1,000 strings that
 * share their w:rPr text); when full it starts again.
 */
const RUN_CACHE_LIMIT = 1024;
let runCacheFamily: string | undefined;
let runCacheSize = 0;
const runCache = new Map<number, Map<string, string>>();

/** One model text → runs, one per script piece (see scriptPieces). */
export function textRun(ctx: FontCtx, text: string, look: RunLook): string {
  if (ctx.family !== runCacheFamily || runCacheSize >= RUN_CACHE_LIMIT) {
    runCache.clear();
    runCacheSize = 0;
    runCacheFamily = ctx.family;
  }
  const key = lookKey(halfPoints(look.sizePt), look, look.complexScript !== false);
  let texts = runCache.get(key);
  if (texts === undefined) {
    texts = new Map();
    runCache.set(key, texts);
  }
  let xml = texts.get(text);
  if (xml === undefined) {
    // Copies of their own: a model text may be cut from the whole rendered memo, and a kept slice would keep the
    // memo alive until the cache starts again (bounded-cache.ts, ownString).
    xml = ownString(textRunXml(ctx, text, look));
    texts.set(ownString(text), xml);
    runCacheSize++;
  }
  return xml;
}

/** textRun without the cache (exported for the test that checks the cache against it). */
export function textRunXml(ctx: FontCtx, text: string, look: RunLook): string {
  if (text === "") return `<w:r>${rPr(ctx, look)}</w:r>`;
  const pieces = scriptPieces(text);
  if (pieces.length === 1 && pieces[0]!.cs) return `<w:r>${rPr(ctx, look)}${contentXml(text)}</w:r>`;
  let out = "";
  for (const piece of pieces) out += `<w:r>${rPr(ctx, { ...look, complexScript: piece.cs })}${contentXml(piece.text)}</w:r>`;
  return out;
}

/**
 * Model runs over a paragraph's look (its style's size and weight). Weight is
 * written only where a run differs from its style, so w:b stays a style matter.
 * Neighbours that look the same are written as one text, so no word is split
 * over two runs that Word would show as one.
 */
export function modelRuns(ctx: FontCtx, runs: readonly Run[], base: RunLook): string {
  const styleBold = base.bold ?? false;
  let out = "";
  // The pending run's look as four values, and its text: a look object is made only where a run is written.
  let started = false;
  let pSize = 0;
  let pBold: boolean | undefined;
  let pItalic = false;
  let pUnderline = false;
  let text = "";
  for (const r of runs) {
    const sizePt = r.sizePt ?? base.sizePt;
    const bold = r.bold !== undefined && r.bold !== styleBold ? r.bold : undefined;
    const italic = r.italic ?? base.italic ?? false;
    const underline = r.underline ?? base.underline ?? false;
    if (started && pSize === sizePt && pBold === bold && pItalic === italic && pUnderline === underline) text += r.text;
    else {
      if (started) out += textRun(ctx, text, { sizePt: pSize, bold: pBold, italic: pItalic, underline: pUnderline });
      started = true;
      pSize = sizePt;
      pBold = bold;
      pItalic = italic;
      pUnderline = underline;
      text = r.text;
    }
  }
  if (started) out += textRun(ctx, text, { sizePt: pSize, bold: pBold, italic: pItalic, underline: pUnderline });
  return out;
}
