#!/usr/bin/env node
/**
 * Per-stage cost of a build through src/pipeline, on synthetic organisations
 * (bench/national-dataset.mjs): read, yaml, validate, score, plan, render,
 * export (memo DOCX + measures PDF, the national set's documents), write.
 *
 *   npm run build && node bench/stages.mjs [--count 1000] [--data dir] [--root dir]
 *                                           [--where main|worker|both] [--rounds 2]
 *
 * --where both (the default) runs the same loop on the main thread and inside a
 * worker thread started with the build pool's resourceLimits, alternately, and
 * prints the worker/main ratio of CPU per document: that ratio is robust to the
 * machine's load, single wall times are not. --root points at another checkout's
 * built tree (e.g. the start commit's) so before and after run from one script.
 *
 * Stage times are thread CPU-ish wall times of each call (performance.now around
 * it); "yaml" is measured by parsing the same bytes again outside the timed
 * load, and subtracted from it to give "validate". GC pauses are summed from
 * PerformanceObserver "gc" entries. CPU per document is process.cpuUsage
 * (user+sys, all threads) over the loop divided by the documents written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PerformanceObserver } from "node:perf_hooks";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const SELF = fileURLToPath(import.meta.url);
const HERE = fileURLToPath(new URL("..", import.meta.url));

/** The loop itself: runs in whichever thread imports it with `run`. */
async function stages({ root, data, outDir, heapInfo }) {
  const dist = (p) => import(join(root, "dist", p));
  const { discover, readSources } = await dist("cli/discover.js");
  const { createdAtFor } = await dist("cli/build/build-org.js");
  const { loadTemplates } = await dist("cli/build/resources-load.js");
  const { loadBundledFonts } = await dist("cli/resources.js");
  const { loadBundledPdfFonts } = await dist("cli/pdf-fonts.js");
  const { loadYaml } = await dist("input/load-yaml.js");
  const { loadOrganisation } = await dist("input/load-organisation.js");
  const { checkAssessment } = await dist("ita/check-assessment.js");
  const { exportDocument, modelOf, planJobs } = await dist("pipeline/index.js");
  const { writeAtomic } = await dist("cli/write-atomic.js");
  const { mkdir } = await import("node:fs/promises");

  const t = { read: 0, yaml: 0, load: 0, score: 0, plan: 0, render: 0, "export docx": 0, "export pdf": 0, write: 0 };
  let gcMs = 0;
  let gcCount = 0;
  const GC_KINDS = { 1: "minor", 4: "major", 8: "incremental", 16: "weakcb" };
  const gcByKind = {};
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcCount++;
      const k = GC_KINDS[e.detail?.kind] ?? String(e.detail?.kind);
      const slot = (gcByKind[k] ??= { n: 0, ms: 0 });
      slot.n++;
      slot.ms += e.duration;
    }
  });
  obs.observe({ entryTypes: ["gc"] });

  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const tpl = await loadTemplates(undefined, root);
  if (!tpl.ok) throw new Error("templates do not load");
  const fonts = await loadBundledFonts();
  const pdfFonts = await loadBundledPdfFonts();
  const setupMs = performance.now() - wall0;
  const cpuSetup = process.cpuUsage(cpu0);

  const folders = await discover([data], data);
  const score = (...a) => {
    const s = performance.now();
    try {
      return checkAssessment(...a);
    } finally {
      t.score += performance.now() - s;
    }
  };
  const cpu1 = process.cpuUsage();
  const wall1 = performance.now();
  let docs = 0;
  let bytesOut = 0;
  for (const folder of folders) {
    let s = performance.now();
    const src = await readSources(folder, data);
    t.read += performance.now() - s;
    // The parse alone, on the same bytes, outside the timed load (subtracted from it below).
    s = performance.now();
    for (const f of [src.org, ...src.years]) if (f) loadYaml(f.path, f.bytes);
    t.yaml += performance.now() - s;
    s = performance.now();
    const { org } = loadOrganisation(folder.dir, src.org, src.years, score);
    t.load += performance.now() - s;
    if (!org) throw new Error(`${folder.dir} does not load`);
    s = performance.now();
    const jobs = planJobs(org, tpl.set, { kinds: ["memo", "measures"] });
    t.plan += performance.now() - s;
    const dir = join(outDir, folder.dir);
    await mkdir(dir, { recursive: true });
    for (const job of jobs) {
      if (!job.result.ok) continue;
      s = performance.now();
      const r = modelOf(tpl.set, job);
      t.render += performance.now() - s;
      if (!r?.ok) continue;
      const format = job.kind === "memo" ? "docx" : "pdf";
      s = performance.now();
      const bytes = await exportDocument(r.doc, format, { fonts: format === "pdf" ? pdfFonts : fonts, createdAt: createdAtFor(job.fiscalYear), images: new Map() });
      t[`export ${format}`] += performance.now() - s;
      s = performance.now();
      await writeAtomic(join(dir, `${job.baseName}.${format}`), bytes);
      t.write += performance.now() - s;
      docs++;
      bytesOut += bytes.byteLength;
    }
  }
  const wall = performance.now() - wall1;
  const cpu = process.cpuUsage(cpu1);
  await new Promise((r) => setTimeout(r, 50)); // let the observer deliver the last gc entries
  obs.disconnect();
  t.validate = t.load - t.score;
  t.validate -= t.yaml;
  delete t.load;
  const mem = process.memoryUsage();
  return { stages: t, docs, orgs: folders.length, bytesOut, wall, cpuMs: (cpu.user + cpu.system) / 1000, setupMs, setupCpuMs: (cpuSetup.user + cpuSetup.system) / 1000, gcMs, gcCount, gcByKind, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20, heapInfo };
}

