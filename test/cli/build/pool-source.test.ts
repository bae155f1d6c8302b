/**
 * The pool run from its TypeScript source (as here, under vitest) starts worker.ts through the
 * loader named in ITADOC_TS_WORKER_LOADER, so builds in tests run the sources, not a stale dist/.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ROOT } from "../../helpers/load-example.js";

// The pool itself is under test: not the in-process stand-in that test/helpers/in-process-pool.ts gives builds.
vi.unmock("../../../src/cli/build/pool.js");

describe("worker pool from the sources", () => {
  const loader = process.env.ITADOC_TS_WORKER_LOADER;
  afterEach(() => {
    process.env.ITADOC_TS_WORKER_LOADER = loader;
    vi.resetModules();
  });

  test("vitest.config.ts names the loader, and it is a file URL of test/helpers/ts-worker/register.mjs", () => {
    expect(loader).toMatch(/^file:\/\/.*\/test\/helpers\/ts-worker\/register\.mjs$/);
  });

  test("without the loader, loading the pool from source fails with a message that says what to set", async () => {
    delete process.env.ITADOC_TS_WORKER_LOADER;
    vi.resetModules();
    await expect(import("../../../src/cli/build/pool.js")).rejects.toThrow(/ITADOC_TS_WORKER_LOADER is not set/);
  });

  test("with it, a worker loads worker.ts and its imports from source and builds a document", async () => {
    const { WorkerPool } = await import("../../../src/cli/build/pool.js");
    const { discover } = await import("../../../src/cli/discover.js");
    const [folder] = await discover(["examples/khon-kaen-city"], ROOT);
    const out = mkdtempSync(join(tmpdir(), "itadoc-pool-"));
    const settings = { cwd: ROOT, kinds: ["memo" as const], formats: ["docx" as const], years: new Set([2563]), force: false, toolKey: "test" };
    const pool = new WorkerPool(1, { settings });
    try {
      const outcome = await pool.run({ folder: folder!, outDir: out });
      expect(outcome.ok && outcome.result.docs.map((d) => [d.kind, d.format, d.skipped]), JSON.stringify(outcome)).toEqual([["memo", "docx", false]]);
      expect(readFileSync(join(out, "2563-memo.docx")).subarray(0, 2).toString()).toBe("PK");
    } finally {
      await pool.close();
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("a worker given the template files the command read compiles those, not the folder again", async () => {
    const { WorkerPool } = await import("../../../src/cli/build/pool.js");
    const { discover } = await import("../../../src/cli/discover.js");
    const { readTemplates } = await import("../../../src/cli/build/resources-load.js");
    const [folder] = await discover(["examples/khon-kaen-city"], ROOT);
    const read = await readTemplates(undefined, ROOT);
    if (!read.ok) throw new Error("the shipped templates did not read");
    // The memo's title as the command read it, different from the file on disk.
    const memo = [...read.files.keys()].find((k) => /(^|[\\/])memo[\\/]memo\.hbs$/.test(k))!;
    const files = new Map(read.files);
    files.set(memo, read.files.get(memo)!.replace('title="', 'title="READ-BY-THE-COMMAND '));
    const out = mkdtempSync(join(tmpdir(), "itadoc-pool-"));
    const settings = { cwd: ROOT, kinds: ["memo" as const], formats: ["docx" as const], years: new Set([2563]), force: false, toolKey: "test" };
    const pool = new WorkerPool(1, { settings, templateFiles: { files, hash: read.hash } });
    try {
      const outcome = await pool.run({ folder: folder!, outDir: out });
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
      const core = strFromU8(unzipSync(readFileSync(join(out, "2563-memo.docx")))["docProps/core.xml"]!);
      expect(core).toContain("READ-BY-THE-COMMAND ");
    } finally {
      await pool.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
