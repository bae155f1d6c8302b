import type { CellBlock, Table, TableCell } from "../../../model/document.js";
import { assertNever } from "../../../model/document.js";
import { DEFAULT_TABLE_SIZE_PT, tableGrid } from "../../../model/layout.js";
import { docxAlign, docxVAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { paragraphXml } from "../paragraph-xml.js";
import { TABLE_STYLE_ID } from "../styles.js";
import { listBlock } from "./list.js";
import { paragraphBlock, type ParagraphDefaults } from "./paragraph.js";

const SHADE = '<w:shd w:fill="D9D9D9" w:color="auto" w:val="clear"/>';
const NO_BORDERS =
  "<w:tblBorders>" +
  ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="none" w:color="auto" w:sz="0"/>`).join("") +
  "</w:tblBorders>";

/** A cell as written: its properties, its paragraphs, and what a merged cell below it copies. */
interface CellOut {
  /** First grid column (model/layout.ts tableGrid). */
  readonly column: number;
  readonly widthTwips: number;
  readonly colSpan: number;
  /** Rows the model cell spans, itself included (1 on the continuing cells written for it). */
  readonly rowSpan: number;
  readonly merge: "restart" | "continue" | undefined;
  readonly shaded: boolean;
  readonly vAlign: string | undefined;
  readonly content: string;
  /** w:jc of the cell's last paragraph, which the empty paragraph of a merged cell below repeats. */
  readonly lastAlign: string | undefined;
}

/**
 * Header rows repeat on every page (w:tblHeader) and no row splits across a
 * page (w:cantSplit), so a long table breaks between rows. Spans follow HTML:
 * a cell covered by a rowSpan from above is left out of the later rows, and
 * written here as a w:vMerge="continue" cell, as Word needs.
 */
export function tableBlock(t: Table, ctx: DocxContext): string {
  const widths = scaleWidths(
    t.columns.map((c) => c.width),
    ctx.textWidthTwips,
  );
  const sizePt = t.sizePt ?? DEFAULT_TABLE_SIZE_PT;
  const placed: CellOut[][] = tableGrid(t.rows, t.columns.length).rows.map((row, r) => {
    const defaults: ParagraphDefaults = { style: r < t.headerRows ? "tableHeader" : "tableText", sizePt };
    return row.cells.map(({ cell, column, colSpan }) => {
      let width = 0;
      for (let c = column; c < column + colSpan && c < widths.length; c++) width += widths[c]!;
      return cellOut(cell, column, width, ctx, defaults);
    });
  });
  const rows = withMergedCells(placed);
  let xml =
    `<w:tbl><w:tblPr><w:tblStyle w:val="${TABLE_STYLE_ID}"/><w:tblW w:type="dxa" w:w="${ctx.textWidthTwips}"/>` +
    `${t.borders === false ? NO_BORDERS : ""}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`;
  for (const w of widths) xml += `<w:gridCol w:w="${w}"/>`;
  xml += "</w:tblGrid>";
  rows.forEach((cells, r) => {
    // A row with no cells would be invalid; Word has no way to show it anyway.
    if (cells.length === 0) return;
    // Only header rows say w:tblHeader: mammoth reads any w:tblHeader, even w:val="off", as a header row.
    xml += `<w:tr><w:trPr><w:cantSplit/>${r < t.headerRows ? "<w:tblHeader/>" : ""}</w:trPr>`;
    for (const cell of cells) xml += cellXml(cell);
    xml += "</w:tr>";
  });
  return xml + "</w:tbl>";
}

function cellOut(cell: TableCell, column: number, widthTwips: number, ctx: DocxContext, rowDefaults: ParagraphDefaults): CellOut {
  // The row's defaults are shared by its cells: a cell's own alignment makes an object of its own (no spread: every cell comes here).
  const defaults: ParagraphDefaults = cell.align ? withAlign(rowDefaults, cell.align) : rowDefaults;
  let content = "";
  let lastAlign: string | undefined;
  for (const b of cell.blocks) {
    const xml = cellBlock(b, ctx, defaults);
    if (xml === "") continue;
    content += xml;
    const align = b.type === "paragraph" ? (b.align ?? defaults.align) : defaults.align;
    lastAlign = align === undefined ? undefined : docxAlign(align);
  }
  if (content === "") {
    // A cell must hold a paragraph; an empty one still gets the table's font and size.
    content = paragraphBlock({ type: "paragraph", runs: [] }, ctx, defaults);
    lastAlign = defaults.align === undefined ? undefined : docxAlign(defaults.align);
  }
  const rowSpan = cell.rowSpan ?? 1;
  // Absent fields set to undefined rather than spread in: cellXml writes an element only for a defined value.
  return {
    column,
    widthTwips,
    colSpan: cell.colSpan ?? 1,
    rowSpan,
    merge: rowSpan > 1 ? "restart" : undefined,
    shaded: cell.shaded === true,
    vAlign: cell.vAlign ? docxVAlign(cell.vAlign) : undefined,
    content,
    lastAlign,
  };
}

function withAlign(defaults: ParagraphDefaults, align: NonNullable<ParagraphDefaults["align"]>): ParagraphDefaults {
  return defaults.sizePt === undefined ? { style: defaults.style, align } : { style: defaults.style, align, sizePt: defaults.sizePt };
}

/**
 * Each row with, at their grid columns, a w:vMerge="continue" cell for every
 * cell above whose rowSpan reaches into it (Word wants a cell at every column).
 */
function withMergedCells(rows: readonly CellOut[][]): readonly CellOut[][] {
  // Most tables merge no rows: nothing to add, and a row whose cells are in column order stays as it is (the sort is stable).
  if (!rows.some((cells) => cells.some((c, i) => c.rowSpan > 1 || (i > 0 && cells[i - 1]!.column > c.column)))) return rows;
  return rows.map((cells, r) => {
    const continuing: CellOut[] = [];
    rows.slice(0, r).forEach((above, a) => {
      for (const cell of above) {
        if (cell.rowSpan > 1 && a + cell.rowSpan - 1 >= r) {
          continuing.push({ ...cell, rowSpan: 1, merge: "continue", content: paragraphXml(cell.lastAlign === undefined ? {} : { align: cell.lastAlign }, "") });
        }
      }
    });
    return [...cells, ...continuing].sort((x, y) => x.column - y.column);
  });
}

function cellXml(c: CellOut): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${c.widthTwips}"/>` +
    (c.colSpan > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : "") +
    (c.merge !== undefined ? `<w:vMerge w:val="${c.merge}"/>` : "") +
    (c.shaded ? SHADE : "") +
    (c.vAlign !== undefined ? `<w:vAlign w:val="${c.vAlign}"/>` : "") +
    `</w:tcPr>${c.content}</w:tc>`
  );
}

/** A cell's block as its paragraphs' XML, joined ("" for a list with no items). */
function cellBlock(b: CellBlock, ctx: DocxContext, defaults: ParagraphDefaults): string {
  switch (b.type) {
    case "paragraph":
      return paragraphBlock(b, ctx, defaults);
    case "list":
      return listBlock(b, ctx, defaults).join("");
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
