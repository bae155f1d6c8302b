#!/usr/bin/env node
/**
 * Allocation and self time of PDF export, one tree, the export loop only.
 *
 *   npm run build && node bench/pdf-alloc.mjs [--root tree] [--data dir | --count 200] [--kinds measures]
 *        [--sites 25] [--cpu] [--interval 4096]
 *
 * Loads a tree's dist like bench/pdf-export.mjs (templates, bundled fonts,
 * every document rendered untimed, 5 warm-up exports), then exports every
 * document once with V8's sampling heap profiler on (objects later collected
 * by minor and major GC included: what was allocated, not what stayed) and a
 * `gc` PerformanceObserver counting scavenges. Prints allocated MB per PDF,
 * scavenges per PDF, CPU per PDF (user + sys; the sampler adds a little) and
 * the largest allocation sites (function, file:line). With --cpu the loop
 * runs a second time under the CPU profiler and the self time per function
 * is printed too. The heap after a forced full GC says what the exports
 * left alive. The sampled figure is deterministic within
 * about 1 % from one run to the next, whatever the machine's load.
 */
import { Session } from "node:inspector/promises";
import { PerformanceObserver } from "node:perf_hooks";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { preparePdfDocs } from "./pdf-docs.mjs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const WARMUP = 5;
const { values: args } = parseArgs({
  options: {
    root: { type: "string", default: HERE },
    data: { type: "string" },
    count: { type: "string", default: "200" },
    kinds: { type: "string", default: "measures" },
    sites: { type: "string", default: "25" },
    interval: { type: "string", default: "4096" },
    cpu: { type: "boolean", default: false },
  },
});
const kinds = args.kinds.split(",");
const root = resolve(args.root);

let data = args.data ? resolve(args.data) : join(tmpdir(), `itadoc-pdf-alloc-${args.count}`);
if (!args.data && !existsSync(data)) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });

const { docs, exportOne } = await preparePdfDocs(root, data, kinds, WARMUP);
const measured = docs.slice(WARMUP);

let scavenges = 0;
let marks = 0;
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.detail?.kind === 1) scavenges++;
    else if (e.detail?.kind === 4) marks++;
  }
});
obs.observe({ entryTypes: ["gc"] });

const session = new Session();
session.connect();
await session.post("HeapProfiler.startSampling", {
  samplingInterval: Number(args.interval),
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const c0 = process.cpuUsage();
for (const d of measured) await exportOne(d);
const c = process.cpuUsage(c0);
const { profile } = await session.post("HeapProfiler.stopSampling");
await new Promise((r) => setTimeout(r, 50));
obs.disconnect();
// what the exports left alive (caches, mostly): the heap after a full collection
setFlagsFromString("--expose-gc");
runInNewContext("gc")();
const retainedMb = process.memoryUsage().heapUsed / 2 ** 20;

/** Sampled bytes per allocation site (function name, file:line). */
const bySite = new Map();
let total = 0;
const walk = (node) => {
  const self = node.selfSize;
  if (self > 0) {
    const f = node.callFrame;
    const file = f.url ? f.url.replace(/^.*\/(node_modules|dist)\//, "$1/") : "(native)";
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
    bySite.set(key, (bySite.get(key) ?? 0) + self);
    total += self;
  }
  for (const ch of node.children) walk(ch);
};
walk(profile.head);
const n = measured.length;
const mb = (b) => (b / 2 ** 20).toFixed(2);
console.log(`${root}: ${n} ${kinds.join(",")} PDFs after ${WARMUP} warm-up`);
console.log(`allocated ${mb(total / n)} MB per PDF (sampled, interval ${args.interval}); scavenges ${(scavenges / n).toFixed(3)} per PDF, mark-compacts ${marks}; CPU ${((c.user + c.system) / 1000 / n).toFixed(2)} ms per PDF; heap after a full GC ${retainedMb.toFixed(1)} MB`);
for (const [k, v] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(args.sites))) console.log(`  ${mb(v).padStart(8)} MB ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);

if (args.cpu) {
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  for (const d of measured) await exportOne(d);
  const { profile: cpu } = await session.post("Profiler.stop");
  const selfBy = new Map();
  const byId = new Map(cpu.nodes.map((nd) => [nd.id, nd]));
  const counts = new Map();
  for (const s of cpu.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  let all = 0;
  for (const [id, k] of counts) {
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.replace(/^.*\/(node_modules|dist)\//, "$1/") : "";
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
    selfBy.set(key, (selfBy.get(key) ?? 0) + k);
    all += k;
  }
  console.log(`\nself time (${all} samples at 200 µs):`);
  for (const [k, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, Number(args.sites) * 2)) console.log(`  ${((100 * v) / all).toFixed(1).padStart(5)} %  ${k}`);
}
session.disconnect();
