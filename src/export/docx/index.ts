/**
 * DOCX exporter: DocModel → .docx bytes. The body, headers and footers are
 * written as WordprocessingML text straight from the model (blocks/*), the
 * parts every document of a font set shares come from fixed-parts.ts (made
 * once by docx.js, with itadoc's styles and font table put in), and all are
 * zipped once with a fixed date and entry
 * order, so the same model and options give the same bytes. Memo layout
 * rules live in blocks/memo-header.ts, blocks/signature.ts and
 * blocks/approval.ts; Word styles in styles.ts; page size, margins and
 * numbers in page-setup.ts.
 * Fonts are not embedded: runs name the official face a government PC has
 * (TH SarabunPSK, or the org's settings.font) at the model's official sizes.
 */
import type { DocModel, DocumentMeta } from "../../model/document.js";
import type { ExportOptions, Exporter } from "../exporter.js";
import { blockToDocx } from "./blocks/index.js";
import { fontContext, type DocxContext } from "./context.js";
import { byPath, fixedParts, fixedPartsReady } from "./fixed-parts.js";
import { MediaCollector, type MediaFile } from "./media.js";
import { contentTypesXml, coreXml, documentRelsXml, EMPTY_RELS, LEADING_RELATIONSHIPS } from "./package-parts.js";
import { pageNumberParts, sectionPropertiesXml, textWidthTwips, type HeaderFooterPart } from "./page-setup.js";
import { withSectionProperties } from "./paragraph-xml.js";
import { TextMemo } from "./text-memo.js";
import { ownString } from "../own-string.js";
import { crc32, DEFLATE_LEVEL, packEntry, packText, writePackedZip, type PackedEntry } from "./zip.js";
import { DOCUMENT_OPEN, XML_DECLARATION_STANDALONE } from "./xml.js";

const NO_IMAGES: ReadonlyMap<string, Uint8Array> = new Map();

/** The content types, relationships and core properties most documents share (text-memo.ts). */
const smallParts = new TextMemo(256);

/** A part's XML: one text, or its pieces in order (the body, written into the zip without being joined first). */
export type XmlText = string | readonly string[];

/** One document's own parts: XML text by package path, and its pictures. */
export interface DocumentParts {
  readonly xml: ReadonlyMap<string, XmlText>;
  readonly media: readonly MediaFile[];
  /** Other binary parts by package path (a chart's embedded workbook). */
  readonly binary: ReadonlyMap<string, Uint8Array>;
}

export function documentParts(doc: DocModel, options: ExportOptions): DocumentParts {
  const base = { ...fontContext(options), baseSizePt: doc.baseSizePt };
  // Relationship ids in the order Word tools expect: styles … settings, headers and footers, theme, pictures, font table.
  let nextRel = LEADING_RELATIONSHIPS + 1;
  const relId = (): string => `rId${nextRel++}`;
  const counts = { header: 0, footer: 0 };
  const sectionParts = doc.sections.map((_, i) => pageNumberParts(doc.pageNumbers, base, i === 0, relId, counts));
  const themeRId = relId();
  const media = new MediaCollector(nextRel);
  const images = options.images ?? NO_IMAGES;

  // The body stays in pieces (its elements, in order) until it is encoded for the zip: joining them, and
  // then the joined text inside the document's root, copied the whole body twice on the way.
  const body: string[] = [XML_DECLARATION_STANDALONE, DOCUMENT_OPEN, "<w:body>"];
  doc.sections.forEach((section, i) => {
    const ctx: DocxContext = { ...base, textWidthTwips: textWidthTwips(section.page), images, media };
    // A loop, not flatMap: V8's flatMap is a slow builtin for ~100 small arrays per memo.
    const elements: string[] = [];
    for (const b of section.blocks) for (const e of blockToDocx(b, ctx)) elements.push(e);
    const sectPr = sectionPropertiesXml(section.page, doc.pageNumbers, i === 0, sectionParts[i] ?? []);
    if (i === doc.sections.length - 1) {
      // The last section's properties close the body.
      for (const e of elements) body.push(e);
      body.push(sectPr);
      return;
    }
    // Any other section ends on a paragraph holding its properties: its own last one, or an empty one after a table.
    const last = elements[elements.length - 1];
    if (last !== undefined && (last.startsWith("<w:p>") || last === "<w:p/>")) {
      elements[elements.length - 1] = withSectionProperties(last, sectPr);
      for (const e of elements) body.push(e);
    } else {
      for (const e of elements) body.push(e);
      body.push(withSectionProperties("<w:p/>", sectPr));
    }
  });
  body.push("</w:body></w:document>");

  const headersFooters: HeaderFooterPart[] = sectionParts.flat();
  const fontTableRId = `rId${nextRel + media.all.length}`;
  // What the small parts are made from, as a short key (ids, part names and targets are plain ASCII without "|").
  const partsKey =
    headersFooters.map((p) => `${p.rId}|${p.kind}|${p.name}|`).join("") +
    `${themeRId}|${fontTableRId}|` +
    media.all.map((m) => `${m.rId}|${m.target}|`).join("") +
    media.charts.map((c) => `${c.rId}|${c.path}|${c.target}|`).join("");
  const xml = new Map<string, XmlText>([
    ["[Content_Types].xml", smallParts.get(`types|${partsKey}`, () => contentTypesXml(headersFooters, media.charts))],
    ["docProps/core.xml", coreXmlOf(doc.meta, options.createdAt)],
    ["word/document.xml", body],
    ["word/_rels/document.xml.rels", smallParts.get(`rels|${partsKey}`, () => documentRelsXml(headersFooters, themeRId, media.all, fontTableRId, media.charts))],
  ]);
  const binary = new Map<string, Uint8Array>();
  for (const c of media.charts) {
    xml.set(c.path, c.xml);
    for (const [path, data] of c.extra) {
      if (typeof data === "string") xml.set(path, data);
      else binary.set(path, data);
    }
  }
  for (const p of headersFooters) {
    xml.set(`word/${p.name}`, p.xml);
    xml.set(`word/_rels/${p.name}.rels`, EMPTY_RELS);
  }
  return { xml, media: media.all, binary };
}

