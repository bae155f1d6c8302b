/**
 * The table grid check: every row fills exactly the declared columns, counting
 * the cells spanned into it from rows above, and no rowspan runs past the last row.
 * The grid walk itself is the exporters' (model/layout.ts tableGrid).
 */
import type { TableRow } from "../../model/document.js";
import { tableGrid } from "../../model/layout.js";

/** What is wrong with the grid, one message per problem, in row order. */
export function gridProblems(rows: readonly TableRow[], columns: number): string[] {
  const grid = tableGrid(rows, columns);
  const problems = grid.rows.flatMap((row, r) => (row.filled === columns ? [] : [`table row ${r + 1} fills ${row.filled} of the ${columns} columns given in widths`]));
  if (grid.spillsPastEnd) problems.push("a rowspan reaches past the last row of the table");
  return problems;
}
