/**
 * Diagnostics as the page shows them: the CLI's code, message and hint in the
 * run's language, at 1-based line:column, with an end on the same line so
 * the editor can underline the value (the CLI's positions mark a start only).
 * A diagnostic about a whole file (line 0) is shown on its first line.
 */
import type { Diagnostic } from "../diag/diagnostic.js";
import { hintOf, messageOf, type Lang } from "../diag/format.js";

export interface ApiDiagnostic {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly hint: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** `texts`: the files' texts by path, to find where the marked value ends. */
export function toApiDiagnostic(d: Diagnostic, lang: Lang, texts: ReadonlyMap<string, string>): ApiDiagnostic {
  const file = d.pos?.file ?? "";
  const line = d.pos && d.pos.line > 0 ? d.pos.line : 1;
  const column = d.pos && d.pos.line > 0 ? Math.max(1, d.pos.col) : 1;
  const lineText = texts.get(file)?.split("\n")[line - 1] ?? "";
  return {
    code: d.code,
    severity: d.severity,
    message: messageOf(d, lang),
    hint: hintOf(d, lang) ?? "",
    file,
    line,
    column,
    endLine: line,
    endColumn: valueEnd(lineText, column),
  };
}

/** The column just after the value that starts at `column`: up to a comment (" #") or the end of the line, trailing blanks left out. */
export function valueEnd(lineText: string, column: number): number {
  const rest = lineText.replace(/\r$/, "").slice(column - 1);
  const comment = /(^|\s)#/.exec(rest);
  const value = (comment ? rest.slice(0, comment.index) : rest).trimEnd();
  return column + Math.max(1, value.length);
}
