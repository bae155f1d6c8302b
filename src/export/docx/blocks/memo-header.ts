import { AlignmentType, LeaderType, Paragraph as DocxParagraph, Tab, TabStopType, TextRun } from "docx";
import type { MemoHeader } from "../../../model/document.js";
import type { DocxContext } from "../context.js";
import { runProps, textRun, type RunLook } from "../run-props.js";
import { MEMO_LABEL_PT, STYLES, styleSizePt } from "../styles.js";
import { imageRun, widthForHeightCm } from "./image.js";

/** Regulation practice: the Garuda is about 1.5 cm high at the top left. */
export const EMBLEM_HEIGHT_CM = 1.5;

/**
 * บันทึกข้อความ: the emblem and the centred title on one line, then
 * ส่วนราชการ / ที่ + วันที่ / เรื่อง. Labels are bold; each value runs on into
 * a dot leader (a tab stop with w:leader="dot") to the right margin, so the
 * dots stay right when a clerk edits the value in Word.
 */
export function memoHeaderBlock(h: MemoHeader, ctx: DocxContext): DocxParagraph[] {
  const valueLook: RunLook = { sizePt: styleSizePt(ctx, "memoField") };
  const labelLook: RunLook = { sizePt: MEMO_LABEL_PT, bold: true };
  const right = ctx.textWidthTwips;
  const half = Math.round(ctx.textWidthTwips / 2);
  const field = (label: string, value: string): TextRun[] => [
    ...textRun(ctx, label, labelLook),
    ...textRun(ctx, ` ${value}`, valueLook),
  ];
  const leaderTab = (): TextRun => new TextRun({ ...runProps(ctx, valueLook), children: [new Tab()] });
  const line = (children: TextRun[], stops: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number }[]) =>
    new DocxParagraph({
      style: STYLES.memoField.id,
      keepNext: true,
      tabStops: stops.map((s) => ({ ...s, leader: LeaderType.DOT })),
      run: runProps(ctx, valueLook),
      children,
    });
  return [
    titleLine(h, ctx),
    line([...field(h.labels.division, h.division), leaderTab()], [{ type: TabStopType.RIGHT, position: right }]),
    line(
      [...field(h.labels.number, h.number), leaderTab(), ...field(h.labels.date, h.date), leaderTab()],
      [
        { type: TabStopType.LEFT, position: half },
        { type: TabStopType.RIGHT, position: right },
      ],
    ),
    line([...field(h.labels.subject, h.subject), leaderTab()], [{ type: TabStopType.RIGHT, position: right }]),
  ];
}

/** With an emblem: picture at the left margin, title on a centre tab; without: a centred title. */
function titleLine(h: MemoHeader, ctx: DocxContext): DocxParagraph {
  const look: RunLook = { sizePt: styleSizePt(ctx, "memoTitle"), bold: true };
  const widthCm = h.emblem === undefined ? undefined : widthForHeightCm(h.emblem, EMBLEM_HEIGHT_CM, ctx);
  const emblem =
    h.emblem === undefined || !ctx.images.has(h.emblem)
      ? undefined
      : imageRun(h.emblem, widthCm ?? EMBLEM_HEIGHT_CM, EMBLEM_HEIGHT_CM, ctx, "ตราครุฑ");
  if (emblem === undefined) {
    return new DocxParagraph({ style: STYLES.memoTitle.id, keepNext: true, run: runProps(ctx, look), children: textRun(ctx, h.title, look) });
  }
  return new DocxParagraph({
    style: STYLES.memoTitle.id,
    alignment: AlignmentType.LEFT,
    keepNext: true,
    tabStops: [{ type: TabStopType.CENTER, position: Math.round(ctx.textWidthTwips / 2) }],
    run: runProps(ctx, look),
    children: [emblem, ...textRun(ctx, `\t${h.title}`, look)],
  });
}
