/**
 * A worker whose heap has grown past what a fresh one needs makes way for a fresh one between
 * two tasks (worker-heap.ts RETIRE_POLICY, pool.ts): the run goes on with the same results, and a
 * worker that dies while making a document still fails only its own task.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { replaceSpent, RETIRE_POLICY, workerSpent } from "../../../src/cli/build/worker-heap.js";
import { ROOT } from "../../helpers/load-example.js";

// The pool itself is under test: not the in-process stand-in that test/helpers/in-process-pool.ts gives builds.
vi.unmock("../../../src/cli/build/pool.js");

const MB = 1024 * 1024;

describe("when a worker is spent (workerSpent)", () => {
  test("past the heap limit, once it has made the minimum of organisations; never before", () => {
    const { heapMb, afterAtLeast } = RETIRE_POLICY;
    expect(workerSpent(afterAtLeast, (heapMb + 1) * MB)).toBe(true);
    expect(workerSpent(afterAtLeast - 1, 10 * heapMb * MB)).toBe(false);
    expect(workerSpent(10 * afterAtLeast, heapMb * MB)).toBe(false);
    const small = { heapMb: 1, afterAtLeast: 3, rssBaseMb: 0, rssPerWorkerMb: 0 };
    expect(workerSpent(3, 2 * MB, small)).toBe(true);
    expect(workerSpent(2, 2 * MB, small)).toBe(false);
  });

  test("replaced only while the process is past its budget for that many workers, and not again before the last replacement has settled", () => {
    const { rssBaseMb, rssPerWorkerMb, afterAtLeast } = RETIRE_POLICY;
    const budget = (workers: number) => (rssBaseMb + rssPerWorkerMb * workers) * MB;
    expect(replaceSpent(budget(2) + MB, 2, Infinity)).toBe(true);
    expect(replaceSpent(budget(2) - MB, 2, Infinity)).toBe(false);
    // The same RSS is within the budget of four workers.
    expect(replaceSpent(budget(2) + MB, 4, Infinity)).toBe(false);
    expect(replaceSpent(budget(2) + MB, 2, afterAtLeast - 1)).toBe(false);
    expect(replaceSpent(budget(2) + MB, 2, afterAtLeast)).toBe(true);
  });

  test("the shipped budget: two workers stay under the 500 MB a national run must keep to", () => {
    expect(RETIRE_POLICY.rssBaseMb + 2 * RETIRE_POLICY.rssPerWorkerMb).toBeLessThanOrEqual(460);
    // Past a fresh worker's young generation (64 MB) and loaded code.
    expect(RETIRE_POLICY.heapMb).toBeGreaterThan(100);
    expect(RETIRE_POLICY.afterAtLeast).toBeGreaterThanOrEqual(100);
  });
});

describe("a pool that replaces spent workers", () => {
  const fault = process.env.ITADOC_TEST_WORKER_FAULT;
  afterEach(() => {
    if (fault === undefined) delete process.env.ITADOC_TEST_WORKER_FAULT;
    else process.env.ITADOC_TEST_WORKER_FAULT = fault;
  });

  test("replaces a worker after each task it was spent on; a crash in between fails only its own task", async () => {
    const { WorkerPool } = await import("../../../src/cli/build/pool.js");
    const { discover } = await import("../../../src/cli/discover.js");
    const root = mkdtempSync(join(tmpdir(), "itadoc-retire-"));
    for (const name of ["a", "victim", "c"]) cpSync(join(ROOT, "examples/khon-kaen-city"), join(root, "in", name), { recursive: true });
    const folders = await discover([join(root, "in")], root);
    const byName = (n: string) => folders.find((f) => f.dir.endsWith(`/${n}`))!;
    // Read by each worker from its environment as it starts: every worker of this pool crashes on "victim".
    process.env.ITADOC_TEST_WORKER_FAULT = "crash:victim";
    const settings = { cwd: root, kinds: ["memo" as const], formats: ["docx" as const], years: new Set([2563]), force: false, toolKey: "test" };
    let retired = 0;
    // Spent after every task (heap over 0 MB, from the first organisation on), and always past a budget of 0 MB.
    const pool = new WorkerPool(1, { settings }, { retire: { heapMb: 0, afterAtLeast: 1, rssBaseMb: 0, rssPerWorkerMb: 0 }, onRetired: () => retired++ });
    try {
      const run = (n: string) => pool.run({ folder: byName(n), outDir: join(root, "out", n) });
      const a = await run("a");
      expect(a.ok, JSON.stringify(a)).toBe(true);
      expect(retired).toBe(1);
      // The fresh worker takes the next task; it dies making it, and is replaced, not counted as retired.
      const victim = await run("victim");
      expect(victim).toMatchObject({ ok: false, message: "worker exited with code 70" });
      expect(retired).toBe(1);
      const c = await run("c");
      expect(c.ok && c.result.docs.map((d) => [d.kind, d.format, d.skipped]), JSON.stringify(c)).toEqual([["memo", "docx", false]]);
      expect(retired).toBe(2);
      expect(existsSync(join(root, "out", "a", "2563-memo.docx")) && existsSync(join(root, "out", "c", "2563-memo.docx"))).toBe(true);
      expect(existsSync(join(root, "out", "victim", "2563-memo.docx"))).toBe(false);
    } finally {
      await pool.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
