#!/usr/bin/env node
/**
 * Memory of one command over its run: VmRSS of the process sampled every second (or --every s), printed at
 * 10 %, 20 % … 100 % of the samples, with the peak and the wall time. RSS does not depend on
 * the machine's load the way CPU times do, so two variants run at the same moment compare.
 *
 *   node bench/rss-sample.mjs <label> -- node dist/cli/bin.js build <dir> --kind memo,measures --force --jobs 2
 *   node bench/rss-sample.mjs <label> -- /usr/bin/time -f "%U %S %M" node dist/cli/bin.js build …
 *   node bench/rss-sample.mjs <label> --every 5 -- …   (a sample every 5 s, for a national run)
 *
 * With /usr/bin/time in front, the samples are of its child (the node process) and time
 * prints the CPU. The command's own output goes to this script's stderr; the result line
 * (JSON) to stdout.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const dash = process.argv.indexOf("--");
if (dash < 3 || dash === process.argv.length - 1) {
  console.error("usage: node bench/rss-sample.mjs <label> -- <command> [args…]");
  process.exit(2);
}
const label = process.argv[2];
const everyAt = process.argv.indexOf("--every");
const everyS = everyAt > 2 && everyAt < dash ? Number(process.argv[everyAt + 1]) : 1;
if (!(everyS > 0)) {
  console.error("--every: seconds between samples (> 0)");
  process.exit(2);
}
const [cmd, ...args] = process.argv.slice(dash + 1);
const started = Date.now();
const child = spawn(cmd, args, { stdio: ["ignore", process.stderr, process.stderr] });
const wrapped = /(^|\/)time$/.test(cmd);
const samples = [];
let pid = wrapped ? 0 : child.pid;

function sample() {
  try {
    if (!pid) pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(" ")[0]) || 0;
    if (!pid) return;
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    if (rss) samples.push(Number(rss[1]) / 1024);
  } catch {
    // the process is starting or has just ended
  }
}

const timer = setInterval(sample, everyS * 1000);
child.on("exit", (code) => {
  clearInterval(timer);
  const at = (p) => Math.round(samples[Math.max(0, Math.ceil(p * samples.length) - 1)] ?? 0);
  const tenths = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map(at);
  const peak = Math.round(Math.max(0, ...samples));
  console.log(JSON.stringify({ label, code, wallS: (Date.now() - started) / 1000, samples: samples.length, peakRssMb: peak, rssMbAtTenths: tenths }));
});
