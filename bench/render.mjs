#!/usr/bin/env node
/**
 * The render stage alone (a planned job's data → DocModel: Handlebars, then
 * the markup → model), for this tree's build and optionally another's (--base,
 * a built checkout such as main's), in ONE process. Organisations are loaded
 * and planned once, untimed; then every memo and measures job is rendered
 * again and again, the two builds alternating job by job, so the machine's
 * load falls on both alike.
 *
 *   npm run build && node bench/render.mjs [--base ../base8] [--data dir | --count 200] [--rounds 5]
 *
 * Printed per kind: CPU µs per document (process.cpuUsage around each call) and
 * the bytes allocated per document (V8's sampling heap profiler with the
 * objects minor and major GCs collected included: an estimate, ±2 %). With
 * --base, also whether every model is deep-equal (JSON text) to the base's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Session } from "node:inspector/promises";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const KINDS = ["memo", "measures"];

async function tree(root, data) {
  const dist = (p) => import(join(root, "dist", p));
  const m = {
    ...(await dist("cli/discover.js")),
    ...(await dist("cli/build/resources-load.js")),
    ...(await dist("input/load-organisation.js")),
    ...(await dist("ita/check-assessment.js")),
    ...(await dist("pipeline/index.js")),
  };
  const tpl = await m.loadTemplates(undefined, root);
  if (!tpl.ok) throw new Error(`${root}: templates do not load`);
  const jobs = [];
  for (const folder of await m.discover([data], data)) {
    const src = await m.readSources(folder, data);
    const { org } = m.loadOrganisation(folder.dir, src.org, src.years, m.checkAssessment);
    if (!org) throw new Error(`${folder.dir} does not load`);
    for (const job of m.planJobs(org, tpl.set, { kinds: KINDS })) if (job.result.ok) jobs.push(job);
  }
  const cpu = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const n = Object.fromEntries(KINDS.map((k) => [k, 0]));
  return { root, m, tpl: tpl.set, jobs, cpu, n };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Bytes allocated (sampled, collected objects included) while `run` runs. */
async function allocated(session, run) {
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  run();
  const { profile } = await session.post("HeapProfiler.stopSampling");
  let bytes = 0;
  for (const s of profile.samples) bytes += s.size;
  return bytes;
}

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    count: { type: "string", default: "200" },
    data: { type: "string" },
    rounds: { type: "string", default: "5" },
  },
});
const work = mkdtempSync(join(tmpdir(), "itadoc-render-"));
const data = args.data ? resolve(args.data) : join(work, "data");
if (!args.data) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });
console.log(`itadoc render bench — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const self = await tree(HERE, data);
const trees = args.base ? [await tree(resolve(args.base), data), self] : [self];
const label = (t) => (t === self ? "this" : "base");

if (args.base) {
  const [b, s] = trees;
  let same = 0;
  for (const [i, job] of s.jobs.entries()) {
    if (JSON.stringify(b.m.modelOf(b.tpl, b.jobs[i])) === JSON.stringify(s.m.modelOf(s.tpl, job))) same++;
    else console.log(`  model differs: ${job.baseName ?? i} (${job.kind})`);
  }
  console.log(`models deep-equal to the base's: ${same} / ${s.jobs.length}`);
}

// Warm-up, untimed.
for (const t of trees) for (const job of t.jobs) t.m.modelOf(t.tpl, job);
for (let round = 0; round < Number(args.rounds); round++) {
  const count = trees[0].jobs.length;
  for (let i = 0; i < count; i++) {
    const order = (i + round) % 2 === 0 ? trees : [...trees].reverse();
    for (const t of order) {
      const job = t.jobs[i];
      const s = cpuNow();
      t.m.modelOf(t.tpl, job);
      t.cpu[job.kind] += cpuNow() - s;
      t.n[job.kind]++;
    }
  }
}

const session = new Session();
session.connect();
const alloc = new Map();
for (const t of trees) {
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const kind of KINDS) {
    const jobs = t.jobs.filter((j) => j.kind === kind);
    bytes[kind] = (await allocated(session, () => { for (const j of jobs) t.m.modelOf(t.tpl, j); })) / jobs.length;
  }
  alloc.set(t, bytes);
}
session.disconnect();

console.log(`${self.jobs.length / KINDS.length} organisations × ${args.rounds} rounds; per document:`);
console.log(`  ${"kind".padEnd(9)} ${trees.map((t) => `${label(t)} µs CPU`.padStart(12)).join(" ")} ${trees.map((t) => `${label(t)} KiB`.padStart(10)).join(" ")}${args.base ? "  CPU this/base  alloc this/base" : ""}`);
for (const kind of KINDS) {
  const us = trees.map((t) => t.cpu[kind] / t.n[kind]);
  const kb = trees.map((t) => alloc.get(t)[kind] / 1024);
  const ratios = args.base ? `  ${(us[1] / us[0]).toFixed(3).padStart(13)} ${(kb[1] / kb[0]).toFixed(3).padStart(16)}` : "";
  console.log(`  ${kind.padEnd(9)} ${us.map((v) => v.toFixed(1).padStart(12)).join(" ")} ${kb.map((v) => v.toFixed(1).padStart(10)).join(" ")}${ratios}`);
}
console.log(`load after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
rmSync(work, { recursive: true, force: true });
