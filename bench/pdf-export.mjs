#!/usr/bin/env node
/**
 * CPU per PDF export (memo PDF and measures PDF) on synthetic organisations,
 * this tree against another built tree, alternating in the same run.
 *
 *   npm run build && node bench/pdf-export.mjs [--base /path/to/other/checkout] [--count 100]
 *                                              [--rounds 4] [--kinds memo,measures] [--data dir] [--interleave]
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
 * --interleave loads both trees into this one process instead and exports
 * each document with both, alternating which goes first: the least noisy
 * ratio on a shared machine (both see the same load from one document to
 * the next), and every PDF is compared byte for byte. The two trees share
 * one heap, so GC caused by one can fall on the other: the per-process
 * rounds say more about allocation.
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
import { preparePdfDocs } from "./pdf-docs.mjs";

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
    interleave: { type: "boolean", default: false },
  },
});
const kinds = args.kinds.split(",");

/** One tree's documents, rendered, and its export function (fonts parsed once; bench/pdf-docs.mjs). */
const prepare = (root, data) => preparePdfDocs(root, data, kinds, WARMUP);

async function child(root, data) {
  const { docs, exportOne } = await prepare(root, data);
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

/**
 * Both trees in this one process, document by document (A B, then B A for
 * the next document …): the two see the same load from one moment to the
 * next, and their PDFs are compared byte for byte.
 */
async function interleaved(trees, data, rounds) {
  const prepared = [];
  for (const t of trees) prepared.push({ ...t, ...(await prepare(t.root, data)) });
  const [a, b] = prepared;
  if (a.docs.length !== b.docs.length) throw new Error("the trees plan different documents");
  const perRound = [];
  let differ = 0;
  for (let round = 0; round < rounds; round++) {
    const cpu = { [a.name]: {}, [b.name]: {} };
    for (let i = 0; i < a.docs.length; i++) {
      const order = (i + round) % 2 === 0 ? [a, b] : [b, a];
      const bytes = [];
      for (const t of order) {
        const c0 = process.cpuUsage();
        bytes.push(await t.exportOne(t.docs[i]));
        const c = process.cpuUsage(c0);
        const slot = (cpu[t.name][t.docs[i].kind] ??= { n: 0, cpuMs: 0 });
        slot.n++;
        slot.cpuMs += (c.user + c.system) / 1000;
      }
      if (round === 0 && Buffer.compare(Buffer.from(bytes[0]), Buffer.from(bytes[1])) !== 0) differ++;
    }
    perRound.push(cpu);
    console.log(
      `round ${round + 1}: ` +
        kinds.map((k) => `${k} ${trees.map((t) => `${t.name} ${(cpu[t.name][k].cpuMs / cpu[t.name][k].n).toFixed(2)}`).join(" / ")} ms (${(cpu[a.name][k].cpuMs / cpu[b.name][k].cpuMs).toFixed(3)})`).join("; "),
    );
  }
  return { perRound, differ, n: a.docs.length };
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
  if (args.interleave) {
    if (trees.length !== 2) throw new Error("--interleave needs --base");
    const { perRound, differ, n } = await interleaved(trees, data, Number(args.rounds));
    const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    console.log("");
    for (const kind of kinds) {
      const of = (name) => median(perRound.map((r) => r[name][kind].cpuMs / r[name][kind].n));
      const ratio = median(perRound.map((r) => r.current[kind].cpuMs / r.base[kind].cpuMs));
      console.log(`${kind} PDF, median CPU per export: current ${of("current").toFixed(2)} ms, base ${of("base").toFixed(2)} ms; current/base ${ratio.toFixed(3)} (median of the rounds' ratios)`);
    }
    console.log(`PDF bytes: ${differ === 0 ? `identical (${n} documents)` : `${differ} of ${n} DIFFERENT`}`);
    if (differ) process.exitCode = 1;
    console.log(`load after ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    rmSync(work, { recursive: true, force: true });
    process.exit();
  }
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
