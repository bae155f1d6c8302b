/**
 * The header rows of a table of the clerk's own (`type: table`) from its
 * columns' headings. A heading is one text, or a list of texts from the top
 * header row down: `[ปี ๒๕๖๑, งบประมาณ (บาท)]` puts the year above the
 * budget, as real plans print them (docs/generality.md, ban-pao). A column
 * with fewer texts than the deepest one spans down to the last header row;
 * neighbouring columns whose texts above a row are the same, and that go on
 * below it, share one cell across (a group heading: `[งบประมาณ (บาท), ปี ๒๕๖๑]`,
 * `[งบประมาณ (บาท), ปี ๒๕๖๒]` print "งบประมาณ (บาท)" once over both years).
 * One text per column gives the one header row tables had before.
 */

export interface HeaderCell {
  readonly text: string;
  /** Columns it spans (1: its own). */
  readonly colspan: number;
  /** Header rows it spans (1: its own). */
  readonly rowspan: number;
}

export function headerRows(headings: readonly (string | readonly string[])[]): HeaderCell[][] {
  const levels = headings.map((h) => (typeof h === "string" ? [h] : h));
  const depth = Math.max(1, ...levels.map((l) => l.length));
  const sameAbove = (a: readonly string[], b: readonly string[], r: number) => a.slice(0, r + 1).every((t, k) => t === b[k]);
  const rows: HeaderCell[][] = [];
  for (let r = 0; r < depth; r++) {
    const row: HeaderCell[] = [];
    for (let i = 0; i < levels.length; ) {
      const here = levels[i]!;
      // Below its last text the column's cell spans down (made in an earlier row).
      if (r >= here.length) {
        i++;
        continue;
      }
      const last = r === here.length - 1;
      let j = i + 1;
      // A group heading (texts go on below it) is shared with the neighbours under the same texts.
      if (!last) while (j < levels.length && levels[j]!.length > r + 1 && sameAbove(here, levels[j]!, r)) j++;
      row.push({ text: here[r]!, colspan: j - i, rowspan: last ? depth - r : 1 });
      i = j;
    }
    rows.push(row);
  }
  return rows;
}
