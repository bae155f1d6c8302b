/**
 * The offending line of a source file with a caret under the column, as a
 * clerk needs it next to a YAML message: the editor's line number and the
 * spot to look at, without counting spaces by hand.
 */

/** Lines of `text` (without their line ends), 1-based access by `lineText(lines, n)`. */
export function sourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** "  12 |     - id: O3\n     |    ^" for 1-based `line` and `col` (UTF-16 units, like positions elsewhere). */
export function excerpt(lines: readonly string[], line: number, col: number): string {
  const src = (lines[line - 1] ?? "").replace(/\t/g, " ");
  const num = String(line);
  const gutter = " ".repeat(num.length);
  // The caret is placed under the character; Thai combining marks take no column, so count only spacing characters.
  const before = src.slice(0, Math.max(0, col - 1));
  const width = [...before].filter((ch) => !/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(ch)).length;
  return `${num} | ${src}\n${gutter} | ${" ".repeat(width)}^`;
}

/** Leading spaces of a line. */
export function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** A line with nothing for the parser: blank or only a comment. */
export function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}