/** The last core properties made: a run's memos share their title and date (one fiscal year's). */
let lastCore: { readonly meta: DocumentMeta; readonly time: number; readonly xml: string } | undefined;

function coreXmlOf(meta: DocumentMeta, createdAt: Date): string {
  const time = createdAt.getTime();
  const l = lastCore;
  if (l !== undefined && l.time === time && l.meta.title === meta.title && l.meta.subject === meta.subject && l.meta.author === meta.author && l.meta.keywords === meta.keywords) return l.xml;
  const xml = coreXml(meta, createdAt);
  // Copies of their own: a title cut from the rendered memo would keep the memo alive (bounded-cache.ts, ownString).
  const own = (s: string | undefined): string | undefined => (s === undefined ? undefined : ownString(s));
  lastCore = { meta: { title: ownString(meta.title), subject: own(meta.subject), author: own(meta.author), keywords: own(meta.keywords), lang: meta.lang }, time, xml: ownString(xml) };
  return xml;
}

/** A picture is usually the same bytes in every document (the emblem): it is compressed once. */
const packedMedia = new WeakMap<Uint8Array, Omit<PackedEntry, "path">>();

function packMedia(m: MediaFile): PackedEntry {
  let packed = packedMedia.get(m.bytes);
  if (packed === undefined) {
    packed = { size: m.bytes.length, crc: crc32(m.bytes), compressed: packEntry({ path: m.path, data: m.bytes }, DEFLATE_LEVEL).compressed };
    packedMedia.set(m.bytes, packed);
  }
  return { path: m.path, ...packed };
}

/**
 * Small parts come out the same in most documents (the content types, the relationships, a
 * header with the page number): each text is compressed once. Every deflate call sets up
 * zlib's state afresh, which costs more than compressing a few hundred bytes. The body and
 * anything larger is compressed each time; the number of texts kept is bounded.
 */
const REPEATED_PART_CHARS = 4096;
const REPEATED_PARTS_KEPT = 256;
const packedXml = new Map<string, Omit<PackedEntry, "path">>();

function packXml(path: string, xml: XmlText): PackedEntry {
  if (typeof xml !== "string") return packText(path, xml);
  if (xml.length > REPEATED_PART_CHARS) return packText(path, xml);
  let packed = packedXml.get(xml);
  if (packed === undefined) {
    const { size, crc, compressed } = packText(path, xml);
    packed = { size, crc, compressed };
    if (packedXml.size >= REPEATED_PARTS_KEPT) packedXml.clear();
    packedXml.set(xml, packed);
  }
  return { path, size: packed.size, crc: packed.crc, compressed: packed.compressed };
}

export async function exportDocx(doc: DocModel, options: ExportOptions): Promise<Uint8Array> {
  const ctx = { family: fontContext(options).family, baseSizePt: doc.baseSizePt };
  // Once the fixed parts are made, a document does not wait a turn for them.
  const shared = fixedPartsReady(ctx) ?? (await fixedParts(ctx));
  const own = documentParts(doc, options);
  const mine: PackedEntry[] = own.media.map(packMedia);
  for (const [path, xml] of own.xml) mine.push(packXml(path, xml));
  for (const [path, data] of own.binary) mine.push(packEntry({ path, data }));
  return writePackedZip(mergeByPath(shared, mine.sort(byPath)), options.createdAt);
}

/** Two lists sorted by path (the fixed parts sorted once), merged: the zip's entries in path order, as one sort of both gave. */
function mergeByPath(a: readonly PackedEntry[], b: readonly PackedEntry[]): PackedEntry[] {
  const out: PackedEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPath(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

export const docxExporter = {
  format: "docx",
  export: exportDocx,
} as const satisfies Exporter;
