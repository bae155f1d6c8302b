/**
 * A bounded pool of worker threads, one organisation per task. A worker that
 * throws or dies fails only its task: the pool reports it and starts a
 * replacement. Tasks are handed out one at a time, so memory does not grow
 * with the number of inputs; a worker whose heap has grown past what a fresh
 * one needs says so with its result and is replaced between two tasks
 * (worker-heap.ts), so a long run's memory stays flat.
 */
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { OrgBuildResult, OrgBuildSettings, OrgBuildTask } from "./build-org.js";
import type { ReadTemplateFiles } from "./resources-load.js";
import { applyWorkerHeapFlags, replaceSpent, RETIRE_POLICY, WORKER_RESOURCE_LIMITS, type RetirePolicy } from "./worker-heap.js";

export { WORKER_RESOURCE_LIMITS };

/**
 * The worker's first module, beside this one: worker-boot.js in the compiled CLI (it loads
 * worker.js once the pool has set the flags). When this module
 * is itself the TypeScript source (the tests run src/ under vitest), worker-boot.ts, started
 * with the loader that the test configuration names in ITADOC_TS_WORKER_LOADER
 * (test/helpers/ts-worker/), so the worker runs the same sources as the test, not a stale dist/.
 */
const WORKER_ENTRY = ((): { url: URL; options: { execArgv?: string[] } } => {
  if (!import.meta.url.endsWith(".ts")) return { url: new URL("./worker-boot.js", import.meta.url), options: {} };
  const loader = process.env.ITADOC_TS_WORKER_LOADER;
  if (!loader) throw new Error("pool.ts runs from source but ITADOC_TS_WORKER_LOADER is not set (vitest.config.ts sets it)");
  return { url: new URL("./worker-boot.ts", import.meta.url), options: { execArgv: ["--import", loader] } };
})();

/** `document`: the document being made when the worker died (out of memory, a crash), when it was making one. */
export type TaskOutcome = { ok: true; result: OrgBuildResult } | { ok: false; message: string; document?: string };

interface Slot {
  worker: Worker;
  /** Its side of the boot handshake (worker-boot.ts) until the worker is told the flags are set. */
  boot?: MessagePort;
  busy?: { id: number; resolve: (o: TaskOutcome) => void; document?: string };
  /** Died or retired: its exit is expected, or already handled, and it is no longer in `slots`. */
  ended?: boolean;
}

