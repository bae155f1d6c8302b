/** The command's view of the terminal: bin.ts passes the process's streams; a caller that runs main() in-process passes its own. */
import type { Lang } from "../diag/format.js";

export interface CliIO {
  out(line: string): void;
  /** A line to stderr; `inPlace` writes it without a newline (progress bar redraws). */
  err(line: string, inPlace?: boolean): void;
  readonly lang: Lang;
  readonly isTTY: boolean;
  /** Working directory against which relative paths are resolved. */
  readonly cwd: string;
}

export const Exit = { ok: 0, invalidInput: 1, usage: 2, internal: 2 } as const;

export class UsageError extends Error {}
