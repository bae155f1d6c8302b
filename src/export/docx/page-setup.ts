import type { PageNumbering, PageSetup } from "../../model/document.js";
import type { DocxContext } from "./context.js";
import { paragraphXml } from "./paragraph-xml.js";
import { rPr, textXml } from "./run-props.js";
import { STYLES, styleSizePt } from "./styles.js";
import { TextMemo } from "./text-memo.js";
import { A4_TWIPS, cmToTwips } from "./units.js";
import { FOOTER_OPEN, HEADER_OPEN, XML_DECLARATION } from "./xml.js";

/** A header's or footer's XML, by what it is made from: nearly every document has the same one (text-memo.ts). */
const partXml = new TextMemo(64);

/** Where the header/footer text sits from the page edge, at most half the top/bottom margin. */
const HEADER_DISTANCE_CM = 1.25;

export function textWidthTwips(page: PageSetup): number {
  const width = page.orientation === "landscape" ? A4_TWIPS.height : A4_TWIPS.width;
  return width - cmToTwips(page.margins.leftCm) - cmToTwips(page.margins.rightCm);
}

/** A header or footer part of one section, and the relationship id the section refers to it by. */
export interface HeaderFooterPart {
  readonly kind: "header" | "footer";
  readonly type: "default" | "first";
  /** "header1.xml", numbered per kind in the order the parts are made. */
  readonly name: string;
  readonly rId: string;
  readonly xml: string;
}

/**
 * Page size, margins and numbering of one section. Thai page numbers are the
 * section's number format thaiNumbers (w:pgNumType w:fmt), which Word applies
 * to a plain PAGE field. The field switch `\* ThaiArabic` was not used:
 * LibreOffice 7.4 reads it as Thai *letters* (ก ข ค), while it ignores
 * thaiNumbers and prints Arabic digits, the lesser fault.
 */
export function sectionPropertiesXml(
  page: PageSetup,
  numbering: PageNumbering | undefined,
  isFirst: boolean,
  parts: readonly HeaderFooterPart[],
): string {
  const m = page.margins;
  const landscape = page.orientation === "landscape";
  const [w, h] = landscape ? [A4_TWIPS.height, A4_TWIPS.width] : [A4_TWIPS.width, A4_TWIPS.height];
  const refs = parts.map((p) => `<w:${p.kind}Reference w:type="${p.type}" r:id="${p.rId}"/>`).join("");
  const header = cmToTwips(Math.min(HEADER_DISTANCE_CM, m.topCm / 2));
  const footer = cmToTwips(Math.min(HEADER_DISTANCE_CM, m.bottomCm / 2));
  return (
    `<w:sectPr>${refs}<w:pgSz w:w="${w}" w:h="${h}" w:orient="${landscape ? "landscape" : "portrait"}"/>` +
    `<w:pgMar w:top="${cmToTwips(m.topCm)}" w:right="${cmToTwips(m.rightCm)}" w:bottom="${cmToTwips(m.bottomCm)}" w:left="${cmToTwips(m.leftCm)}" ` +
    `w:header="${header}" w:footer="${footer}" w:gutter="0"/>` +
    (numbering?.numerals === "thai" ? '<w:pgNumType w:fmt="thaiNumbers"/>' : "<w:pgNumType/>") +
    (isFirst && numbering !== undefined && numbering.from > 1 ? "<w:titlePg/>" : "") +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/**
 * The number in every section's header (or footer); the first section gets
 * an empty first-page header when numbering starts after page 1. Numbering
 * can start on page 1 or 2; a later start is treated as 2. `relId` gives the
 * next relationship id; `counts` numbers the parts per kind across sections.
 */
export function pageNumberParts(
  numbering: PageNumbering | undefined,
  ctx: Pick<DocxContext, "family" | "baseSizePt">,
  isFirst: boolean,
  relId: () => string,
  counts: { header: number; footer: number },
): HeaderFooterPart[] {
  if (numbering === undefined) return [];
  const kind = numbering.position === "top-center" ? "header" : "footer";
  const open = kind === "header" ? HEADER_OPEN : FOOTER_OPEN;
  const close = kind === "header" ? "</w:hdr>" : "</w:ftr>";
  const make = (type: HeaderFooterPart["type"], body: () => string): HeaderFooterPart => ({
    kind,
    type,
    name: `${kind}${++counts[kind]}.xml`,
    rId: relId(),
    xml: partXml.get(JSON.stringify([kind, type, numbering.format, ctx.family, ctx.baseSizePt]), () => `${XML_DECLARATION}${open}${body()}${close}`),
  });
  const parts = [make("default", () => pageNumberParagraph(numbering.format, ctx))];
  if (isFirst && numbering.from > 1) parts.push(make("first", () => "<w:p/>"));
  return parts;
}

/** "- {n} -" → "- " PAGE " -"; a format without {n} gets the number after it. Each piece is a run of its own. */
export function pageNumberParagraph(format: string, ctx: Pick<DocxContext, "family" | "baseSizePt">): string {
  const at = format.indexOf("{n}");
  const before = at < 0 ? format : format.slice(0, at);
  const after = at < 0 ? "" : format.slice(at + 3);
  const props = rPr(ctx, { sizePt: styleSizePt(ctx, "pageNumber") });
  const run = (content: string) => `<w:r>${props}${content}</w:r>`;
  const field =
    run('<w:fldChar w:fldCharType="begin"/>') +
    run('<w:instrText xml:space="preserve">PAGE</w:instrText>') +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:fldChar w:fldCharType="end"/>');
  const runs = (before === "" ? "" : run(textXml(before))) + field + (after === "" ? "" : run(textXml(after)));
  return paragraphXml({ style: STYLES.pageNumber.id, markRun: props }, runs);
}
