/**
 * What a build tells the clerk: each distinct problem once, at most a
 * screenful of warnings (then counts per code), a one-line summary, and the
 * exit code.
 */
import type { Diagnostic } from "../../diag/diagnostic.js";
import { formatDiagnostic } from "../../diag/format.js";
import { Exit, type CliIO } from "../io.js";
import { BUILD_TEXT } from "./messages.js";

export interface Tally {
  done: number;
  docs: number;
  skipped: number;
  failedInputs: number;
  byKindFormat: Map<string, number>;
}

export const keyOf = (d: Diagnostic) => `${d.code}|${d.pos?.file}|${d.pos?.line}|${d.pos?.col}|${JSON.stringify(d.params)}`;

export function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = keyOf(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function exitCode(interrupted: boolean, errors: number, internal: boolean): number {
  if (interrupted) return Exit.usage;
  // A crashed worker is the tool's fault, not the input's: exit 2 as for any internal error.
  if (internal) return Exit.internal;
  return errors > 0 ? Exit.invalidInput : Exit.ok;
}

/** Counts of a run's problems, and the first few distinct warnings, in bounded memory. */
export class DiagnosticDigest {
  errors = 0;
  warnings = 0;
  internal = false;
  private readonly byCode = new Map<string, number>();
  private readonly kept: Diagnostic[] = [];
  /** Notes (severity info): distinct ones only, bounded like the warnings kept. */
  private readonly notes: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly keep: number) {}

  add(ds: readonly Diagnostic[]): void {
    for (const d of ds) {
      const key = keyOf(d);
      if (this.seen.has(key)) continue;
      if (this.seen.size < 10_000) this.seen.add(key);
      if (d.severity === "error") {
        this.errors++;
        // A crashed worker or a document that exhausted the memory is the tool's limit, not the input's fault.
        if (d.code === "E_INTERNAL" || d.code === "E_DOC_MEMORY") this.internal = true;
        continue;
      }
      // A note (provisional data, or something itadoc put right by itself) is shown but never counted as a warning.
      if (d.severity === "info") {
        if (this.notes.length < this.keep) this.notes.push(d);
        continue;
      }
      this.warnings++;
      this.byCode.set(d.code, (this.byCode.get(d.code) ?? 0) + 1);
      if (this.kept.length <= this.keep) this.kept.push(d);
    }
  }

  printWarnings(io: CliIO): void {
    for (const d of this.notes) io.err(formatDiagnostic(d, io.lang));
    if (this.warnings <= this.keep) {
      const sorted = [...this.kept].sort((a, b) => (a.pos?.file ?? "").localeCompare(b.pos?.file ?? "") || (a.pos?.line ?? 0) - (b.pos?.line ?? 0));
      for (const d of sorted) io.err(formatDiagnostic(d, io.lang));
      return;
    }
    io.err(BUILD_TEXT[io.lang].warningsCounted(this.warnings));
    for (const [code, n] of [...this.byCode].sort()) io.err(`  ${code}: ${n}`);
  }
}

export function printSummary(t: Tally, errors: number, warnings: number, seconds: number, interrupted: boolean, io: CliIO): void {
  const text = BUILD_TEXT[io.lang];
  const perKind = [...t.byKindFormat].sort().map(([k, n]) => `${k} ${n}`).join(", ") || "-";
  if (interrupted) io.err(text.interrupted);
  io.err(text.summary({ organisations: t.done, written: t.docs, unchanged: t.skipped, perKind, failedInputs: t.failedInputs, errors, warnings, seconds }));
}
