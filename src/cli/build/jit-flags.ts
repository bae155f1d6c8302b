/**
 * When V8 optimises a build's functions: later than its default, for every thread of the process.
 *
 * V8 hands a function to its optimising compiler (TurboFan, on helper threads) once the
 * function has run about `--interrupt-budget` bytes of bytecode. A build's code (pdfmake,
 * pdfkit, fontkit, yaml, the exporter) is large and each worker is a fresh isolate that
 * compiles it all again: on 100 memo PDFs, one worker's thread spent 2.65 s CPU and V8's
 * helper threads another 2.6 s, ~1.8 s of it optimising (bench/RESULTS.md, "r2memo"),
 * and turning optimisation off altogether cost no more CPU than leaving it on. A larger
 * budget optimises only what stays hot across documents (the shaping, layout and writing
 * loops) and leaves the once-per-run and rarely-run code in the interpreter and Sparkplug.
 * JIT tiers do not change what code computes: the output bytes are the same.
 *
 * Set like the heap flags (worker-heap.ts): V8 flags are the process's; set once, before
 * the first worker starts.
 */
import { setFlagsFromString } from "node:v8";

/**
 * 8 × V8's default (67,584). Chosen by measurement (bench/RESULTS.md, "r2memo"; 100 synthetic
 * organisations, memo PDF, 2 workers, variants alternated): user + system CPU 8.20 s at the
 * default, 7.53 s at 2×, 7.11 s at 4×, 6.97 s at 8×.
 */
export const INTERRUPT_BUDGET = 8 * 67_584;

/** The V8 flag, as setFlagsFromString takes it. */
export const INTERRUPT_BUDGET_FLAG = `--interrupt-budget=${INTERRUPT_BUDGET}`;

let applied = false;

/** Sets the budget for every isolate of the process; only the first call does anything. */
export function applyJitFlags(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(INTERRUPT_BUDGET_FLAG);
}
