/**
 * A build worker: loads templates and fonts once, then builds one
 * organisation per message until the pool closes it.
 */
import "../code-cache-install.js";
import { basename } from "node:path";
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { bundledResources, compileTemplates, loadTemplates, type ReadTemplateFiles } from "./resources-load.js";
import { buildOrganisation, type BuildResources, type OrgBuildSettings, type OrgBuildTask } from "./build-org.js";
import { workerSpent, type RetirePolicy } from "./worker-heap.js";

interface WorkerInit {
  readonly settings: OrgBuildSettings;
  /** The templates as the command read them (the run's key holds their hash): compiled here without reading the folder again. */
  readonly templateFiles?: ReadTemplateFiles;
  readonly retire: RetirePolicy;
}

const init = workerData as WorkerInit;
let resources: Promise<BuildResources> | undefined;

async function getResources(): Promise<BuildResources> {
  resources ??= (async () => {
    const t = init.templateFiles ? await compileTemplates(init.templateFiles) : await loadTemplates(undefined, init.settings.cwd);
    if (!t.ok) throw new Error("templates failed to load in a worker");
    return bundledResources(t.set);
  })();
  return resources;
}
// Loaded as soon as this module is (worker-boot.ts loads it once the pool has set the run's flags), while the
// main thread is still handing out the first task; a failure is reported by the first task that awaits it (caught here so it is not unhandled).
getResources().catch(() => undefined);

/**
 * Test-only fault injection: ITADOC_TEST_WORKER_FAULT=crash:<folder name> ends this worker
 * abruptly (as a native crash or an out-of-memory kill would) when it is given that
 * organisation; throw:<folder name> throws outside the task's own error handling;
 * oom:<folder name>/<document> exhausts the worker's heap while that document is made.
 */
function injectFault(task: OrgBuildTask): boolean {
  const spec = process.env.ITADOC_TEST_WORKER_FAULT;
  if (!spec) return false;
  const [kind, name] = [spec.slice(0, spec.indexOf(":")), spec.slice(spec.indexOf(":") + 1)];
  if (basename(task.folder.dir) !== name) return false;
  if (kind === "crash") process.exit(70);
  if (kind !== "throw") return false;
  setImmediate(() => {
    throw new Error(`injected fault for ${name}`);
  });
  return true;
}

/** Test-only: the oom fault, when it names this document. */
function exhaustMemory(task: OrgBuildTask, doc: string): void {
  if (process.env.ITADOC_TEST_WORKER_FAULT !== `oom:${basename(task.folder.dir)}/${doc}`) return;
  const hog: unknown[][] = [];
  for (;;) hog.push(new Array(1e6).fill(hog.length));
}

/** Organisations this worker has finished (worker-heap.ts: when it makes way for a fresh one). */
let tasksDone = 0;

/**
 * Said with each result: whether this worker should now be replaced (worker-heap.ts). Only with a
 * result, so the pool never ends a worker that holds a task.
 */
function spent(): boolean {
  tasksDone++;
  return workerSpent(tasksDone, getHeapStatistics().total_physical_size, init.retire);
}

parentPort!.on("message", async (msg: { id: number; task: OrgBuildTask }) => {
  if (injectFault(msg.task)) return;
  try {
    // The pool is told which document is being made: if this worker dies (out of memory), only that document is lost.
    const onDocument = (doc: string | undefined) => {
      parentPort!.postMessage({ id: msg.id, progress: doc ?? null });
      if (doc) exhaustMemory(msg.task, doc);
    };
    const result = await buildOrganisation(msg.task, init.settings, await getResources(), onDocument);
    parentPort!.postMessage({ id: msg.id, ok: true, result, spent: spent() });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: (e as Error)?.message ?? String(e), spent: spent() });
  }
});
