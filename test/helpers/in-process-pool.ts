/**
 * Builds in tests run their organisations in the test's own process unless a
 * test asks for real worker threads (`withRealWorkers`). A worker thread is a
 * fresh V8 isolate: it loads src/ through the ts-worker loader, loads the
 * fonts and compiles the templates, and its first document runs cold; that
 * costs about 1.3 s of CPU each, and the suite started about 75 of them (most
 * of its CPU time). What a test of a build checks (the documents, the report,
 * the manifest, what is kept and removed) is the same here: this pool runs
 * the same buildOrganisation with the same resources a worker loads
 * (src/cli/build/worker.ts), and passes the task, the settings and the result
 * through structuredClone, as postMessage does, so data that cannot cross a
 * thread still fails.
 *
 * Real workers (withRealWorkers, ./real-workers.ts) stay where the worker is what is tested: a worker that dies or
 * runs out of its capped heap, a manifest too big for that heap, byte-identical
 * output across --jobs 1 and 2, the pool from source (test/cli/build/pool-source.test.ts),
 * and every test that runs dist/cli/bin.js in a process of its own (this file
 * is not there). ITADOC_TEST_WORKER_FAULT always gets real workers.
 *
 * Installed by vitest.config.ts `setupFiles`: vi.mock there applies to every test file.
 */
import { vi } from "vitest";
import type { TaskOutcome, WorkerPool } from "../../src/cli/build/pool.js";
import type { OrgBuildTask } from "../../src/cli/build/build-org.js";
import { poolsMade, realWorkersWanted } from "./real-workers.js";

type PoolArgs = ConstructorParameters<typeof WorkerPool>;
/** Every public member of the real pool: one added there does not compile here until the stand-in has it. */
type Pool = Pick<WorkerPool, keyof WorkerPool>;

/** The worker's job (worker.ts), in this thread. */
class InProcessPool implements Pool {
  private readonly init: PoolArgs[1];
  private resources?: ReturnType<typeof loadResources>;

  constructor(init: PoolArgs[1]) {
    this.init = structuredClone(init);
  }

  /** One task at a time, as in one worker: module state (caches, pdfmake's) is never shared by two at once. */
  private queue: Promise<unknown> = Promise.resolve();

  run(task: OrgBuildTask): Promise<TaskOutcome> {
    // As postMessage does in WorkerPool.run: a task that cannot be cloned rejects the run (never throws).
    let copy: OrgBuildTask;
    try {
      copy = structuredClone(task);
    } catch (e) {
      return Promise.reject(e);
    }
    const outcome = this.queue.then(() => this.build(copy));
    this.queue = outcome.catch(() => undefined);
    return outcome;
  }

  private async build(copy: OrgBuildTask): Promise<TaskOutcome> {
    const { buildOrganisation } = await import("../../src/cli/build/build-org.js");
    try {
      this.resources ??= loadResources(this.init);
      // In the worker, a result that cannot be cloned throws at its postMessage, inside its try: {ok: false}.
      const result = await buildOrganisation(copy, this.init.settings, await this.resources, () => {});
      return { ok: true, result: structuredClone(result) };
    } catch (e) {
      // As worker.ts posts it: the pool reports a task that threw by its message.
      return { ok: false, message: (e as Error)?.message ?? String(e) };
    }
  }

  async close(): Promise<void> {}
}

/** What worker.ts loads once per worker (its getResources), once per pool here. */
async function loadResources(init: PoolArgs[1]) {
  const [{ compileTemplates, loadTemplates }, { loadBundledFonts }, { loadBundledPdfFonts }] = await Promise.all([
    import("../../src/cli/build/resources-load.js"),
    import("../../src/cli/resources.js"),
    import("../../src/cli/pdf-fonts.js"),
  ]);
  const t = init.templateFiles ? await compileTemplates(init.templateFiles) : await loadTemplates(undefined, init.settings.cwd);
  if (!t.ok) throw new Error("templates failed to load in a worker");
  return { templates: t.set, fonts: await loadBundledFonts(), pdfFonts: await loadBundledPdfFonts() };
}

vi.mock("../../src/cli/build/pool.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/cli/build/pool.js")>();
  /** Decides per pool, when the build makes it: real threads inside withRealWorkers or with a fault to inject. */
  class SwitchingPool implements Pool {
    private readonly pool: Pool;
    constructor(...args: PoolArgs) {
      const threads = realWorkersWanted();
      poolsMade[threads ? "threads" : "inProcess"]++;
      this.pool = threads ? new real.WorkerPool(...args) : new InProcessPool(args[1]);
    }
    run(task: OrgBuildTask): Promise<TaskOutcome> {
      return this.pool.run(task);
    }
    close(): Promise<void> {
      return this.pool.close();
    }
  }
  return { ...real, WorkerPool: SwitchingPool };
});
