import {
  Footer,
  Header,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  TextRun,
  type ISectionOptions,
  type ISectionPropertiesOptions,
} from "docx";
import type { PageNumbering, PageSetup } from "../../model/document.js";
import type { DocxContext } from "./context.js";
import { runProps } from "./run-props.js";
import { STYLES, styleSizePt } from "./styles.js";
import { A4_TWIPS, cmToTwips } from "./units.js";

/** Where the header/footer text sits from the page edge, at most half the top/bottom margin. */
const HEADER_DISTANCE_CM = 1.25;

export function textWidthTwips(page: PageSetup): number {
  const width = page.orientation === "landscape" ? A4_TWIPS.height : A4_TWIPS.width;
  return width - cmToTwips(page.margins.leftCm) - cmToTwips(page.margins.rightCm);
}

/**
 * Page size, margins and numbering of one section. Thai page numbers are the
 * section's number format thaiNumbers (w:pgNumType w:fmt), which Word applies
 * to a plain PAGE field. The field switch `\* ThaiArabic` was not used:
 * LibreOffice 7.4 reads it as Thai *letters* (ก ข ค), while it ignores
 * thaiNumbers and prints Arabic digits, the lesser fault.
 */
export function sectionProperties(page: PageSetup, numbering: PageNumbering | undefined, isFirst: boolean): ISectionPropertiesOptions {
  const m = page.margins;
  return {
    page: {
      size: {
        width: A4_TWIPS.width,
        height: A4_TWIPS.height,
        orientation: page.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: cmToTwips(m.topCm),
        right: cmToTwips(m.rightCm),
        bottom: cmToTwips(m.bottomCm),
        left: cmToTwips(m.leftCm),
        header: cmToTwips(Math.min(HEADER_DISTANCE_CM, m.topCm / 2)),
        footer: cmToTwips(Math.min(HEADER_DISTANCE_CM, m.bottomCm / 2)),
      },
      ...(numbering?.numerals === "thai" ? { pageNumbers: { formatType: NumberFormat.THAI_NUMBERS } } : {}),
    },
    ...(isFirst && numbering !== undefined && numbering.from > 1 ? { titlePage: true } : {}),
  };
}

/**
 * The number in every section's header (or footer); the first section gets
 * an empty first-page header when numbering starts after page 1. Numbering
 * can start on page 1 or 2; a later start is treated as 2.
 */
export function pageNumberParts(
  numbering: PageNumbering | undefined,
  ctx: DocxContext,
  isFirst: boolean,
): Pick<ISectionOptions, "headers" | "footers"> {
  if (numbering === undefined) return {};
  const blankFirst = isFirst && numbering.from > 1;
  const numbered = () => [pageNumberParagraph(numbering.format, ctx)];
  const blank = () => [new DocxParagraph({ children: [] })];
  if (numbering.position === "top-center") {
    return { headers: { default: new Header({ children: numbered() }), ...(blankFirst ? { first: new Header({ children: blank() }) } : {}) } };
  }
  return { footers: { default: new Footer({ children: numbered() }), ...(blankFirst ? { first: new Footer({ children: blank() }) } : {}) } };
}

/** "- {n} -" → "- " PAGE " -"; a format without {n} gets the number after it. */
export function pageNumberParagraph(format: string, ctx: DocxContext): DocxParagraph {
  const at = format.indexOf("{n}");
  const before = at < 0 ? format : format.slice(0, at);
  const after = at < 0 ? "" : format.slice(at + 3);
  const props = runProps(ctx, { sizePt: styleSizePt(ctx, "pageNumber") });
  return new DocxParagraph({
    style: STYLES.pageNumber.id,
    run: props,
    children: [new TextRun({ ...props, children: [before, PageNumber.CURRENT, after].filter((c) => c !== "") })],
  });
}
