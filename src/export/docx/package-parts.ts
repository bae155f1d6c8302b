/**
 * The package parts that differ from one document to the next besides the
 * body: content types, the document's relationships, the core properties.
 * The parts that are the same for every document of a font set come from
 * fixed-parts.ts.
 */
import type { DocumentMeta } from "../../model/document.js";
import type { ChartPart, MediaFile } from "./media.js";
import type { HeaderFooterPart } from "./page-setup.js";
import { esc, XML_DECLARATION, XML_DECLARATION_STANDALONE } from "./xml.js";

const OOXML = "application/vnd.openxmlformats-officedocument";
const WML = `${OOXML}.wordprocessingml`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIPS_OPEN = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

const override = (contentType: string, part: string): string => `<Override ContentType="${contentType}" PartName="${part}"/>`;
const defaultType = (contentType: string, extension: string): string => `<Default ContentType="${contentType}" Extension="${extension}"/>`;

const CONTENT_TYPES_HEAD =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  defaultType("image/png", "png") +
  defaultType("image/jpeg", "jpeg") +
  defaultType("image/jpeg", "jpg") +
  defaultType("image/bmp", "bmp") +
  defaultType("image/gif", "gif") +
  defaultType("image/svg+xml", "svg") +
  defaultType("application/vnd.openxmlformats-package.relationships+xml", "rels") +
  defaultType("application/xml", "xml") +
  defaultType(`${OOXML}.obfuscatedFont`, "odttf") +
  override(`${WML}.document.main+xml`, "/word/document.xml") +
  override(`${WML}.styles+xml`, "/word/styles.xml") +
  override("application/vnd.openxmlformats-package.core-properties+xml", "/docProps/core.xml") +
  override(`${OOXML}.custom-properties+xml`, "/docProps/custom.xml") +
  override(`${OOXML}.extended-properties+xml`, "/docProps/app.xml") +
  override(`${WML}.numbering+xml`, "/word/numbering.xml") +
  override(`${WML}.footnotes+xml`, "/word/footnotes.xml") +
  override(`${WML}.endnotes+xml`, "/word/endnotes.xml") +
  override(`${WML}.settings+xml`, "/word/settings.xml") +
  override(`${WML}.fontTable+xml`, "/word/fontTable.xml") +
  override(`${OOXML}.theme+xml`, "/word/theme/theme1.xml");

/** Charts add their parts' types (and the workbook's extension) only when there are charts, so other documents keep their bytes. */
export function contentTypesXml(headersFooters: readonly HeaderFooterPart[], charts: readonly ChartPart[] = []): string {
  const chartTypes =
    charts.length === 0
      ? ""
      : defaultType(`${OOXML}.spreadsheetml.sheet`, "xlsx") + charts.map((c) => override(`${OOXML}.drawingml.chart+xml`, `/${c.path}`)).join("");
  return CONTENT_TYPES_HEAD + headersFooters.map((p) => override(`${WML}.${p.kind}+xml`, `/word/${p.name}`)).join("") + chartTypes + "</Types>";
}

const relationship = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

/** The relationship ids word/document.xml.rels starts with; headers, footers, theme, pictures and fonts follow. */
export const LEADING_RELATIONSHIPS = 5;
const LEADING =
  relationship("rId1", `${REL}/styles`, "styles.xml") +
  relationship("rId2", `${REL}/numbering`, "numbering.xml") +
  relationship("rId3", `${REL}/footnotes`, "footnotes.xml") +
  relationship("rId4", `${REL}/endnotes`, "endnotes.xml") +
  relationship("rId5", `${REL}/settings`, "settings.xml");

export function documentRelsXml(
  headersFooters: readonly HeaderFooterPart[],
  themeRId: string,
  media: readonly MediaFile[],
  fontTableRId: string,
  charts: readonly ChartPart[] = [],
): string {
  return (
    RELATIONSHIPS_OPEN +
    LEADING +
    headersFooters.map((p) => relationship(p.rId, `${REL}/${p.kind}`, p.name)).join("") +
    relationship(themeRId, `${REL}/theme`, "theme/theme1.xml") +
    media.map((m) => relationship(m.rId, `${REL}/image`, m.target)).join("") +
    charts.map((c) => relationship(c.rId, `${REL}/chart`, c.target)).join("") +
    relationship(fontTableRId, `${REL}/fontTable`, "fontTable.xml") +
    "</Relationships>"
  );
}

/** A header or footer refers to nothing, but Word expects its relationships part. */
export const EMPTY_RELS = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;

/** Who made the file when the model names no author (what docx.js wrote). */
const NO_AUTHOR = "Un-named";

export function coreXml(meta: DocumentMeta, createdAt: Date): string {
  const el = (name: string, value: string | undefined): string => (value ? `<${name}>${esc(value)}</${name}>` : "");
  const when = w3cdtf(createdAt);
  const author = meta.author ?? NO_AUTHOR;
  return (
    `${XML_DECLARATION_STANDALONE}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el("dc:title", meta.title) +
    el("dc:subject", meta.subject) +
    el("dc:creator", author) +
    el("cp:keywords", meta.keywords) +
    el("cp:lastModifiedBy", author) +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
