/** The document model of an example exactly as `itadoc build` makes it, in-process (no emblem configured in the examples). */
import { BUILTIN_TEMPLATES, readTemplateFiles } from "../../src/cli/resources.js";
import type { DocKind } from "../../src/documents/common.js";
import type { DocModel } from "../../src/model/document.js";
import { compileTemplateSet, type TemplateSet } from "../../src/render/load-templates.js";
import { modelOf, planJobs, type OrgLoadResult } from "../../src/pipeline/index.js";
import { loadExample } from "./load-example.js";

export async function builtinTemplates(): Promise<TemplateSet> {
  const loaded = compileTemplateSet(await readTemplateFiles(BUILTIN_TEMPLATES));
  if (!loaded.ok) throw new Error(`built-in templates do not compile: ${JSON.stringify(loaded.errors)}`);
  return loaded.set;
}

export function exampleModel(set: TemplateSet, org: string, year: number, kind: DocKind): DocModel {
  return loadedModel(set, loadExample(org), year, kind);
}

/** The document model of any loaded organisation (examples, or synthetic ones in tests). */
export function loadedModel(set: TemplateSet, loaded: OrgLoadResult, year: number, kind: DocKind): DocModel {
  const org = loaded.org?.dir ?? "?";
  if (loaded.errors.length > 0 || !loaded.org) throw new Error(`${org} does not load: ${JSON.stringify(loaded.errors)}`);
  const jobs = planJobs(loaded.org, set, { kinds: [kind], years: new Set([year]) });
  const job = jobs[0];
  if (jobs.length !== 1 || !job?.result.ok) throw new Error(`expected one ${kind} for ${org} ${year}, got ${JSON.stringify(jobs.map((j) => j.result))}`);
  const rendered = modelOf(set, job)!;
  if (!rendered.ok) throw new Error(`${kind} does not render: ${JSON.stringify(rendered.errors)}`);
  return rendered.doc;
}
