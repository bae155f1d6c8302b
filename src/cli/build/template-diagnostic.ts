/** A template problem as a diagnostic: shared by the main thread (templates loaded before the build) and the workers. */
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import type { Code } from "../../diag/codes.js";
import type { MarkupError } from "../../render/errors.js";

export function templateDiagnostic(e: MarkupError): Diagnostic {
  return error(e.code as Code, { detail: e.message, ...e.params }, { file: e.file, line: e.line, col: e.line > 0 ? 1 : 0 });
}
