import {
  BorderStyle,
  ShadingType,
  Table as DocxTable,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableRow as DocxTableRow,
  WidthType,
  type Paragraph as DocxParagraph,
} from "docx";
import type { CellBlock, Table, TableCell } from "../../../model/document.js";
import { assertNever } from "../../../model/document.js";
import { docxVAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { TABLE_STYLE_ID } from "../styles.js";
import { listBlock } from "./list.js";
import { paragraphBlock, type ParagraphDefaults } from "./paragraph.js";

/** The model's default table size (official-face points). */
export const DEFAULT_TABLE_SIZE_PT = 14;
const SHADE_FILL = "D9D9D9";
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;

/**
 * Header rows repeat on every page (w:tblHeader) and no row splits across a
 * page (w:cantSplit), so a long table breaks between rows. Spans follow HTML:
 * a cell covered by a rowSpan from above is left out of the later rows.
 */
export function tableBlock(t: Table, ctx: DocxContext): DocxTable {
  const widths = scaleWidths(
    t.columns.map((c) => c.width),
    ctx.textWidthTwips,
  );
  const sizePt = t.sizePt ?? DEFAULT_TABLE_SIZE_PT;
  const columnsOf = cellColumns(t);
  const rows = t.rows.map((row, r) => {
    const header = r < t.headerRows;
    const defaults: ParagraphDefaults = { style: header ? "tableHeader" : "tableText", sizePt };
    return new DocxTableRow({
      tableHeader: header,
      cantSplit: true,
      children: row.cells.map((cell, c) => {
        const first = columnsOf[r]?.[c] ?? 0;
        const width = widths.slice(first, first + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
        return tableCell(cell, width, ctx, defaults);
      }),
    });
  });
  return new DocxTable({
    style: TABLE_STYLE_ID,
    width: { size: ctx.textWidthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    ...(t.borders === false
      ? { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER } }
      : {}),
    rows,
  });
}

function tableCell(cell: TableCell, widthTwips: number, ctx: DocxContext, rowDefaults: ParagraphDefaults): DocxTableCell {
  const defaults: ParagraphDefaults = cell.align ? { ...rowDefaults, align: cell.align } : rowDefaults;
  const children = cell.blocks.flatMap((b) => cellBlock(b, ctx, defaults));
  return new DocxTableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    ...(cell.vAlign ? { verticalAlign: docxVAlign(cell.vAlign) } : {}),
    ...(cell.shaded ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: SHADE_FILL } } : {}),
    // A cell must hold a paragraph; an empty one still gets the table's font and size.
    children: children.length > 0 ? children : [paragraphBlock({ type: "paragraph", runs: [] }, ctx, defaults)],
  });
}

function cellBlock(b: CellBlock, ctx: DocxContext, defaults: ParagraphDefaults): DocxParagraph[] {
  switch (b.type) {
    case "paragraph":
      return [paragraphBlock(b, ctx, defaults)];
    case "list":
      return listBlock(b, ctx, defaults);
    default:
      return assertNever(b);
  }
}

/** Column weights → whole twips that add up to the text width exactly. */
export function scaleWidths(weights: readonly number[], totalTwips: number): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return scaleWidths(weights.map(() => 1), totalTwips);
  let used = 0;
  return weights.map((w, i) => {
    if (i === weights.length - 1) return totalTwips - used;
    const twips = Math.round((Math.max(0, w) / sum) * totalTwips);
    used += twips;
    return twips;
  });
}

/** The first grid column of every cell, skipping columns that a rowSpan from above still covers. */
export function cellColumns(t: Table): number[][] {
  const coveredUntilRow: number[] = [];
  return t.rows.map((row, r) => {
    let col = 0;
    return row.cells.map((cell) => {
      while ((coveredUntilRow[col] ?? -1) >= r) col++;
      const first = col;
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span; k++) coveredUntilRow[first + k] = r + (cell.rowSpan ?? 1) - 1;
      col += span;
      return first;
    });
  });
}
