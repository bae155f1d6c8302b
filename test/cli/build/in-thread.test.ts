/**
 * A small build without --jobs runs in the command's own thread
 * (src/cli/build/in-thread.ts): no worker pool is made, and a worker fault
 * (which any worker given the organisation would die of) does not touch it.
 * The same documents as from a worker: test/e2e/build.test.ts compares the bytes.
 */
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EXAMPLES } from "../../helpers/load-example.js";
import { poolsMade } from "../../helpers/real-workers.js";
import { runCli } from "../../helpers/run-cli.js";

describe("a small build without --jobs", () => {
  test("makes no worker pool; built even while any worker given the organisation would crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-in-thread-"));
    cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
    const before = { ...poolsMade };
    const fault = process.env.ITADOC_TEST_WORKER_FAULT;
    process.env.ITADOC_TEST_WORKER_FAULT = "crash:kk";
    try {
      const r = await runCli(["build", "kk", "--out", "out", "--json"], dir);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as { documents: Array<{ out: string; skipped: boolean }> };
      expect(report.documents.map((d) => [d.out, d.skipped])).toEqual([
        ["out/kk/2563-memo.docx", false],
        ["out/kk/2564-measures.pdf", false],
      ]);
      expect(existsSync(join(dir, "out", "kk", "2564-measures.pdf"))).toBe(true);
      expect(poolsMade).toEqual(before);
      // The control: with --jobs 1 the same organisation goes to a worker, which dies of the fault.
      const inWorker = await runCli(["build", "kk", "--out", "out2", "--json", "--jobs", "1"], dir);
      expect(inWorker.code).toBe(2);
      expect(inWorker.stdout).toContain("E_INTERNAL");
      expect(poolsMade.threads).toBe(before.threads + 1);
    } finally {
      if (fault === undefined) delete process.env.ITADOC_TEST_WORKER_FAULT;
      else process.env.ITADOC_TEST_WORKER_FAULT = fault;
    }
  });
});
