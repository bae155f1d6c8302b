import type { Signature } from "../../../model/document.js";
import type { DocxContext } from "../context.js";
import { paragraphXml } from "../paragraph-xml.js";
import { rPr, textRun } from "../run-props.js";
import { STYLES, styleSizePt } from "../styles.js";

/**
 * Centred in the right half: every line is indented by half the text width
 * and centred in what is left. Blank lines above "(name)" are the space to
 * sign in. All lines but the last keep with the next, so the block never
 * splits across pages.
 */
export function signatureBlock(s: Signature, ctx: DocxContext): string[] {
  const look = { sizePt: styleSizePt(ctx, "signature") };
  const lines = [...Array.from({ length: Math.max(0, s.signLines) }, () => ""), `(${s.name})`, ...s.positions, ...(s.date ? [s.date] : [])];
  const markRun = rPr(ctx, look);
  const indent = { left: Math.round(ctx.textWidthTwips / 2) };
  return lines.map((text, i) =>
    paragraphXml(
      { style: STYLES.signature.id, keepNext: i < lines.length - 1, keepLines: true, indent, markRun },
      text === "" ? "" : textRun(ctx, text, look),
    ),
  );
}
