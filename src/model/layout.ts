/**
 * Layout rules both exporters read, so a PDF and a DOCX of one model cannot
 * drift apart: the look of every paragraph style and heading level, the
 * regulation's memo sizes, and the one walk of a table's row/column spans.
 *
 * Sizes are official-face points relative to the document's body size (the
 * PDF scales them for the face it embeds, the DOCX writes them as they are).
 *
 * Where the values come from: the ระเบียบงานสารบรรณ fixes only the memo's
 * sizes (29 pt บันทึกข้อความ, 20 pt labels, 16 pt body). The published
 * plans and reports in the seeds set their title bold a step above the body
 * with the organisation line right under it, and a template that wants a gap
 * after a title says so (measures.hbs: `after="6"` on the plan's title), so
 * the title style itself has no space after. Headings step down from the
 * title (+4, +2, body size), so each level can be told from the next.
 */
import type { Heading, ParagraphStyle, TableCell, TableRow } from "./document.js";

export interface BlockLook {
  /** Official-face points added to the body size. */
  readonly sizeDeltaPt: number;
  readonly bold: boolean;
  readonly align?: "center";
  readonly spaceBeforePt: number;
  readonly spaceAfterPt: number;
  /** Kept on the page of the block that follows. */
  readonly keepWithNext: boolean;
}

export const PARAGRAPH_LOOK: Readonly<Record<ParagraphStyle, BlockLook>> = {
  body: { sizeDeltaPt: 0, bold: false, spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: false },
  title: { sizeDeltaPt: 4, bold: true, align: "center", spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: true },
  subtitle: { sizeDeltaPt: 2, bold: true, align: "center", spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: true },
  small: { sizeDeltaPt: -2, bold: false, spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: false },
  // The model's default table size (14) is the body's 16 less 2.
  tableText: { sizeDeltaPt: -2, bold: false, spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: false },
  tableHeader: { sizeDeltaPt: -2, bold: true, align: "center", spaceBeforePt: 0, spaceAfterPt: 0, keepWithNext: false },
};

export const HEADING_LOOK: Readonly<Record<Heading["level"], BlockLook>> = {
  1: { sizeDeltaPt: 4, bold: true, spaceBeforePt: 6, spaceAfterPt: 3, keepWithNext: true },
  2: { sizeDeltaPt: 2, bold: true, spaceBeforePt: 6, spaceAfterPt: 3, keepWithNext: true },
  3: { sizeDeltaPt: 0, bold: true, spaceBeforePt: 6, spaceAfterPt: 3, keepWithNext: true },
};

/** The model's table size when a table names none (official-face points). */
export const DEFAULT_TABLE_SIZE_PT = 14;

/** The regulation sets บันทึกข้อความ at 29 pt and its field labels at 20 pt, whatever the body size. */
export const MEMO_TITLE_PT = 29;
export const MEMO_LABEL_PT = 20;
/** The typing guidance appended to the regulation: the title line is exactly 35 pt high. */
export const MEMO_TITLE_LINE_PT = 35;

/**
 * A paragraph's size: its style's, relative to the body; in a table, the
 * table's own size for every paragraph (a table's size is the whole table's).
 */
export function paragraphSizePt(style: ParagraphStyle, basePt: number, tableSizePt?: number): number {
  return tableSizePt ?? basePt + PARAGRAPH_LOOK[style].sizeDeltaPt;
}

export function headingSizePt(level: Heading["level"], basePt: number): number {
  return basePt + HEADING_LOOK[level].sizeDeltaPt;
}

/** A cell where the grid puts it. */
export interface PlacedCell {
  readonly cell: TableCell;
  /** Its first grid column (0-based). */
  readonly column: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

export interface GridRow {
  readonly cells: readonly PlacedCell[];
  /** Grid columns (below the declared count) that a rowSpan from an earlier row covers in this row. */
  readonly covered: ReadonlySet<number>;
  /**
   * Columns this row fills, covered ones included; at the first cell that
   * runs past the declared columns, where that cell would end.
   */
  readonly filled: number;
}

export interface Grid {
  readonly rows: readonly GridRow[];
  /** A rowSpan runs past the last row. */
  readonly spillsPastEnd: boolean;
}

/**
 * The table grid, HTML's rule: a cell takes the first column not covered by
 * a rowSpan from above; a cell covered from above is left out of later rows.
 * The renderer checks it (table-grid.ts) and both exporters place cells by it.
 */
export function tableGrid(rows: readonly TableRow[], columns: number): Grid {
  // The last row each grid column is covered to, by a rowSpan starting above or in it.
  const coveredTo: number[] = [];
  const isCovered = (col: number, r: number): boolean => (coveredTo[col] ?? -1) >= r;
  const out = rows.map((row, r): GridRow => {
    const covered = new Set<number>();
    for (let c = 0; c < columns; c++) if (isCovered(c, r)) covered.add(c);
    let col = 0;
    let filled: number | undefined;
    const cells = row.cells.map((cell): PlacedCell => {
      while (col < columns && isCovered(col, r)) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      const column = col;
      if (filled === undefined && column + colSpan > columns) filled = column + colSpan;
      for (let k = column; k < column + colSpan; k++) coveredTo[k] = r + rowSpan - 1;
      col += colSpan;
      return { cell, column, colSpan, rowSpan };
    });
    if (filled === undefined) {
      while (col < columns && isCovered(col, r)) col++;
      filled = col;
    }
    return { cells, covered, filled };
  });
  let spillsPastEnd = false;
  for (let c = 0; c < columns; c++) if (isCovered(c, rows.length)) spillsPastEnd = true;
  return { rows: out, spillsPastEnd };
}

/**
 * How a chart looks, in both formats: the PDF draws it by these numbers and
 * the DOCX chart part names the same colours, gap and text sizes, so a
 * chart a clerk edits in Word starts out as the PDF shows it. Text sizes are
 * relative to the body, like the table's (14 pt on a 16 pt body): they
 * print legibly on A4 under a 15 cm wide chart.
 */
export const CHART_LOOK = {
  titleSizeDeltaPt: 0,
  titleBold: true,
  /** Category labels, values above the bars, axis numbers, legend and the pass line's label. */
  labelSizeDeltaPt: -2,
  /** One colour per series (hex RGB, as DrawingML writes it), repeating past the last. */
  seriesColors: ["1F4E79", "ED7D31", "70AD47", "7F7F7F"],
  passLineColor: "C00000",
  gridColor: "D9D9D9",
  axisColor: "404040",
  /** Space between two categories' bar groups, in percent of one bar's width (DrawingML c:gapWidth). */
  gapWidthPct: 60,
  /** Space before and after the chart (official-face points). */
  spaceBeforePt: 6,
  spaceAfterPt: 6,
} as const;

export function chartColor(series: number): string {
  return CHART_LOOK.seriesColors[series % CHART_LOOK.seriesColors.length] as string;
}
