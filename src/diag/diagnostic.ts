/**
 * A diagnostic is data: a stable code, a severity, where it is, and the
 * parameters of its message. The Thai/English text is looked up only when it
 * is printed (diag/format.ts), so tests pin codes and positions, not prose.
 */
import type { Code } from "./codes.js";

export interface SourcePos {
  readonly file: string;
  /** 1-based line and column (UTF-16 units, as editors count). */
  readonly line: number;
  readonly col: number;
}

/**
 * "info": a note the clerk should know of but need not act on: provisional
 * framework data (printed once per run), or something itadoc put right by
 * itself (decomposed sara am). Never counted as a warning, so `--strict`
 * does not fail on it.
 */
export type Severity = "error" | "warning" | "info";

export type Params = Readonly<Record<string, string | number>>;

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly pos?: SourcePos;
  readonly params: Params;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

export function error(code: Code, params: Params = {}, pos?: SourcePos): Diagnostic {
  return pos ? { code, severity: "error", params, pos } : { code, severity: "error", params };
}

export function warning(code: Code, params: Params = {}, pos?: SourcePos): Diagnostic {
  return pos ? { code, severity: "warning", params, pos } : { code, severity: "warning", params };
}

export function info(code: Code, params: Params = {}, pos?: SourcePos): Diagnostic {
  return pos ? { code, severity: "info", params, pos } : { code, severity: "info", params };
}
