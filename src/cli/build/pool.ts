/**
 * A bounded pool of worker threads, one organisation per task. A worker that
 * throws or dies fails only its task: the pool reports it and starts a
 * replacement. Tasks are handed out one at a time, so memory does not grow
 * with the number of inputs.
 */
import { Worker } from "node:worker_threads";
import type { OrgBuildResult, OrgBuildSettings, OrgBuildTask } from "./build-org.js";
import { applyWorkerHeapFlags, WORKER_RESOURCE_LIMITS } from "./worker-heap.js";

export { WORKER_RESOURCE_LIMITS };

/**
 * The worker's module, beside this one: worker.js in the compiled CLI. When this module
 * is itself the TypeScript source (the tests run src/ under vitest), worker.ts, started
 * with the loader that the test configuration names in ITADOC_TS_WORKER_LOADER
 * (test/helpers/ts-worker/), so the worker runs the same sources as the test, not a stale dist/.
 */
const WORKER_ENTRY = ((): { url: URL; options: { execArgv?: string[] } } => {
  if (!import.meta.url.endsWith(".ts")) return { url: new URL("./worker.js", import.meta.url), options: {} };
  const loader = process.env.ITADOC_TS_WORKER_LOADER;
  if (!loader) throw new Error("pool.ts runs from source but ITADOC_TS_WORKER_LOADER is not set (vitest.config.ts sets it)");
  return { url: new URL("./worker.ts", import.meta.url), options: { execArgv: ["--import", loader] } };
})();

/** `document`: the document being made when the worker died (out of memory, a crash), when it was making one. */
export type TaskOutcome = { ok: true; result: OrgBuildResult } | { ok: false; message: string; document?: string };

interface Slot {
  worker: Worker;
  busy?: { id: number; resolve: (o: TaskOutcome) => void; document?: string };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly init: { settings: OrgBuildSettings; templatesDir?: string },
  ) {
    // Before the first worker's heap is set up (worker-heap.ts says why).
    applyWorkerHeapFlags();
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // A cap on each worker's heap bounds a national run's memory (worker-heap.ts).
    const worker = new Worker(WORKER_ENTRY.url, { workerData: this.init, ...WORKER_ENTRY.options, resourceLimits: WORKER_RESOURCE_LIMITS });
    const slot: Slot = { worker };
    worker.on("message", (msg: ({ id: number } & TaskOutcome) | { id: number; progress: string | null }) => {
      const busy = slot.busy;
      if (!busy || busy.id !== msg.id) return;
      if ("progress" in msg) {
        busy.document = msg.progress ?? undefined;
        return;
      }
      slot.busy = undefined;
      busy.resolve(msg.ok ? { ok: true, result: msg.result } : { ok: false, message: msg.message });
      this.release(slot);
    });
    let dead = false;
    const die = (why: string) => {
      // A worker that throws emits "error" and then "exit": replace it once, or the second
      // replacement is an orphan thread that close() never ends and the command never exits.
      if (dead) return;
      dead = true;
      const busy = slot.busy;
      slot.busy = undefined;
      if (this.closed) return;
      // Replace the dead worker in place, then fail only the task it held.
      const idx = this.slots.indexOf(slot);
      const fresh = this.spawn();
      if (idx >= 0) this.slots[idx] = fresh;
      busy?.resolve(busy.document ? { ok: false, message: why, document: busy.document } : { ok: false, message: why });
      this.release(fresh);
    };
    worker.on("error", (e) => die(e.message));
    worker.on("exit", (code) => {
      if (!this.closed) die(`worker exited with code ${code}`);
    });
    return slot;
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
  }

  /** Starts the task on a free worker at once, or queues it; a slot is marked busy in the same tick it is chosen. */
  run(task: OrgBuildTask): Promise<TaskOutcome> {
    return new Promise((resolve) => {
      const start = (slot: Slot) => {
        const id = this.nextId++;
        slot.busy = { id, resolve };
        slot.worker.postMessage({ id, task });
      };
      const free = this.slots.find((s) => !s.busy);
      if (free) start(free);
      else this.waiting.push(start);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
