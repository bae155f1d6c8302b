/**
 * A build worker: loads templates and fonts once, then builds one
 * organisation per message until the pool closes it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadBundledFonts } from "../resources.js";
import { loadTemplates } from "./resources-load.js";
import { buildOrganisation, type BuildResources, type OrgBuildSettings, type OrgBuildTask } from "./build-org.js";

interface WorkerInit {
  readonly settings: OrgBuildSettings;
  readonly templatesDir?: string;
}

const init = workerData as WorkerInit;
let resources: Promise<BuildResources> | undefined;

async function getResources(): Promise<BuildResources> {
  resources ??= (async () => {
    const t = await loadTemplates(init.templatesDir, init.settings.cwd);
    if (!t.ok) throw new Error("templates failed to load in a worker");
    return { templates: t.set, fonts: await loadBundledFonts() };
  })();
  return resources;
}

parentPort!.on("message", async (msg: { id: number; task: OrgBuildTask }) => {
  try {
    const result = await buildOrganisation(msg.task, init.settings, await getResources());
    parentPort!.postMessage({ id: msg.id, ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: (e as Error)?.message ?? String(e) });
  }
});
