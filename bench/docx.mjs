// DOCX memo throughput on the compiled code: `npx tsc -p tsconfig.build.json`
// first, then `node bench/docx.mjs [iterations]`. Loads examples/khon-kaen-city
// the way `itadoc build` does, renders the 2563 memo, and times the template →
// model step and the model → .docx step separately on a warm process.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);

const { readSources, discover } = await dist("cli/discover.js");
const { loadBundledFonts, readTemplateFiles, BUILTIN_TEMPLATES } = await dist("cli/resources.js");
const { compileTemplateSet } = await dist("render/load-templates.js");
const { exportDocument, loadInput, modelOf, planJobs } = await dist("pipeline/index.js");
const exportDocx = (doc, options) => exportDocument(doc, "docx", options);
const { createdAtFor } = await dist("cli/build/build-org.js");

const iterations = Number(process.argv[2] ?? 400);
const warmup = Math.min(100, Math.max(10, Math.round(iterations / 4)));
const ORG = "examples/khon-kaen-city";
const YEAR = 2563;

const compiled = compileTemplateSet(await readTemplateFiles(BUILTIN_TEMPLATES));
if (!compiled.ok) throw new Error(`templates: ${compiled.errors.map((e) => e.message).join("; ")}`);
const templates = compiled.set;
const fonts = await loadBundledFonts();

const [folder] = await discover([ORG], root);
if (folder === undefined) throw new Error(`no organisation in ${ORG}`);
const src = await readSources(folder, root);
const loaded = loadInput(folder.dir, src.org, src.years);
if (!loaded.org) throw new Error(`${ORG}: ${loaded.errors.map((e) => e.code).join(", ")}`);

// The CLI passes the organisation's emblem when org.yaml names one.
const images = new Map();
const emblemPath = loaded.org.org.settings?.emblem;
if (emblemPath) images.set("emblem", new Uint8Array(await readFile(join(root, ORG, emblemPath))));
const job = planJobs(loaded.org, templates, { kinds: ["memo"], years: new Set([YEAR]), ...(images.size ? { emblemRef: "emblem" } : {}) })[0];
if (job === undefined || !job.result.ok) throw new Error(`no ${YEAR} memo in ${ORG}`);
const data = job.result.data;
const options = { fonts, createdAt: createdAtFor(job.fiscalYear), images };

const render = () => {
  const r = modelOf(templates, job);
  if (!r.ok) throw new Error(`render: ${r.errors.map((e) => e.message).join("; ")}`);
  return r.doc;
};

const doc = render();
for (let i = 0; i < warmup; i++) {
  render();
  await exportDocx(doc, options);
}

const time = async (n, fn) => {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / n;
  return { median: ms[Math.floor(n / 2)], mean, p95: ms[Math.floor(n * 0.95)] };
};

const renderStats = await time(iterations, render);
let size = 0;
// CPU time as well as wall time: on a loaded machine the wall-clock median carries other processes' work.
const cpuBefore = process.cpuUsage();
const exportStats = await time(iterations, async () => {
  size = (await exportDocx(doc, options)).length;
});
const cpu = process.cpuUsage(cpuBefore);
const exportCpuMs = (cpu.user + cpu.system) / 1000 / iterations;

const fmt = (x) => x.toFixed(2).padStart(7);
console.log(`DOCX memo ${ORG} ${YEAR}: ${iterations} runs after ${warmup} warm-up, ${size} bytes`);
console.log(`render  (template → model): median ${fmt(renderStats.median)} ms  mean ${fmt(renderStats.mean)} ms  p95 ${fmt(renderStats.p95)} ms`);
console.log(`export  (model → .docx):    median ${fmt(exportStats.median)} ms  mean ${fmt(exportStats.mean)} ms  p95 ${fmt(exportStats.p95)} ms`);
console.log(`export CPU time: ${exportCpuMs.toFixed(2)} ms per memo`);
console.log(`export throughput: ${(1000 / exportStats.mean).toFixed(0)} memos/s (by mean), ${(1000 / exportStats.median).toFixed(0)} by median`);
console.log(`render + export:   ${(1000 / (renderStats.mean + exportStats.mean)).toFixed(0)} memos/s`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
