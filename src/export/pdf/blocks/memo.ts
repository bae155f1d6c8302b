import { MEMO_LABEL_PT, MEMO_TITLE_PT } from "../../../model/layout.js";
import type { Approval, MemoHeader, Signature } from "../../../model/document.js";
import { runsToInlines } from "../thai-wrap.js";
import { PT_PER_CM, pt, type BlockContext, type Node } from "./context.js";

/** ระเบียบงานสารบรรณ: "บันทึกข้อความ" 29 pt, labels 20 pt (official face). */
const EMBLEM_HEIGHT_CM = 1.5;

function inlines(text: string, ctx: BlockContext): Node[] {
  return runsToInlines([{ text }], ctx.scale) as unknown as Node[];
}

/**
 * Dotted leaders: the value cells get a dotted bottom border running to the
 * right margin, like the typed dots of a paper form, without dot characters
 * in the extracted text.
 */
const leaderLayout: Node = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0,
  hLineStyle: () => ({ dash: { length: 0.6, space: 1.8 } }),
  paddingLeft: (i: number) => (i === 0 ? 0 : 4),
  paddingRight: () => 4,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

function labelledLine(pairs: ReadonlyArray<readonly [string, string]>, ctx: BlockContext): Node {
  const widths: Array<string> = [];
  const row: Node[] = [];
  for (const [label, value] of pairs) {
    widths.push("auto", "*");
    row.push(
      { text: inlines(label, ctx), bold: true, fontSize: pt(ctx, MEMO_LABEL_PT), border: [false, false, false, false] },
      { text: inlines(value, ctx), border: [false, false, false, true] },
    );
  }
  return { table: { widths, body: [row] }, layout: leaderLayout, margin: [0, 0, 0, 2] };
}

export function memoHeader(h: MemoHeader, ctx: BlockContext): Node[] {
  const emblem = h.emblem !== undefined && ctx.images.has(h.emblem) ? h.emblem : undefined;
  const emblemHeight = EMBLEM_HEIGHT_CM * PT_PER_CM;
  const title: Node = {
    text: inlines(h.title, ctx),
    bold: true,
    fontSize: pt(ctx, MEMO_TITLE_PT),
    alignment: "center",
  };
  const top: Node =
    emblem === undefined
      ? { ...title, margin: [0, 0, 0, 6] }
      : {
          columns: [
            { image: emblem, fit: [emblemHeight * 1.5, emblemHeight], width: emblemHeight * 1.5 },
            { ...title, width: "*", margin: [0, emblemHeight * 0.3, emblemHeight * 1.5, 0] },
          ],
          margin: [0, 0, 0, 6],
        };
  return [
    top,
    labelledLine([[h.labels.division, h.division]], ctx),
    labelledLine(
      [
        [h.labels.number, h.number],
        [h.labels.date, h.date],
      ],
      ctx,
    ),
    labelledLine([[h.labels.subject, h.subject]], ctx),
  ];
}

export function signature(s: Signature, ctx: BlockContext): Node {
  const fontSize = pt(ctx, ctx.basePt);
  const lineHeight = fontSize * ctx.fonts.lineHeightEm * ctx.lineHeight;
  const lines: Node[] = [{ text: inlines(`(${s.name})`, ctx) }, ...s.positions.map((p) => ({ text: inlines(p, ctx) }))];
  if (s.date !== undefined) lines.push({ text: inlines(s.date, ctx) });
  return {
    columns: [
      { width: "50%", text: "" },
      { width: "*", stack: lines, alignment: "center", margin: [0, s.signLines * lineHeight, 0, 0] },
    ],
    unbreakable: true,
    margin: [0, 6, 0, 6],
  };
}

function dottedLines(count: number, ctx: BlockContext): Node | undefined {
  if (count <= 0) return undefined;
  const fontSize = pt(ctx, ctx.basePt);
  const rowHeight = fontSize * ctx.fonts.lineHeightEm * ctx.lineHeight;
  return {
    table: {
      widths: ["*"],
      heights: rowHeight,
      body: Array.from({ length: count }, () => [{ text: "", border: [false, false, false, true] }]),
    },
    layout: leaderLayout,
  };
}

export function approval(a: Approval, ctx: BlockContext): Node {
  // The mayor's level has no เรียน line: it starts with its options (ทราบ / อนุมัติ).
  const stack: Node[] = a.to !== undefined ? [{ text: inlines(`${a.salutation} ${a.to}`, ctx) }] : [];
  for (const option of a.options) stack.push({ text: inlines(option, ctx), margin: [PT_PER_CM, 0, 0, 0] });
  for (const comment of a.comments) stack.push({ text: inlines(comment, ctx), margin: [PT_PER_CM, 0, 0, 0] });
  const dots = dottedLines(a.commentLines, ctx);
  if (dots) stack.push(dots);
  stack.push(signature(a.signer, ctx));
  // A level of the approval chain is read as one unit: keep it on one page,
  // unless it is so long (many typed comments) that it could not fit on one.
  const fontSize = pt(ctx, ctx.basePt);
  const lines = (a.to !== undefined ? 1 : 0) + a.options.length + a.comments.length + a.commentLines + a.signer.signLines + 1 + a.signer.positions.length + (a.signer.date ? 1 : 0);
  const fits = lines * fontSize * ctx.fonts.lineHeightEm * ctx.lineHeight < ctx.textHeight * 0.8;
  return { stack, margin: [0, 6, 0, 0], ...(fits ? { unbreakable: true } : {}) };
}
