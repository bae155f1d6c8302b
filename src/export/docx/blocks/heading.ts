import { Paragraph as DocxParagraph } from "docx";
import type { Heading } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { modelRuns } from "../run-props.js";
import { STYLES, styleSizePt, type StyleKey } from "../styles.js";
import { paragraphMark, spacing } from "./paragraph.js";

const HEADING_STYLE: Readonly<Record<Heading["level"], StyleKey>> = { 1: "heading1", 2: "heading2", 3: "heading3" };

export function headingBlock(h: Heading, ctx: DocxContext): DocxParagraph {
  const key = HEADING_STYLE[h.level];
  const look = { sizePt: styleSizePt(ctx, key), bold: STYLES[key].bold };
  return new DocxParagraph({
    style: STYLES[key].id,
    ...(h.align ? { alignment: docxAlign(h.align) } : {}),
    ...spacing(ctx, h.spaceBeforePt, h.spaceAfterPt),
    keepNext: true,
    ...paragraphMark(ctx, key, look, h.runs.length === 0),
    children: modelRuns(ctx, h.runs, look),
  });
}
