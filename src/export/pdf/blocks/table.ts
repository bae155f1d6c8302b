import type { CellBlock, Table, TableCell } from "../../../model/document.js";
import { assertNever } from "../../../model/document.js";
import { DEFAULT_TABLE_SIZE_PT, tableGrid } from "../../../model/layout.js";
import { markedText } from "../thai-wrap.js";
import { list, paragraph, pdfAlign } from "./text.js";
import { pt, type BlockContext, type Node } from "./context.js";

const PAD_X = 4;
const PAD_Y = 2;
const LINE = 0.5;
const SHADE = "#E6E6E6";
/** Rows estimated taller than this share of the page may split across pages. */
const TALL_ROW_SHARE = 0.8;

function tableLayout(borders: boolean): Node {
  return {
    hLineWidth: () => (borders ? LINE : 0),
    vLineWidth: () => (borders ? LINE : 0),
    paddingLeft: () => PAD_X,
    paddingRight: () => PAD_X,
    paddingTop: () => PAD_Y,
    paddingBottom: () => PAD_Y,
  };
}

/**
 * Column widths in points from the model's weights. Computed here rather than
 * with pdfmake's '*', which ignores the table's own side margins and padding
 * and so overflows the right margin.
 */
export function columnWidths(weights: readonly number[], textWidth: number, borders: boolean): number[] {
  const n = weights.length;
  const content = textWidth - n * 2 * PAD_X - (borders ? (n + 1) * LINE : 0);
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0) || n;
  return weights.map((w) => (Math.max(0, w) / total) * content);
}

function cellBlock(b: CellBlock, ctx: BlockContext, sizePt: number): Node {
  switch (b.type) {
    case "paragraph":
      return paragraph(b, ctx, sizePt);
    case "list":
      return list(b, ctx, sizePt);
    default:
      return assertNever(b);
  }
}

/**
 * A cell block's text as pdfmake will measure it: with the break marks of
 * markedText (thai-wrap.ts; already made for the block's inlines by runsToInlines, so
 * looked up, not segmented again). Measured so, the estimate is shaped in
 * the pieces pdfmake shapes (faithful-font.ts cuts at U+200B), which the
 * layout shapes and caches anyway, instead of whole phrases between spaces
 * that nothing else draws: that shaping was 3 % of a measures PDF.
 */
function cellText(b: CellBlock): readonly string[] {
  return b.type === "paragraph" ? [markedText(b.runs)] : b.items.map((i) => i.marker + " " + markedText(i.runs));
}

/** A generous guess of a cell's height, only to tell whether a row could outgrow a page. */
function estimateHeight(cell: TableCell, width: number, ctx: BlockContext, sizePt: number): number {
  const fontSize = pt(ctx, sizePt);
  const lineHeight = fontSize * ctx.fonts.lineHeightEm * ctx.lineHeight;
  let lines = 0;
  for (const block of cell.blocks) {
    for (const text of cellText(block)) {
      for (const para of text.split("\n")) {
        lines += Math.max(1, Math.ceil((ctx.fonts.widthOf("normal", para, fontSize) * 1.15) / Math.max(width, 1)));
      }
    }
  }
  return lines * lineHeight + 2 * PAD_Y;
}

export function table(t: Table, ctx: BlockContext): Node {
  const n = t.columns.length;
  const borders = t.borders ?? true;
  const sizePt = t.sizePt ?? DEFAULT_TABLE_SIZE_PT;
  const widths = columnWidths(
    t.columns.map((c) => c.width),
    ctx.textWidth,
    borders,
  );
  let tallestRow = 0;
  let headerHeight = 0;
  let firstRowHeight = 0;
  const body = tableGrid(t.rows, n).rows.map((row, rowIndex) => {
    // pdfmake wants one node per grid column: {} where a span covers it, an empty text where no cell is.
    const out: Node[] = Array.from({ length: n }, (_, c) => (row.covered.has(c) ? {} : { text: "" }));
    let rowHeight = 0;
    for (const { cell, column: c, colSpan, rowSpan } of row.cells) {
      if (c >= n) continue;
      const span = Math.max(1, Math.min(colSpan, n - c));
      const node: Node = { stack: cell.blocks.map((b) => cellBlock(b, ctx, sizePt)) };
      if (span > 1) node["colSpan"] = span;
      if (rowSpan > 1) node["rowSpan"] = rowSpan;
      if (cell.shaded) node["fillColor"] = SHADE;
      if (cell.align) node["alignment"] = pdfAlign(cell.align);
      // pdfmake 0.3.11 centres a row-spanning cell with the top of its first
      // row measured in the wrong frame when that row is kept with the header
      // (or moved to the next page), and pushes the text down into the rows
      // below the span (IIT printed beside the EIT rows). A spanning cell is
      // therefore set at the top of its span, which is right everywhere.
      if (cell.vAlign && rowSpan === 1) node["verticalAlignment"] = cell.vAlign;
      const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0) + (span - 1) * 2 * PAD_X;
      rowHeight = Math.max(rowHeight, estimateHeight(cell, width, ctx, sizePt) / Math.max(1, rowSpan));
      out[c] = node;
      for (let k = 1; k < span; k++) out[c + k] = {};
    }
    if (rowIndex < t.headerRows) headerHeight += rowHeight;
    else tallestRow = Math.max(tallestRow, rowHeight);
    if (rowIndex === t.headerRows) firstRowHeight = rowHeight;
    return out;
  });
  return {
    table: {
      widths,
      headerRows: Math.min(t.headerRows, t.rows.length),
      // Unbreakable rows keep a row's lines together, but pdfmake drops what
      // does not fit on one page of an unbreakable block: allow splitting
      // when a row might be taller than a page.
      dontBreakRows: tallestRow < (ctx.textHeight - headerHeight) * TALL_ROW_SHARE,
      // Header + first row form one unbreakable block in pdfmake, which it
      // silently drops when taller than a page: keep them together only when
      // they fit with room to spare.
      keepWithHeaderRows: t.headerRows > 0 && headerHeight + firstRowHeight < ctx.textHeight * TALL_ROW_SHARE ? 1 : 0,
      body,
    },
    layout: tableLayout(borders),
    fontSize: pt(ctx, sizePt),
  };
}
