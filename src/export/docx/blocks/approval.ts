import type { Approval } from "../../../model/document.js";
import { pointTwips, type DocxContext } from "../context.js";
import { paragraphXml, type ParagraphProps } from "../paragraph-xml.js";
import { rPr, textRun } from "../run-props.js";
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
export function approvalBlock(a: Approval, ctx: DocxContext): string[] {
  const look = { sizePt: styleSizePt(ctx, "body") };
  const markRun = rPr(ctx, look);
  const contentIndent = { left: cmToTwips(CONTENT_INDENT_CM) };
  const para = (runs: string, extra: ParagraphProps = {}) =>
    paragraphXml({ style: STYLES.body.id, keepNext: true, keepLines: true, ...extra, markRun }, runs);
  const dotted = para(`<w:r>${markRun}<w:tab/></w:r>`, {
    tabs: [{ type: "right", position: ctx.textWidthTwips, leader: "dot" }],
    indent: contentIndent,
  });
  const before = { spacing: { before: pointTwips(SPACE_BEFORE_PT) } };
  // Without a เรียน line (the mayor's level) the space above goes to its first line.
  const typed = [...a.options, ...a.comments].map((t, i) => para(textRun(ctx, t, look), { indent: contentIndent, ...(a.to === undefined && i === 0 ? before : {}) }));
  return [
    ...(a.to !== undefined ? [para(textRun(ctx, `${a.salutation} ${a.to}`, look), before)] : []),
    ...typed,
    ...Array.from({ length: Math.max(0, a.commentLines) }, () => dotted),
    ...signatureBlock(a.signer, ctx),
  ];
}