/** A worker's answer to a task: progress (the document being made), or the outcome; `spent`: replace this worker now. */
type WorkerMessage = { id: number; progress: string | null } | ({ id: number; spent?: boolean } & TaskOutcome);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  /** Retired workers still ending: close() waits for them too. */
  private readonly ending = new Set<Promise<number>>();
  private nextId = 0;
  private closed = false;
  private readonly workerData: { settings: OrgBuildSettings; templateFiles?: ReadTemplateFiles; retire: RetirePolicy };
  private readonly onRetired?: () => void;
  /** Results received, and how many there were when a worker was last replaced for its memory. */
  private results = 0;
  private resultsAtRetire = -Infinity;
  /** Sets the run's V8 flags (worker-boot.ts says why after the first workers booted); undefined once done. */
  private setFlags: (() => void) | undefined;
  /** The first workers still booting: the flags are set when none is left. */
  private readonly booting = new Set<Slot>();
  /** Workers that booted while the flags were not yet set. */
  private readonly bootedWaiting: Slot[] = [];

  constructor(
    size: number,
    /** `templateFiles`: the template folder as the command read and hashed it; the workers compile these, not the folder again (absent: the shipped templates). */
    init: { settings: OrgBuildSettings; templateFiles?: ReadTemplateFiles },
    /**
     * `retire`: when a worker makes way for a fresh one; `onRetired`: told each time one does (tests and benchmarks);
     * `smallRun`: the run is small enough for a small run's heap growing factor (worker-heap.ts);
     * `flags`: the run's other V8 flags (jit-flags.ts), set with the heap's.
     */
    opts: { retire?: RetirePolicy; onRetired?: () => void; smallRun?: boolean; flags?: () => void } = {},
  ) {
    this.workerData = { ...init, retire: opts.retire ?? RETIRE_POLICY };
    if (opts.onRetired) this.onRetired = opts.onRetired;
    // Once the first workers have booted (worker-boot.ts), before any loads the build: V8 reads the growing
    // factor at each GC and the tier-up budget as functions are compiled, so both hold for all the build does.
    this.setFlags = () => {
      opts.flags?.();
      applyWorkerHeapFlags(opts.smallRun ?? false);
    };
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
    for (const slot of this.slots) this.booting.add(slot);
    if (size === 0) this.flagsNow();
  }

  /** Sets the flags, and lets every worker waiting for them load the build. */
  private flagsNow(): void {
    this.setFlags?.();
    this.setFlags = undefined;
    for (const slot of this.bootedWaiting.splice(0)) this.go(slot);
  }

  /** Lets a booted worker load the build (its handshake ends). */
  private go(slot: Slot): void {
    slot.boot?.postMessage("go");
    slot.boot?.close();
    slot.boot = undefined;
  }

  /** `slot` has booted (worker-boot.ts): it goes on at once, or when the flags are set, once no first worker is booting. */
  private booted(slot: Slot): void {
    this.booting.delete(slot);
    if (!this.setFlags) return this.go(slot);
    this.bootedWaiting.push(slot);
    if (this.booting.size === 0) this.flagsNow();
  }

  /** `slot` ended before it booted: the others are not kept waiting for it. */
  private bootGone(slot: Slot): void {
    slot.boot?.close();
    slot.boot = undefined;
    if (this.booting.delete(slot) && this.booting.size === 0 && this.setFlags && !this.closed) this.flagsNow();
  }

  private spawn(): Slot {
    const boot = new MessageChannel();
    // A cap on each worker's heap bounds a national run's memory (worker-heap.ts).
    const worker = new Worker(WORKER_ENTRY.url, {
      workerData: { ...this.workerData, boot: boot.port2 },
      transferList: [boot.port2],
      ...WORKER_ENTRY.options,
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    const slot: Slot = { worker, boot: boot.port1 };
    // Closed when the worker goes on (go), dies (bootGone) or the pool closes, so it never keeps the command alive.
    boot.port1.once("message", () => this.booted(slot));
    worker.on("message", (msg: WorkerMessage) => {
      const busy = slot.busy;
      if (!busy || busy.id !== msg.id) return;
      if ("progress" in msg) {
        busy.document = msg.progress ?? undefined;
        return;
      }
      slot.busy = undefined;
      busy.resolve(msg.ok ? { ok: true, result: msg.result } : { ok: false, message: msg.message });
      this.results++;
      // Between two tasks, the one moment a worker holds nothing: a spent one is replaced here, if memory says so.
      const retire = msg.spent === true && !this.closed && replaceSpent(process.memoryUsage.rss(), this.slots.length, this.results - this.resultsAtRetire, this.workerData.retire);
      this.release(retire ? this.replace(slot, "retire") : slot);
    });
    const die = (why: string) => {
      // A worker that throws emits "error" and then "exit": replace it once, or the second
      // replacement is an orphan thread that close() never ends and the command never exits.
      if (slot.ended) return;
      this.bootGone(slot);
      const busy = slot.busy;
      slot.busy = undefined;
      if (this.closed) return;
      // Replace the dead worker in place, then fail only the task it held.
      const fresh = this.replace(slot, "dead");
      busy?.resolve(busy.document ? { ok: false, message: why, document: busy.document } : { ok: false, message: why });
      this.release(fresh);
    };
    worker.on("error", (e) => die(e.message));
    worker.on("exit", (code) => {
      if (!this.closed) die(`worker exited with code ${code}`);
    });
    return slot;
  }

  /** Puts a fresh worker in `slot`'s place; a retired one (idle, its result delivered) is ended, a dead one has ended already. */
  private replace(slot: Slot, why: "retire" | "dead"): Slot {
    slot.ended = true;
    const fresh = this.spawn();
    const idx = this.slots.indexOf(slot);
    if (idx >= 0) this.slots[idx] = fresh;
    if (why === "retire") {
      this.resultsAtRetire = this.results;
      this.onRetired?.();
      const ended = slot.worker.terminate().catch(() => 0);
      this.ending.add(ended);
      void ended.finally(() => this.ending.delete(ended));
    }
    return fresh;
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
    for (const slot of this.slots) this.bootGone(slot);
    await Promise.all([...this.slots.map((s) => s.worker.terminate()), ...this.ending]);
  }
}
