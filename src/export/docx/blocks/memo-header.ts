import type { MemoHeader } from "../../../model/document.js";
import { pointTwips, type DocxContext } from "../context.js";
import { paragraphXml, type TabStop } from "../paragraph-xml.js";
import { rPr, textRun, type RunLook } from "../run-props.js";
import { MEMO_LABEL_PT, MEMO_TITLE_LINE_PT, STYLES, styleSizePt } from "../styles.js";
import { imageRun, widthForHeightCm } from "./image.js";

/** Regulation practice: the Garuda is about 1.5 cm high at the top left. */
export const EMBLEM_HEIGHT_CM = 1.5;

/**
 * บันทึกข้อความ: the emblem and the centred title on one line, then
 * ส่วนราชการ / ที่ + วันที่ / เรื่อง. Labels are bold; each value runs on into
 * a dot leader (a tab stop with w:leader="dot") to the right margin, so the
 * dots stay right when a clerk edits the value in Word.
 */
export function memoHeaderBlock(h: MemoHeader, ctx: DocxContext): string[] {
  const valueLook: RunLook = { sizePt: styleSizePt(ctx, "memoField") };
  const labelLook: RunLook = { sizePt: MEMO_LABEL_PT, bold: true };
  const right = ctx.textWidthTwips;
  const half = Math.round(ctx.textWidthTwips / 2);
  const valueProps = rPr(ctx, valueLook);
  const field = (label: string, value: string): string => textRun(ctx, label, labelLook) + textRun(ctx, ` ${value}`, valueLook);
  const leaderTab = `<w:r>${valueProps}<w:tab/></w:r>`;
  const line = (runs: string, stops: readonly Omit<TabStop, "leader">[]) =>
    paragraphXml({ style: STYLES.memoField.id, keepNext: true, tabs: stops.map((s) => ({ ...s, leader: "dot" })), markRun: valueProps }, runs);
  return [
    titleLine(h, ctx),
    line(field(h.labels.division, h.division) + leaderTab, [{ type: "right", position: right }]),
    line(field(h.labels.number, h.number) + leaderTab + field(h.labels.date, h.date) + leaderTab, [
      { type: "left", position: half },
      { type: "right", position: right },
    ]),
    line(field(h.labels.subject, h.subject) + leaderTab, [{ type: "right", position: right }]),
  ];
}

/**
 * With an emblem: picture at the left margin, title on a centre tab; without: a centred title.
 * The style's exact 35 pt line would clip the 1.5 cm (42.5 pt) emblem, so that line is "at least" 35 pt.
 */
function titleLine(h: MemoHeader, ctx: DocxContext): string {
  const look: RunLook = { sizePt: styleSizePt(ctx, "memoTitle"), bold: true };
  const widthCm = h.emblem === undefined ? undefined : widthForHeightCm(h.emblem, EMBLEM_HEIGHT_CM, ctx);
  const emblem =
    h.emblem === undefined || !ctx.images.has(h.emblem)
      ? undefined
      : imageRun(h.emblem, widthCm ?? EMBLEM_HEIGHT_CM, EMBLEM_HEIGHT_CM, ctx, "ตราครุฑ");
  if (emblem === undefined) {
    return paragraphXml({ style: STYLES.memoTitle.id, keepNext: true, markRun: rPr(ctx, look) }, textRun(ctx, h.title, look));
  }
  return paragraphXml(
    {
      style: STYLES.memoTitle.id,
      keepNext: true,
      tabs: [{ type: "center", position: Math.round(ctx.textWidthTwips / 2) }],
      spacing: { line: pointTwips(MEMO_TITLE_LINE_PT), lineRule: "atLeast" },
      align: "left",
      markRun: rPr(ctx, look),
    },
    emblem + textRun(ctx, `\t${h.title}`, look),
  );
}
