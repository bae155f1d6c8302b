import type { Heading } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { paragraphXml } from "../paragraph-xml.js";
import { modelRuns } from "../run-props.js";
import { STYLES, styleSizePt, type StyleKey } from "../styles.js";
import { paragraphMark, spacing } from "./paragraph.js";

const HEADING_STYLE: Readonly<Record<Heading["level"], StyleKey>> = { 1: "heading1", 2: "heading2", 3: "heading3" };

export function headingBlock(h: Heading, ctx: DocxContext): string {
  const key = HEADING_STYLE[h.level];
  const look = { sizePt: styleSizePt(ctx, key), bold: STYLES[key].bold };
  return paragraphXml(
    {
      style: STYLES[key].id,
      keepNext: true,
      ...spacing(ctx, h.spaceBeforePt, h.spaceAfterPt),
      ...(h.align ? { align: docxAlign(h.align) } : {}),
      ...paragraphMark(ctx, key, look, h.runs.length === 0),
    },
    modelRuns(ctx, h.runs, look),
  );
}
