#!/usr/bin/env node
/**
 * PDF export CPU per document, two built trees side by side in one process:
 * the measures PDF and the memo PDF of N synthetic organisations
 * (bench/national-dataset.mjs), rendered once per tree, then exported by each
 * tree in turn, document by document (A B, B A, A B …), so that the machine's
 * load falls on both.
 *
 *   npm run build && node bench/pdf-writer.mjs [--base /path/to/other/checkout] [--count 100] [--rounds 5] [--data dir]
 *
 * Prints CPU per measures PDF and per memo PDF for each tree and round, the
 * median ratio this/base, and whether both trees wrote byte-identical PDFs.
 * Each tree loads its own dist/ (its own caches); one untimed pass each warms
 * the shaping caches first, as a long build would have them.
 * Without --base only this tree is timed (e.g. under `node --cpu-prof`).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    count: { type: "string", default: "100" },
    rounds: { type: "string", default: "5" },
    data: { type: "string" },
  },
});

const work = mkdtempSync(join(tmpdir(), "itadoc-pdf-writer-"));
const data = args.data ? resolve(args.data) : join(work, "data");
if (!args.data) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });

/** One tree: its modules, fonts and the rendered models of every organisation's memo and measures. */
async function loadTree(root) {
  const dist = (p) => import(join(root, "dist", p));
  const { discover, readSources } = await dist("cli/discover.js");
  const { createdAtFor } = await dist("cli/build/build-org.js");
  const { loadTemplates } = await dist("cli/build/resources-load.js");
  const { loadBundledPdfFonts } = await dist("cli/pdf-fonts.js");
  const { loadOrganisation } = await dist("input/load-organisation.js");
  const { checkAssessment } = await dist("ita/check-assessment.js");
  const { exportDocument, modelOf, planJobs } = await dist("pipeline/index.js");
  const tpl = await loadTemplates(undefined, root);
  if (!tpl.ok) throw new Error(`${root}: templates do not load`);
  const fonts = await loadBundledPdfFonts();
  const docs = [];
  for (const folder of await discover([data], data)) {
    const src = await readSources(folder, data);
    const { org } = loadOrganisation(folder.dir, src.org, src.years, checkAssessment);
    if (!org) throw new Error(`${folder.dir} does not load`);
    for (const job of planJobs(org, tpl.set, { kinds: ["memo", "measures"] })) {
      if (!job.result.ok) continue;
      const r = modelOf(tpl.set, job);
      if (r?.ok) docs.push({ name: `${folder.dir}/${job.baseName}`, kind: job.kind, doc: r.doc, createdAt: createdAtFor(job.fiscalYear) });
    }
  }
  const exportOne = (d) => exportDocument(d.doc, "pdf", { fonts, createdAt: d.createdAt, images: new Map() });
  return { root, docs, exportOne };
}

/**
 * Exports every document once with each tree, document by document, the
 * trees' order flipping at every document (so a change of load mid-pass
 * falls on both): CPU ms per kind per tree, and the sha256 of each tree's bytes.
 */
async function pass(trees, flip) {
  const per = trees.map(() => ({ cpu: { memo: 0, measures: 0 }, count: { memo: 0, measures: 0 }, hash: createHash("sha256") }));
  const n = trees[0].docs.length;
  for (let k = 0; k < n; k++) {
    const order = trees.map((_, i) => i);
    if ((k + flip) % 2 === 1) order.reverse();
    for (const i of order) {
      const d = trees[i].docs[k];
      const c0 = process.cpuUsage();
      const bytes = await trees[i].exportOne(d);
      const c = process.cpuUsage(c0);
      per[i].cpu[d.kind] += (c.user + c.system) / 1000;
      per[i].count[d.kind]++;
      per[i].hash.update(bytes);
    }
  }
  return per.map((p) => ({ memo: p.cpu.memo / p.count.memo, measures: p.cpu.measures / p.count.measures, sha: p.hash.digest("hex").slice(0, 16) }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f2 = (x) => x.toFixed(2);

console.log(`pdf-writer bench, node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}, data ${args.data ?? `${args.count} synthetic organisations`}`);
const trees = [await loadTree(HERE)];
if (args.base) trees.push(await loadTree(resolve(args.base)));
await pass(trees, 0); // warm-up
const results = trees.map(() => []);
for (let round = 0; round < Number(args.rounds); round++) {
  const r = await pass(trees, round);
  r.forEach((x, i) => results[i].push(x));
  console.log(`round ${round + 1}: ` + trees.map((t, i) => `${i === 0 ? "this" : "base"} measures ${f2(results[i][round].measures)} memo ${f2(results[i][round].memo)} ms CPU`).join(" | "));
}
for (const [i, t] of trees.entries()) {
  const r = results[i];
  console.log(`${i === 0 ? "this" : "base"} (${t.root}): measures PDF ${f2(median(r.map((x) => x.measures)))} ms CPU, memo PDF ${f2(median(r.map((x) => x.memo)))} ms CPU (medians), bytes ${r[0].sha}`);
}
if (trees.length === 2) {
  const ratio = (k) => median(results[0].map((x, j) => x[k] / results[1][j][k]));
  console.log(`this/base median ratio: measures ${f2(ratio("measures"))}, memo ${f2(ratio("memo"))}; byte-identical: ${results[0][0].sha === results[1][0].sha ? "yes" : "NO"}`);
}
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
rmSync(work, { recursive: true, force: true });
