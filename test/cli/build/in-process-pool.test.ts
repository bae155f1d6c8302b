/**
 * The stand-in for worker threads that builds in tests use (test/helpers/in-process-pool.ts):
 * builds run in this process by default and in real threads inside withRealWorkers, and what
 * a worker could not be given (data that does not survive structuredClone) still fails.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { WorkerPool } from "../../../src/cli/build/pool.js";
import { discover } from "../../../src/cli/discover.js";
import { ROOT } from "../../helpers/load-example.js";
import { poolsMade, withRealWorkers } from "../../helpers/real-workers.js";
import { runCli } from "../../helpers/run-cli.js";

// --jobs 1: without it, one organisation is built in the command's own thread, with no pool at all (scheduler.ts placement).
const build = () => runCli(["build", "examples/khon-kaen-city", "--kind", "memo", "--out", mkdtempSync(join(tmpdir(), "itadoc-pool-")), "--json", "--jobs", "1"]);

describe("builds in tests", () => {
  test("run in this process by default, in worker threads inside withRealWorkers; the same documents either way", async () => {
    // ITADOC_TEST_REAL_WORKERS=1 (real-workers.ts) puts every build in threads, this one's first too.
    const forced = process.env.ITADOC_TEST_REAL_WORKERS === "1" ? 1 : 0;
    const before = { ...poolsMade };
    const here = await build();
    expect(poolsMade).toEqual({ inProcess: before.inProcess + 1 - forced, threads: before.threads + forced });
    const threads = await withRealWorkers(build);
    expect(poolsMade).toEqual({ inProcess: before.inProcess + 1 - forced, threads: before.threads + 1 + forced });
    expect([here.code, threads.code]).toEqual([0, 0]);
    const docs = (r: { stdout: string }) => (JSON.parse(r.stdout) as { documents: Array<{ kind: string; format: string }> }).documents.map((d) => [d.kind, d.format]);
    expect(docs(here)).toEqual([["memo", "docx"]]);
    expect(docs(threads)).toEqual(docs(here));
  });

  test("a task that could not cross to a worker thread fails here too", async () => {
    const [folder] = await discover(["examples/khon-kaen-city"], ROOT);
    const settings = { cwd: ROOT, kinds: ["memo" as const], formats: ["docx" as const], force: false, toolKey: "test" };
    const task = { folder: folder!, outDir: mkdtempSync(join(tmpdir(), "itadoc-pool-")), notCloneable: () => 0 };
    for (const pool of [new WorkerPool(1, { settings }), await withRealWorkers(async () => new WorkerPool(1, { settings }))]) {
      await expect(pool.run(task)).rejects.toThrow(/could not be cloned/);
      await pool.close();
    }
  });
});
