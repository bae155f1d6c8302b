#!/usr/bin/env node
/**
 * The cost outside the PDF export, side by side: yaml, validate (load minus
 * yaml and score), plan, render, memo DOCX export and write, for this tree's
 * build and another's (--base, a built checkout such as main's), in ONE
 * process, alternating organisation by organisation so that the machine's
 * load falls on both alike. The measures PDF is rendered (its model) but not
 * exported: that is the PDF helpers' stage and would drown the rest.
 *
 *   npm run build && node bench/front.mjs --base ../main [--count 200] [--data dir] [--rounds 3]
 *
 * Stage costs are CPU time (process.cpuUsage, user + system) around each
 * call, summed over the run, so a busy machine stretches them less than wall
 * times. The write stage is also given in wall time: its cost is mostly
 * waiting. Printed: ms per document for each build and the ratio this/base.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const STAGES = ["yaml", "validate", "plan", "render", "export docx", "write"];

async function tree(root) {
  const dist = (p) => import(join(root, "dist", p));
  const m = {
    ...(await dist("cli/discover.js")),
    ...(await dist("cli/build/build-org.js")),
    ...(await dist("cli/build/resources-load.js")),
    ...(await dist("cli/resources.js")),
    ...(await dist("input/load-yaml.js")),
    ...(await dist("input/load-organisation.js")),
    ...(await dist("ita/check-assessment.js")),
    ...(await dist("pipeline/index.js")),
    ...(await dist("cli/write-atomic.js")),
  };
  const tpl = await m.loadTemplates(undefined, root);
  if (!tpl.ok) throw new Error(`${root}: templates do not load`);
  return { root, m, tpl: tpl.set, fonts: await m.loadBundledFonts(), cpu: Object.fromEntries(STAGES.map((s) => [s, 0])), writeWall: 0, readWall: 0, docs: 0 };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One organisation through one build; adds into t's counters. */
async function one(t, data, folder, outDir) {
  const { m } = t;
  const r0 = performance.now();
  const src = await m.readSources(folder, data);
  t.readWall += performance.now() - r0;
  let s = cpuNow();
  for (const f of [src.org, ...src.years]) if (f) m.loadYaml(f.path, f.bytes);
  const yaml = cpuNow() - s;
  let scoreMs = 0;
  const score = (...a) => {
    const s0 = cpuNow();
    try {
      return m.checkAssessment(...a);
    } finally {
      scoreMs += cpuNow() - s0;
    }
  };
  s = cpuNow();
  const { org } = m.loadOrganisation(folder.dir, src.org, src.years, score);
  t.cpu.validate += cpuNow() - s - scoreMs - yaml;
  t.cpu.yaml += yaml;
  if (!org) throw new Error(`${folder.dir} does not load`);
  s = cpuNow();
  const jobs = m.planJobs(org, t.tpl, { kinds: ["memo", "measures"] });
  t.cpu.plan += cpuNow() - s;
  const dir = join(outDir, folder.dir);
  await mkdir(dir, { recursive: true });
  for (const job of jobs) {
    if (!job.result.ok) continue;
    s = cpuNow();
    const r = m.modelOf(t.tpl, job);
    t.cpu.render += cpuNow() - s;
    if (!r?.ok) continue;
    if (job.kind !== "memo") continue;
    s = cpuNow();
    const bytes = await m.exportDocument(r.doc, "docx", { fonts: t.fonts, createdAt: m.createdAtFor(job.fiscalYear), images: new Map() });
    t.cpu["export docx"] += cpuNow() - s;
    s = cpuNow();
    const w = performance.now();
    await m.writeAtomic(join(dir, `${job.baseName}.docx`), bytes);
    t.writeWall += performance.now() - w;
    t.cpu.write += cpuNow() - s;
    t.docs++;
  }
}

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    count: { type: "string", default: "200" },
    data: { type: "string" },
    rounds: { type: "string", default: "3" },
  },
});
if (!args.base) {
  console.error("usage: node bench/front.mjs --base <built checkout> [--count 200] [--data dir] [--rounds 3]");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "itadoc-front-"));
const data = args.data ? resolve(args.data) : join(work, "data");
if (!args.data) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });
console.log(`itadoc front-stage bench — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const trees = [await tree(resolve(args.base)), await tree(HERE)];
const folders = await trees[1].m.discover([data], data);
for (let round = 0; round < Number(args.rounds); round++) {
  for (const [i, folder] of folders.entries()) {
    // Alternating which build goes first: the second of a pair finds warmer caches.
    const order = (i + round) % 2 === 0 ? trees : [trees[1], trees[0]];
    for (const [k, t] of order.entries()) await one(t, data, folder, join(work, `out-${t === trees[0] ? "base" : "this"}-${round}-${k}`));
  }
}
const [base, self] = trees;
const per = (t, v) => v / t.docs;
console.log(`${folders.length} organisations × ${args.rounds} rounds; per memo DOCX (the measures' render included), CPU ms:`);
console.log(`  ${"stage".padEnd(12)} ${"base".padStart(8)} ${"this".padStart(8)}  this/base`);
let sb = 0;
let ss = 0;
for (const k of STAGES) {
  sb += base.cpu[k];
  ss += self.cpu[k];
  console.log(`  ${k.padEnd(12)} ${per(base, base.cpu[k]).toFixed(3).padStart(8)} ${per(self, self.cpu[k]).toFixed(3).padStart(8)}  ${(self.cpu[k] / self.docs / (base.cpu[k] / base.docs)).toFixed(2)}`);
}
console.log(`  ${"sum".padEnd(12)} ${per(base, sb).toFixed(3).padStart(8)} ${per(self, ss).toFixed(3).padStart(8)}  ${(ss / self.docs / (sb / base.docs)).toFixed(2)}`);
console.log(`  write wall   ${per(base, base.writeWall).toFixed(3).padStart(8)} ${per(self, self.writeWall).toFixed(3).padStart(8)}  ${(self.writeWall / self.docs / (base.writeWall / base.docs)).toFixed(2)}`);
console.log(`  read wall    ${per(base, base.readWall).toFixed(3).padStart(8)} ${per(self, self.readWall).toFixed(3).padStart(8)}  ${(self.readWall / self.docs / (base.readWall / base.docs)).toFixed(2)}`);
console.log(`load after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
rmSync(work, { recursive: true, force: true });
