/**
 * How big a build worker's V8 heap may get, and how fast it grows there.
 *
 * The cap (old generation 384 MB, young 64 MB) bounds a national run's memory and turns a
 * runaway document into E_DOC_MEMORY for that document. But V8 also derives from the cap
 * how far the heap may grow past its live size before the next mark-compact: about 1.35×
 * at 384 MB, 4× without a cap. With 1.35× a worker ran three times as many mark-compacts
 * as the main thread and a document cost 1.2–1.35× more CPU (bench/RESULTS.md, "In a
 * worker vs on the main thread"); the cap itself is never reached (a national run
 * completes with 192 MB). So the cap stays and the growing factor is set apart from it.
 *
 * V8 flags are the process's, not a worker's (a Worker's execArgv refuses them): the
 * factor is set once, when the pool's first workers have booted and before they load the
 * build (worker-boot.ts; V8 reads it at each GC), and also applies to the main thread,
 * which holds little during a build.
 */
import { setFlagsFromString } from "node:v8";
import { v8FlagsChanged } from "../code-cache.js";
import { firstTime } from "./applied-once.js";

/** The limits each worker starts with (bench/stages.mjs reads them, to measure a worker as the pool makes it). */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 64 } as const;

/**
 * The heap may grow to (1 + this/100) × its live size before the next mark-compact. Chosen by
 * measurement against peak RSS (bench/RESULTS.md, section "t17w"; 300 synthetic organisations,
 * 2 workers, run side by side): 0 → 30.0 s CPU, 351 MB; 50 → 28.3 s, 360 MB; 100 → 27.7 s,
 * 402 MB. Each step saves mark-compacts and their helper-thread marking and costs each worker
 * about (factor − 1.35) × its live heap (~60 MB once the shaping caches are full); the
 * national run's memory (target under 500 MB) decides, so the smaller step.
 */
export const HEAP_GROWING_PERCENT = 50;

/** The V8 flag that sets the growing factor, as setFlagsFromString takes it. */
export const HEAP_GROWING_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/**
 * The growing factor of a small run's workers: a run of fewer organisations than
 * LATE_TIER_UP_BELOW (jit-flags.ts), the same runs that get the later tier-up. Such a worker
 * lives for a few dozen documents, and most of its mark-compacts come while it loads the PDF
 * stack and fills its shaping caches, when nearly everything it allocates stays live: at 1.5×
 * it marks the same growing heap again and again. Its memory is bounded by the run, not by the
 * cap. Measured (bench/RESULTS.md, "wip/lo5"), 100 memo PDFs in two workers, alternated in the
 * same minutes: 50 → 200 took 6–13 % less CPU of the command (three of four series lower in every
 * pair; 400 % and a larger young generation gained nothing more); peak RSS at 199 organisations
 * (memo DOCX + measures PDF) 340 → 432 MiB.
 */
export const SMALL_RUN_HEAP_GROWING_PERCENT = 200;

/** The growing-factor flag of a run: a small run's (smallRun) or a large one's. */
export const heapGrowingFlag = (smallRun: boolean): string => (smallRun ? `--heap-growing-percent=${SMALL_RUN_HEAP_GROWING_PERCENT}` : HEAP_GROWING_FLAG);

/**
 * Sets the growing factor for every heap of the process, a small run's or a large one's (heapGrowingFlag);
 * only the first call does anything. scripts/code-cache.mjs records the workers' code cache under each.
 */
export function applyWorkerHeapFlags(smallRun = false): void {
  if (!firstTime("heap-growing")) return;
  setFlagsFromString(heapGrowingFlag(smallRun));
  v8FlagsChanged();
}

/**
 * When a worker makes way for a fresh one (pool.ts), as jest's `workerIdleMemoryLimit` does. A worker
 * that has made a few hundred organisations holds more than a fresh one needs: V8 keeps the old-space
 * pages it grew into (a worker is never idle, so its memory reducer never runs) and its live heap
 * grew (through the whole national run, 470 → 550 MB: every score was a new entry of the words'
 * shaping cache, until numbers had a small cache of their own, shaping-cache.ts; then the paragraph
 * texts thai-wrap.ts keeps, each a slice that held its whole rendered document alive, until
 * BoundedCache kept copies: bench/RESULTS.md, "wip/heap"). But a fresh
 * worker costs ~2.5 s CPU before it is as fast again (start 0.4 s, then a cold JIT and empty caches:
 * bench/RESULTS.md, "wip/rss"), about what 50 organisations cost, so workers are replaced only when
 * the process as a whole is past its memory budget, not whenever one has grown.
 *
 * After a task (never during one), the worker says it is spent when it has made `afterAtLeast`
 * organisations and its heap (V8's physical heap size: young generation, old space, code, large
 * objects) is past `heapMb`; the pool ends it and starts a fresh one in its place if the process's
 * RSS is past `rssBaseMb + rssPerWorkerMb × workers` and no worker was replaced in the last
 * `afterAtLeast` organisations (so that the RSS a replacement gives back is seen before the next).
 */
export interface RetirePolicy {
  readonly heapMb: number;
  readonly afterAtLeast: number;
  readonly rssBaseMb: number;
  readonly rssPerWorkerMb: number;
}

/**
 * Measured (bench/RESULTS.md, "wip/rss"): the command's thread with idle workers is ~45 MB and a
 * worker with its resources loaded ~35 MB; a worker's heap is ~120 MB after 100 organisations (64 MB
 * of it the young generation) and ~150 MB after 600. Two workers: a budget of 450 MB, under the
 * 500 MB a national run must stay below, with room for one organisation's growth. The national set
 * (7,850 organisations) then peaks at 459 MB instead of 572, and replaces a worker 9 times, every
 * 500–1,000 organisations from the 1,943rd on: ~25 s of warm-up, some 7 % of its CPU. A higher
 * budget replaces later, not much less often (RSS climbs back at the same rate after each one).
 * With the numbers kept apart (bench/RESULTS.md, "wip/mem") the same set peaks at 457 MiB and
 * replaces a worker once, at the 6,009th organisation; without replacement it climbs to 538 MiB
 * at the start commit. The budget stays: it is now a bound that a national run reaches late, not
 * a saw it rides.
 */
export const RETIRE_POLICY: RetirePolicy = { heapMb: 130, afterAtLeast: 200, rssBaseMb: 100, rssPerWorkerMb: 175 };

const MB = 1024 * 1024;

/** Said by the worker with a result: it has made `tasks` organisations and its heap is `heapPhysicalBytes`. */
export function workerSpent(tasks: number, heapPhysicalBytes: number, policy: RetirePolicy = RETIRE_POLICY): boolean {
  return tasks >= policy.afterAtLeast && heapPhysicalBytes > policy.heapMb * MB;
}

/** Decided by the pool for a spent worker: whether the process is past its budget and no replacement is still settling. */
export function replaceSpent(rssBytes: number, workers: number, tasksSinceLastReplaced: number, policy: RetirePolicy = RETIRE_POLICY): boolean {
  return tasksSinceLastReplaced >= policy.afterAtLeast && rssBytes > (policy.rssBaseMb + policy.rssPerWorkerMb * workers) * MB;
}
