/**
 * One built tree's documents for the PDF export benches (bench/pdf-export.mjs,
 * bench/pdf-alloc.mjs): the templates and the bundled PDF fonts loaded, every
 * organisation's documents of `kinds` rendered to models (untimed), the first
 * `warmup` exported untimed (module loading, the first font subsets).
 */
import { join } from "node:path";

export async function preparePdfDocs(root, data, kinds, warmup) {
  const dist = (p) => import(join(root, "dist", p));
  const { discover, readSources } = await dist("cli/discover.js");
  const { createdAtFor } = await dist("cli/build/build-org.js");
  const { loadTemplates } = await dist("cli/build/resources-load.js");
  const { loadBundledPdfFonts } = await dist("cli/pdf-fonts.js");
  const { exportDocument, loadInput, modelOf, planJobs } = await dist("pipeline/index.js");
  const tpl = await loadTemplates(undefined, root);
  if (!tpl.ok) throw new Error("templates do not load");
  const fonts = await loadBundledPdfFonts();
  const docs = [];
  for (const folder of await discover([data], data)) {
    const src = await readSources(folder, data);
    const { org } = loadInput(folder.dir, src.org, src.years);
    if (!org) throw new Error(`${folder.dir} does not load`);
    for (const job of planJobs(org, tpl.set, { kinds })) {
      if (!job.result.ok) continue;
      const r = modelOf(tpl.set, job);
      if (r?.ok) docs.push({ kind: job.kind, doc: r.doc, createdAt: createdAtFor(job.fiscalYear) });
    }
  }
  const exportOne = (d) => exportDocument(d.doc, "pdf", { fonts, createdAt: d.createdAt, images: new Map() });
  for (const d of docs.slice(0, warmup)) await exportOne(d);
  return { docs, exportOne };
}
