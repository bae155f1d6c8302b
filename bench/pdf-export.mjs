#!/usr/bin/env node
/**
 * CPU per PDF export (memo PDF and measures PDF) on synthetic organisations,
 * this tree against another built tree, alternating in the same run.
 *
 *   npm run build && node bench/pdf-export.mjs [--base /path/to/other/checkout] [--count 100]
 *                                              [--rounds 4] [--kinds memo,measures] [--data dir]
 *
 * Each round starts one child process per tree (order A B, B A, A B …, so a
 * drift in the machine's load falls on both). A child loads the templates and
 * the bundled PDF fonts, renders every organisation's documents to models
 * (untimed), exports the first few untimed (warm-up: module loading, the first
 * font subsets), then exports every document once and sums process.cpuUsage
 * (user + system, all threads, so GC helpers count) per kind. It also hashes
 * the PDF bytes: both trees must write the same files. Without --base, only
 * this tree runs. `--child` is the child's entry (one tree, JSON on stdout).
 *
 * The data is bench/national-dataset.mjs's (same count → same files), so the
 * sentences repeat as much as in a national run: the shaping caches are as
 * warm as they would be there, no more.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SELF = fileURLToPath(import.meta.url);
const HERE = fileURLToPath(new URL("..", import.meta.url));
const WARMUP = 5;

const { values: args } = parseArgs({
  options: {
    child: { type: "boolean", default: false },
    root: { type: "string", default: HERE },
    base: { type: "string" },
    data: { type: "string" },
    count: { type: "string", default: "100" },
    rounds: { type: "string", default: "4" },
    kinds: { type: "string", default: "memo,measures" },
  },
});
const kinds = args.kinds.split(",");

async function child(root, data) {
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
  for (const d of docs.slice(0, WARMUP)) await exportOne(d);
  const per = {};
  const hash = createHash("sha256");
  for (const d of docs) {
    const c0 = process.cpuUsage();
    const bytes = await exportOne(d);
    const c = process.cpuUsage(c0);
    const slot = (per[d.kind] ??= { n: 0, cpuMs: 0 });
    slot.n++;
    slot.cpuMs += (c.user + c.system) / 1000;
    hash.update(bytes);
  }
  return { per, sha: hash.digest("hex").slice(0, 16), heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
}

if (args.child) {
  process.stdout.write(JSON.stringify(await child(resolve(args.root), resolve(args.data))));
} else {
  const work = mkdtempSync(join(tmpdir(), "itadoc-pdf-export-"));
  const data = args.data ? resolve(args.data) : join(work, "data");
  if (!args.data) spawnSync(process.execPath, [join(HERE, "bench", "national-dataset.mjs"), data, args.count], { stdio: "ignore" });
  const trees = [{ name: "current", root: resolve(args.root) }];
  if (args.base) {
    if (!existsSync(join(args.base, "dist", "cli", "bin.js"))) throw new Error(`${args.base}: no dist/ (build it first)`);
    trees.push({ name: "base", root: resolve(args.base) });
  }
  console.log(`itadoc PDF export bench — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`data ${args.data ?? `${args.count} synthetic organisations`}, kinds ${kinds.join(",")}, ${args.rounds} rounds`);
  const results = Object.fromEntries(trees.map((t) => [t.name, []]));
  for (let round = 0; round < Number(args.rounds); round++) {
    const order = round % 2 === 0 ? trees : [...trees].reverse();
    for (const t of order) {
      const r = spawnSync(process.execPath, [SELF, "--child", "--root", t.root, "--data", data, "--kinds", args.kinds], { encoding: "utf8", maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`${t.name}: ${r.stderr}`);
      const out = JSON.parse(r.stdout);
      results[t.name].push(out);
      console.log(`round ${round + 1} ${t.name.padEnd(8)} ${Object.entries(out.per).map(([k, v]) => `${k} ${(v.cpuMs / v.n).toFixed(2)} ms CPU/PDF (${v.n})`).join(", ")}; heap ${out.heapMb.toFixed(0)} MB; sha ${out.sha}`);
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  console.log("");
  for (const kind of kinds) {
    const of = (name) => median(results[name].map((r) => r.per[kind].cpuMs / r.per[kind].n));
    const line = trees.map((t) => `${t.name} ${of(t.name).toFixed(2)} ms`).join(", ");
    const ratio = args.base ? `; current/base ${(of("current") / of("base")).toFixed(3)}` : "";
    console.log(`${kind} PDF, median CPU per export: ${line}${ratio}`);
  }
  if (args.base) {
    const same = results.current[0].sha === results.base[0].sha;
    console.log(`PDF bytes: ${same ? "identical" : "DIFFERENT"} (sha ${results.current[0].sha} vs ${results.base[0].sha})`);
    if (!same) process.exitCode = 1;
  }
  console.log(`load after ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  rmSync(work, { recursive: true, force: true });
}
