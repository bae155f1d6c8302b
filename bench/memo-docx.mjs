#!/usr/bin/env node
/**
 * The memo's own CPU: render (template → model) and DOCX export, for this
 * tree's build and, with --base, another built checkout's, in ONE process.
 * Organisations are loaded and planned once, outside the timing; then each
 * round runs every organisation's memo through both builds, alternating which
 * goes first, so the machine's load falls on both alike.
 *
 *   npm run build && node bench/memo-docx.mjs [--base ../main] [--data dir] [--count 300] [--rounds 5]
 *
 * Without --base only this tree runs (for `node --cpu-prof` or
 * `--heap-prof`). Each call is timed in CPU (process.cpuUsage, user +
 * system). Printed: CPU ms per memo for render and export, each build, and
 * the ratio this/base; the bytes of both builds are compared on every memo.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = fileURLToPath(new URL("..", import.meta.url));

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    count: { type: "string", default: "300" },
    data: { type: "string" },
    rounds: { type: "string", default: "5" },
  },
});

async function tree(root, data) {
  const dist = (p) => import(join(root, "dist", p));
  const m = {
    ...(await dist("cli/discover.js")),
    ...(await dist("cli/build/build-org.js")),
    ...(await dist("cli/build/resources-load.js")),
    ...(await dist("cli/resources.js")),
    ...(await dist("input/load-organisation.js")),
    ...(await dist("ita/check-assessment.js")),
    ...(await dist("pipeline/index.js")),
  };
  const tpl = await m.loadTemplates(undefined, root);
  if (!tpl.ok) throw new Error(`${root}: templates do not load`);
  const folders = await m.discover([data], data);
  const jobs = [];
  for (const folder of folders) {
    const src = await m.readSources(folder, data);
    const { org } = m.loadOrganisation(folder.dir, src.org, src.years, m.checkAssessment);
    if (!org) throw new Error(`${folder.dir} does not load`);
    for (const job of m.planJobs(org, tpl.set, { kinds: ["memo"] })) if (job.result.ok) jobs.push(job);
  }
  return { root, m, tpl: tpl.set, fonts: await m.loadBundledFonts(), jobs, render: 0, exp: 0, docs: 0 };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function one(t, i) {
  const { m } = t;
  const job = t.jobs[i];
  let s = cpuNow();
  const r = m.modelOf(t.tpl, job);
  t.render += cpuNow() - s;
  if (!r?.ok) throw new Error(`${job.baseName}: render failed`);
  s = cpuNow();
  const bytes = await m.exportDocument(r.doc, "docx", { fonts: t.fonts, createdAt: m.createdAtFor(job.fiscalYear), images: new Map() });
  t.exp += cpuNow() - s;
  t.docs++;
  return bytes;
}

const work = mkdtempSync(join(tmpdir(), "itadoc-memo-docx-"));
const data = args.data ? resolve(args.data) : join(work, "data");
if (!args.data) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });
console.log(`itadoc memo render + docx bench — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const self = await tree(HERE, data);
const base = args.base ? await tree(resolve(args.base), data) : undefined;
const trees = base ? [base, self] : [self];
let differ = 0;
for (let round = 0; round < Number(args.rounds); round++) {
  for (let i = 0; i < self.jobs.length; i++) {
    // Alternating which build goes first: the second of a pair finds warmer caches.
    const order = (i + round) % 2 === 0 ? trees : [...trees].reverse();
    const out = [];
    for (const t of order) out.push(await one(t, i));
    if (out.length === 2 && Buffer.compare(Buffer.from(out[0]), Buffer.from(out[1])) !== 0) differ++;
  }
}
const per = (t, v) => (v / t.docs).toFixed(3).padStart(8);
console.log(`${self.jobs.length} memos × ${args.rounds} rounds; CPU ms per memo:`);
console.log(`  ${"stage".padEnd(8)} ${base ? `${"base".padStart(8)} ` : ""}${"this".padStart(8)}${base ? "  this/base" : ""}`);
for (const [k, name] of [["render", "render"], ["exp", "docx"]]) {
  const ratio = base ? `  ${(self[k] / self.docs / (base[k] / base.docs)).toFixed(3)}` : "";
  console.log(`  ${name.padEnd(8)} ${base ? `${per(base, base[k])} ` : ""}${per(self, self[k])}${ratio}`);
}
const sum = (t) => t.render + t.exp;
console.log(`  ${"sum".padEnd(8)} ${base ? `${per(base, sum(base))} ` : ""}${per(self, sum(self))}${base ? `  ${(sum(self) / self.docs / (sum(base) / base.docs)).toFixed(3)}` : ""}`);
if (base) console.log(`bytes: ${differ === 0 ? "identical" : `${differ} memos DIFFER`} (${self.docs} compared)`);
console.log(`load after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
rmSync(work, { recursive: true, force: true });