if (!isMainThread) {
  const { getHeapStatistics } = await import("node:v8");
  const r = await stages({ ...workerData, heapInfo: getHeapStatistics().heap_size_limit / 2 ** 20 });
  parentPort.postMessage(r);
} else {
  const { values: args } = parseArgs({
    options: {
      count: { type: "string", default: "1000" },
      data: { type: "string" },
      root: { type: "string", default: HERE },
      where: { type: "string", default: "both" },
      rounds: { type: "string", default: "2" },
      old: { type: "string" },
      young: { type: "string" },
    },
  });
  const root = resolve(args.root);
  const work = mkdtempSync(join(tmpdir(), "itadoc-stages-"));
  const data = args.data ? resolve(args.data) : join(work, "data");
  if (!args.data) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });
  console.log(`itadoc per-stage bench — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`root ${root}, data ${args.data ?? `${args.count} synthetic organisations`}`);

  // The pool's limits, read from the tree under test so a change there is what is measured.
  const poolLimits = async () => {
    const m = await import(join(root, "dist", "cli", "build", "pool.js"));
    // The start commit does not export them: its values, then.
    return m.WORKER_RESOURCE_LIMITS ?? { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 64 };
  };
  const limits = { ...(await poolLimits()) };
  // The pool also sets the heap's growing factor for the process (worker-heap.ts; absent at the start commit).
  const heap = await import(join(root, "dist", "cli", "build", "worker-heap.js")).catch(() => undefined);
  heap?.applyWorkerHeapFlags();
  if (args.old) limits.maxOldGenerationSizeMb = Number(args.old);
  if (args.young) limits.maxYoungGenerationSizeMb = Number(args.young);

  const inWorker = (outDir) =>
    new Promise((res, rej) => {
      const w = new Worker(SELF, { workerData: { root, data, outDir }, resourceLimits: limits });
      w.once("message", res);
      w.once("error", rej);
    });
  const where = args.where === "both" ? ["main", "worker"] : [args.where];
  const results = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const w of where) {
      const outDir = join(work, `out-${w}-${round}`);
      const r = w === "main" ? await stages({ root, data, outDir }) : await inWorker(outDir);
      results.push({ where: w, round, ...r });
      rmSync(outDir, { recursive: true, force: true });
      console.log(`\n${w} round ${round + 1}: ${r.orgs} organisations, ${r.docs} documents, ${(r.bytesOut / r.docs / 1024).toFixed(1)} KiB each; setup ${r.setupMs.toFixed(0)} ms (${r.setupCpuMs.toFixed(0)} ms CPU)${r.heapInfo ? `, worker heap limit ${r.heapInfo.toFixed(0)} MB (${JSON.stringify(limits)})` : ""}`);
      const total = Object.values(r.stages).reduce((a, b) => a + b, 0);
      for (const [k, v] of Object.entries(r.stages)) console.log(`  ${k.padEnd(12)} ${(v / r.docs).toFixed(2).padStart(7)} ms/doc  ${((100 * v) / total).toFixed(1).padStart(5)} %`);
      console.log(`  ${"sum".padEnd(12)} ${(total / r.docs).toFixed(2).padStart(7)} ms/doc; loop wall ${(r.wall / r.docs).toFixed(2)} ms/doc, CPU ${(r.cpuMs / r.docs).toFixed(2)} ms/doc; GC ${r.gcCount} pauses ${(r.gcMs / r.docs).toFixed(2)} ms/doc (${Object.entries(r.gcByKind).map(([k, v]) => `${k} ${v.n}×, ${v.ms.toFixed(0)} ms`).join("; ")}); rss ${r.rssMb.toFixed(0)} MB`);
    }
  }
  if (where.length === 2) {
    const cpu = (w) => results.filter((r) => r.where === w).map((r) => r.cpuMs / r.docs);
    const m = cpu("main");
    const k = cpu("worker");
    const ratios = k.map((x, i) => x / m[i]);
    console.log(`\nworker/main CPU per document: ${ratios.map((x) => x.toFixed(2)).join(", ")} (main ${m.map((x) => x.toFixed(2)).join(", ")} ms; worker ${k.map((x) => x.toFixed(2)).join(", ")} ms)`);
  }
  rmSync(work, { recursive: true, force: true });
}
