/**
 * A small build's organisations made in the command's own thread, one at a
 * time, with no worker at all. A worker is a fresh V8 isolate: it loads the
 * build's modules again, compiles the templates a second time (the main
 * thread has compiled them already, for their errors) and starts cold; for a
 * handful of organisations that start is most of the command (bench/RESULTS.md,
 * t17s). Same code path as a worker (buildOrganisation with the same
 * resources), so the same bytes.
 */
import type { TemplateSet } from "../../render/load-templates.js";
import type { BuildResources, OrgBuildSettings, OrgBuildTask } from "./build-org.js";
import { bundledResources } from "./resources-load.js";
import type { TaskOutcome, WorkerPool } from "./pool.js";

/** What the scheduler needs of a pool: WorkerPool's public members. */
export type TaskRunner = Pick<WorkerPool, keyof WorkerPool>;

export class InThreadRunner implements TaskRunner {
  private resources?: Promise<BuildResources>;
  /** One task at a time, as in one worker: module state (caches, pdfmake's) is never shared by two at once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: OrgBuildSettings,
    /** Compiled by the command before any document (its errors said once), used as they are. */
    private readonly templates: TemplateSet,
  ) {}

  run(task: OrgBuildTask): Promise<TaskOutcome> {
    const outcome = this.queue.then(() => this.build(task));
    this.queue = outcome.catch(() => undefined);
    return outcome;
  }

  private async build(task: OrgBuildTask): Promise<TaskOutcome> {
    try {
      // Loaded on the first task, not at import: a run with nothing to build never loads the pipeline or a font.
      const { buildOrganisation } = await import("./build-org.js");
      this.resources ??= bundledResources(this.templates);
      const result = await buildOrganisation(task, this.settings, await this.resources);
      return { ok: true, result };
    } catch (e) {
      // As a worker reports a task that threw: that organisation fails, the run goes on.
      return { ok: false, message: (e as Error)?.message ?? String(e) };
    }
  }

  async close(): Promise<void> {
    await this.queue;
  }
}

