/**
 * The table grid check: every row fills exactly the declared columns, counting
 * the cells spanned into it from rows above, and no rowspan runs past the last row.
 */
import type { TableRow } from "../../model/document.js";

/** What is wrong with the grid, one message per problem, in row order. */
export function gridProblems(rows: readonly TableRow[], columns: number): string[] {
  const problems: string[] = [];
  const carried: number[] = new Array<number>(columns).fill(0);
  rows.forEach((row, r) => {
    let col = 0;
    const next = carried.map((n) => Math.max(0, n - 1));
    for (const cell of row.cells) {
      while (col < columns && (carried[col] ?? 0) > 0) col++;
      const span = cell.colSpan ?? 1;
      if (col + span > columns) {
        col += span;
        break;
      }
      for (let k = col; k < col + span; k++) next[k] = (cell.rowSpan ?? 1) - 1;
      col += span;
    }
    while (col < columns && (carried[col] ?? 0) > 0) col++;
    if (col !== columns) problems.push(`table row ${r + 1} fills ${col} of the ${columns} columns given in widths`);
    carried.splice(0, columns, ...next);
  });
  if (carried.some((n) => n > 0)) problems.push("a rowspan reaches past the last row of the table");
  return problems;
}
