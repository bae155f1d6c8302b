import { LeaderType, Paragraph as DocxParagraph, Tab, TabStopType, TextRun, type IParagraphOptions } from "docx";
import type { Approval } from "../../../model/document.js";
import { scaledTwips, type DocxContext } from "../context.js";
import { runProps, textRun } from "../run-props.js";
import { STYLES, styleSizePt } from "../styles.js";
import { cmToTwips } from "../units.js";
import { signatureBlock } from "./signature.js";

/** Options and comments sit where body text starts after its first-line indent. */
const CONTENT_INDENT_CM = 2.5;
/** Space between one approval level and the block above it (official-face points). */
const SPACE_BEFORE_PT = 12;

/**
 * One level of the approval chain: "เรียน <to>", option lines, typed
 * comments, dotted lines to write on (a lone tab to a dot-leader stop at the
 * right margin), then the signer. Kept together on one page.
 */
export function approvalBlock(a: Approval, ctx: DocxContext): DocxParagraph[] {
  const look = { sizePt: styleSizePt(ctx, "body") };
  const contentIndent = cmToTwips(CONTENT_INDENT_CM);
  const para = (children: TextRun[], extra: Omit<IParagraphOptions, "children"> = {}) =>
    new DocxParagraph({ style: STYLES.body.id, keepNext: true, keepLines: true, run: runProps(ctx, look), children, ...extra });
  const dotted = () =>
    para([new TextRun({ ...runProps(ctx, look), children: [new Tab()] })], {
      indent: { left: contentIndent },
      tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidthTwips, leader: LeaderType.DOT }],
    });
  return [
    para(textRun(ctx, `${a.salutation} ${a.to}`, look), { spacing: { before: scaledTwips(ctx, SPACE_BEFORE_PT) } }),
    ...a.options.map((o) => para(textRun(ctx, o, look), { indent: { left: contentIndent } })),
    ...a.comments.map((c) => para(textRun(ctx, c, look), { indent: { left: contentIndent } })),
    ...Array.from({ length: Math.max(0, a.commentLines) }, dotted),
    ...signatureBlock(a.signer, ctx),
  ];
}
