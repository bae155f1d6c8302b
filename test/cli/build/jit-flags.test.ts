import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { INTERRUPT_BUDGET_FLAG, LATE_TIER_UP_BELOW, lateTierUp } from "../../../src/cli/build/jit-flags.js";

/**
 * A child process (V8 flags are the process's, so one per variant) calls applyJitFlags for a run of
 * `organisations`, as runAll does, then starts a worker that calls a small function 2,000 times, with
 * --trace-opt, and counts V8's lines about that function: at V8's default budget it is marked and
 * optimised well before 2,000 calls; with the later tier-up not yet.
 */
function optimisationLines(organisations: number): number {
  const module = new URL("../../../src/cli/build/jit-flags.ts", import.meta.url).href;
  // An async function with import(): the eval'd worker runs as CommonJS or as a module, depending on the flags it inherits.
  const work = `(async () => {
    function hotForTest(a){let s=0;for(let i=0;i<4;i++)s+=a*i;return s}
    let t=0; for(let i=0;i<2000;i++) t+=hotForTest(i);
    (await import("node:worker_threads")).parentPort.postMessage(t);
  })()`;
  const main = `
    import { Worker } from "node:worker_threads";
    const jit = await import(${JSON.stringify(module)});
    jit.applyJitFlags(${organisations});
    const w = new Worker(${JSON.stringify(work)}, { eval: true });
    w.once("message", () => w.terminate());
  `;
  const loader = process.env.ITADOC_TS_WORKER_LOADER;
  if (!loader) throw new Error("ITADOC_TS_WORKER_LOADER is not set (vitest.config.ts sets it)");
  const r = spawnSync(process.execPath, ["--trace-opt", "--import", loader, "--input-type=module", "-e", main], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return r.stdout.split("\n").filter((l) => l.includes("hotForTest")).length;
}

describe("when a build's code is optimised (jit-flags.ts)", () => {
  test("small runs get the later tier-up, large ones V8's default", () => {
    expect(INTERRUPT_BUDGET_FLAG).toBe("--interrupt-budget=540672");
    expect(lateTierUp(1)).toBe(true);
    expect(lateTierUp(100)).toBe(true);
    expect(lateTierUp(LATE_TIER_UP_BELOW - 1)).toBe(true);
    expect(lateTierUp(LATE_TIER_UP_BELOW)).toBe(false);
    expect(lateTierUp(7850)).toBe(false);
    expect(lateTierUp(0)).toBe(false);
  });

  test("set after start-up for a small run, it delays optimisation in a worker started afterwards; a large run keeps the default", () => {
    expect(optimisationLines(100)).toBe(0);
    expect(optimisationLines(LATE_TIER_UP_BELOW)).toBeGreaterThan(0);
  });
});
