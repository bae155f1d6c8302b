/**
 * When V8 optimises a build's code, chosen from the size of the run.
 *
 * V8 hands a function to its optimising compiler (TurboFan, on helper threads) once the
 * function has run about `--interrupt-budget` bytes of bytecode. A build's code (yaml, zod,
 * pdfmake, pdfkit, fontkit, the exporter) is large, and every worker is a fresh isolate that
 * compiles it again. Measured with perf on 100 memo PDFs in two workers (bench/RESULTS.md,
 * "wip/lo"): TurboFan took ~40 % of the command's CPU, on the threads the workers need, for
 * code most of which a run of that size does not run long enough to repay.
 *
 * A later tier-up (8 × V8's budget) optimises only what stays hot across many documents:
 * −20 to −40 % CPU for 1–100 organisations, neutral at 300 (same-run pairs), but +5 to +10 %
 * on 1,000 organisations and the national set, where hot code waits longer in the slower tiers
 * (measured by the lead at stop 20, when it was applied to every run and reverted). So it
 * is applied to small runs only; a large run keeps V8's default.
 *
 * JIT tiers do not change what code computes: the output bytes are the same either way.
 * V8 flags are the process's (a Worker's execArgv refuses them), set once, before the first
 * document is made in this thread, or by the pool once its first workers have booted and before
 * they load the build (worker-boot.ts), like the heap flags (worker-heap.ts).
 */
import { setFlagsFromString } from "node:v8";
import { v8FlagsChanged } from "../code-cache.js";
import { firstTime } from "./applied-once.js";

/** V8's own budget in this Node (node --v8-options: --interrupt-budget=67584). */
const V8_DEFAULT_BUDGET = 67_584;

/** 8 × the default: of 2×, 4×, 8× and 16× on 100 organisations, 8× took the least CPU (r2memo, wip/lo). */
export const INTERRUPT_BUDGET = 8 * V8_DEFAULT_BUDGET;

/** The V8 flag, as setFlagsFromString takes it. */
export const INTERRUPT_BUDGET_FLAG = `--interrupt-budget=${INTERRUPT_BUDGET}`;

/**
 * Runs of fewer organisations than this get the later tier-up. Where it stops paying was measured on
 * memo PDFs, pairs started at the same moment: 100 organisations −27 %, 300 −2 to −4 % (noise), 1,000 +5 to +10 %.
 */
export const LATE_TIER_UP_BELOW = 200;

/** Whether a run of `organisations` organisations to build gets the later tier-up. */
export function lateTierUp(organisations: number): boolean {
  return organisations > 0 && organisations < LATE_TIER_UP_BELOW;
}

/** Sets the later tier-up for the whole process when the run is small (lateTierUp); only the first call does anything. */
export function applyJitFlags(organisations: number): void {
  applyLateTierUp(lateTierUp(organisations));
}

/** Sets the later tier-up for the whole process, or fixes that it stays off; only the first call of either does anything. */
export function applyLateTierUp(on: boolean): void {
  if (!firstTime("late-tier-up")) return;
  if (on) {
    setFlagsFromString(INTERRUPT_BUDGET_FLAG);
    v8FlagsChanged();
  }
}
