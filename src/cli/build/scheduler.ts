/**
 * How a build runs its tasks: how many at once (--jobs), in worker threads,
 * stopping cleanly on Ctrl-C, and giving up a document (not the run) when its
 * worker died making it.
 */
import { availableParallelism } from "node:os";
import { UsageError } from "../io.js";
import { removeStaleTemporaryFiles } from "../write-atomic.js";
import type { TemplateSet } from "../../render/load-templates.js";
import type { OrgBuildSettings, OrgBuildTask } from "./build-org.js";
import { InThreadRunner, type TaskRunner } from "./in-thread.js";
import { applyJitFlags, lateTierUp } from "./jit-flags.js";
import type { ReadTemplateFiles } from "./resources-load.js";
import { WorkerPool, type TaskOutcome } from "./pool.js";

/** --jobs as given; undefined when not given (the count is then chosen from the work, `workerCount`). */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs: ${value} (1–64)`);
  return n;
}

/**
 * Organisations each worker should have before one more worker is started. A worker costs CPU of
 * its own (modules, font parsing, template compiling, shaping caches and JIT warming up, its own
 * capped heap): `build --jobs 2` on 4, 16 and 32 synthetic organisations took 0.9–2.6 s more CPU
 * than `--jobs 1` (bench/RESULTS.md, issue 17), what 15–35 organisations cost (memo DOCX +
 * measures PDF, ~70 ms CPU each while warm). A second worker on the examples' two organisations
 * made the build 1.66× slower; with 32 organisations per worker its cost is repaid.
 */
export const ORGANISATIONS_PER_WORKER = 32;

/**
 * How many workers a build starts: --jobs when given (never more than there are organisations);
 * otherwise one per ORGANISATIONS_PER_WORKER organisations, at least one, at most one per core.
 */
export function workerCount(organisations: number, jobs: number | undefined, cores: number = availableParallelism()): number {
  if (organisations <= 0) return 0;
  if (jobs !== undefined) return Math.min(jobs, organisations);
  return Math.max(1, Math.min(cores, Math.floor(organisations / ORGANISATIONS_PER_WORKER)));
}

/**
 * Fewer organisations than this, without --jobs, are built in the command's own thread (in-thread.ts):
 * they would get one worker anyway (workerCount), whose start (~1.3 s CPU: modules, templates compiled
 * again, fonts, a cold JIT) costs more than the documents of a handful of organisations. What a worker
 * adds, a capped heap so that one document that exhausts memory costs that document only and a long
 * run's memory stays flat, matters for the large runs that stay in workers, and --jobs keeps workers
 * for any run. Bounded by a count, not by the worker count, so that a one-core machine's national run
 * still goes to a worker.
 */
export const IN_THREAD_BELOW = 2 * ORGANISATIONS_PER_WORKER;

/** Where a build's tasks run: in this thread, or in `workers` worker threads. */
export type Placement = { readonly inThread: true } | { readonly inThread: false; readonly workers: number };

/** In this thread for a small run without --jobs (IN_THREAD_BELOW), otherwise workerCount workers. */
export function placement(organisations: number, jobs: number | undefined, cores: number = availableParallelism()): Placement {
  if (jobs === undefined && organisations < IN_THREAD_BELOW) return { inThread: true };
  return { inThread: false, workers: workerCount(organisations, jobs, cores) };
}

/** Set by Ctrl-C; the scheduler hands out no further task once it is. */
export interface Stop {
  interrupted: boolean;
}

/**
 * Runs `body` with Ctrl-C turned into `stop.interrupted` (finished documents are kept, locks released);
 * the handler is one-shot, so a second Ctrl-C ends the process at once.
 */
export async function withCtrlC<T>(body: (stop: Stop) => Promise<T>): Promise<T> {
  const stop: Stop = { interrupted: false };
  const onSigint = () => {
    stop.interrupted = true;
  };
  process.once("SIGINT", onSigint);
  try {
    return await body(stop);
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
}

/**
 * The run's templates: the set the command compiled, which a run in this thread uses (a run in workers may
 * have none), and the files it read.
 */
export interface RunTemplates {
  readonly set?: TemplateSet;
  /**
   * The files the command read and hashed: the workers compile these instead of reading the folder again
   * (20–30 ms CPU each, bench/RESULTS.md "wip/lo6"), and a worker started mid-run compiles what the run's key says.
   */
  readonly read?: ReadTemplateFiles;
}

/** Runs every task where `where` says (see placement); true when stopped by Ctrl-C. */
export async function runAll(
  tasks: readonly OrgBuildTask[],
  settings: OrgBuildSettings,
  templates: RunTemplates,
  where: Placement,
  stop: Stop,
  onResult: (task: OrgBuildTask, outcome: TaskOutcome) => void,
): Promise<boolean> {
  // In worker threads for --jobs (also --jobs 1) and large runs: a document that exhausts a worker's capped heap
  // costs that document (the pool says which one, and the organisation is built again without it), not the run.
  // Nothing to build (a rerun where every organisation was unchanged): start no worker, since workers
  // load fonts and templates as soon as they start.
  if (tasks.length === 0) return stop.interrupted;
  // Before the first document is made here, or by the pool once its first workers have booted (worker-boot.ts):
  // a small run's code is optimised later (jit-flags.ts).
  const jitFlags = () => applyJitFlags(tasks.length);
  if (where.inThread) jitFlags();
  const size = where.inThread ? 1 : Math.max(1, Math.min(where.workers, tasks.length));
  // The same runs get a small run's heap growing factor (worker-heap.ts), so that the flags match a recorded code cache.
  const pool: TaskRunner = where.inThread
    ? new InThreadRunner(settings, compiledSet(templates))
    : new WorkerPool(size, { settings, ...(templates.read ? { templateFiles: templates.read } : {}) }, { smallRun: lateTierUp(tasks.length), flags: jitFlags });
  try {
    let next = 0;
    const lane = async () => {
      while (!stop.interrupted && next < tasks.length) {
        const task = tasks[next++]!;
        onResult(task, await runWithoutLostDocuments(pool, task));
      }
    };
    await Promise.all(Array.from({ length: size }, lane));
  } finally {
    await pool.close();
  }
  return stop.interrupted;
}

/** The compiled set a run in this thread needs (the command compiles it whenever the run is placed here). */
function compiledSet(templates: RunTemplates): TemplateSet {
  if (!templates.set) throw new Error("a build in the command's thread needs the templates compiled first");
  return templates.set;
}

/**
 * Runs a task; when its worker died while making a document, runs it again
 * without that document (reported as E_DOC_MEMORY by buildOrganisation), so
 * the organisation's other documents are made. Bounded: each document is
 * given up at most once.
 */
async function runWithoutLostDocuments(pool: TaskRunner, task: OrgBuildTask): Promise<TaskOutcome> {
  let current = task;
  for (;;) {
    const outcome = await pool.run(current);
    if (outcome.ok || !outcome.document || current.skip?.some((k) => k.name === outcome.document)) return outcome;
    current = { ...current, skip: [...(current.skip ?? []), { name: outcome.document, reason: outcome.message }] };
  }
}

/** After Ctrl-C, a worker may have been stopped between writing a temporary file and renaming it. */
export async function removeTemporaryFiles(tasks: readonly OrgBuildTask[]): Promise<void> {
  for (const t of tasks) await removeStaleTemporaryFiles(t.outDir);
}
