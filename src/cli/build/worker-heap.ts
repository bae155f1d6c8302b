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
 * factor is set once, before the first worker starts, and also applies to the main
 * thread, which holds little during a build.
 */
import { setFlagsFromString } from "node:v8";

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

let applied = false;

/** Sets the growing factor for every heap of the process; only the first call does anything. */
export function applyWorkerHeapFlags(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(HEAP_GROWING_FLAG);
}

/**
 * When a worker makes way for a fresh one (pool.ts), as jest's `workerIdleMemoryLimit` does. A worker
 * that has made a few hundred organisations holds more than a fresh one needs: V8 keeps the old-space
 * pages it grew into (a worker is never idle, so its memory reducer never runs) and the shaping caches
 * keep filling, so a national run's memory climbed through the whole run. After a task (never during
 * one), a worker whose heap is past `heapMb` (V8's physical heap size: young generation, old space,
 * code, large objects) is ended and a fresh one takes its place.
 */
export interface RetirePolicy {
  readonly heapMb: number;
  /**
   * Never before this many organisations: a fresh worker costs ~1 s CPU (modules, fonts, templates, a
   * cold JIT, empty caches), so one whose own organisations fill its heap (a huge report) is not
   * replaced after every task.
   */
  readonly afterAtLeast: number;
}

/**
 * Chosen by measurement (bench/RESULTS.md, "wip/rss"): a fresh worker's heap is ~120 MB after 100
 * organisations (the young generation alone is 64 MB) and passes 150 MB after about 600.
 */
export const RETIRE_POLICY: RetirePolicy = { heapMb: 150, afterAtLeast: 200 };

/** Whether a worker that has made `tasks` organisations and whose heap is `heapPhysicalBytes` should now make way for a fresh one. */
export function workerSpent(tasks: number, heapPhysicalBytes: number, policy: RetirePolicy = RETIRE_POLICY): boolean {
  return tasks >= policy.afterAtLeast && heapPhysicalBytes > policy.heapMb * 1024 * 1024;
}
