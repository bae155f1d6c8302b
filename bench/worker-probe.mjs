/**
 * What a build worker's heap does over a long run, measured from inside the worker without changing
 * the build: give this module to node with --import (the workers inherit it), e.g.
 *
 *   PROBE_LOG=/dev/shm/p.jsonl PROBE_EVERY=250 node --import ./bench/worker-probe.mjs dist/cli/bin.js build DIR --kind memo,measures --jobs 2
 *
 * In each build worker, between two organisations (when the next task arrives), every PROBE_EVERY
 * organisations it appends one JSON line to PROBE_LOG: the thread, organisations made, V8's heap
 * (physical and used, MB), each space as [physical, committed, used] MB, external and array-buffer
 * memory, and the process's VmRSS. Options (environment):
 *   PROBE_NORETIRE=1      worker replacement off (RETIRE_POLICY.heapMb = Infinity, as the pool hands it to the worker)
 *   PROBE_SNAP=200,1800   heap snapshots of the first worker at those counts, beside PROBE_LOG
 *   PROBE_GC_EVERY=N      a forced full GC every N organisations (logged: count and wall ms)
 * bench/RESULTS.md, "wip/heap", is what it found. Not used by the build or the tests.
 */
import { isMainThread, parentPort, workerData, threadId } from "node:worker_threads";
import { getHeapStatistics, getHeapSpaceStatistics, setFlagsFromString, writeHeapSnapshot } from "node:v8";
import { runInNewContext } from "node:vm";
import { appendFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const MB = (bytes) => Math.round(bytes / 1e5) / 10;

if (!isMainThread && workerData?.retire) {
  if (process.env.PROBE_NORETIRE) workerData.retire.heapMb = Infinity;
  const log = process.env.PROBE_LOG ?? "worker-probe.jsonl";
  const every = Number(process.env.PROBE_EVERY ?? 250);
  const snaps = new Set((process.env.PROBE_SNAP ?? "").split(",").filter(Boolean).map(Number));
  const gcEvery = Number(process.env.PROBE_GC_EVERY ?? 0);
  let gc;
  if (gcEvery) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc");
    setFlagsFromString("--no-expose-gc");
  }
  let made = 0;
  let gcs = 0;
  let gcMs = 0;
  const probe = () => {
    if (gcEvery && made > 0 && made % gcEvery === 0) {
      const t = performance.now();
      gc();
      gcMs += performance.now() - t;
      gcs++;
    }
    if (made === 0 || (made % every !== 0 && !snaps.has(made))) return;
    const h = getHeapStatistics();
    const spaces = {};
    for (const s of getHeapSpaceStatistics()) spaces[s.space_name.replace("_space", "")] = [MB(s.physical_space_size), MB(s.space_size), MB(s.space_used_size)];
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]) / 1024;
    const mu = process.memoryUsage();
    const line = { thread: threadId, made, heapPhysical: MB(h.total_physical_size), heapUsed: MB(h.used_heap_size), external: MB(mu.external), arrayBuffers: MB(mu.arrayBuffers), rssMb: Math.round(rss), gcs, gcMs: Math.round(gcMs), spaces };
    appendFileSync(log, JSON.stringify(line) + "\n");
    if (snaps.has(made) && threadId === 1) writeHeapSnapshot(join(dirname(log), `worker-${threadId}-${made}.heapsnapshot`));
  };
  // Wrapped, not added beside it: a listener of our own would start the port before the worker's
  // module listens, and the first task would reach only us.
  const on = parentPort.on;
  parentPort.on = function (event, listener) {
    if (event !== "message") return on.call(this, event, listener);
    parentPort.on = on;
    return on.call(this, event, (msg) => {
      probe();
      made++;
      return listener(msg);
    });
  };
}
