/**
 * The pool's boot handshake (src/cli/build/pool.ts, worker-boot.ts): the run's V8 flags are set
 * exactly once, after every first worker has booted (so Node's built-ins came from its cache),
 * and before any worker loads the build; a first worker that dies before it boots keeps nobody
 * waiting. Real worker threads: the in-process stand-in pool of the other tests has no boot.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { ROOT } from "../../helpers/load-example.js";

vi.unmock("../../../src/cli/build/pool.js");

type PoolInternals = { booting: Set<unknown>; slots: { worker: { terminate(): Promise<number> } }[] };

async function buildOneWith(prepare: (pool: PoolInternals) => Promise<void>): Promise<{ flags: number; bootingAtFlags: number[]; ok: boolean }> {
  const { WorkerPool } = await import("../../../src/cli/build/pool.js");
  const { discover } = await import("../../../src/cli/discover.js");
  const [folder] = await discover(["examples/khon-kaen-city"], ROOT);
  const out = mkdtempSync(join(tmpdir(), "itadoc-pool-boot-"));
  const settings = { cwd: ROOT, kinds: ["memo" as const], formats: ["docx" as const], years: new Set([2563]), force: false, toolKey: "test" };
  const bootingAtFlags: number[] = [];
  let pool: InstanceType<typeof WorkerPool> | undefined;
  pool = new WorkerPool(2, { settings }, { flags: () => bootingAtFlags.push((pool as unknown as PoolInternals).booting.size) });
  try {
    await prepare(pool as unknown as PoolInternals);
    const outcome = await pool.run({ folder: folder!, outDir: out });
    return { flags: bootingAtFlags.length, bootingAtFlags, ok: outcome.ok };
  } finally {
    await pool.close();
    rmSync(out, { recursive: true, force: true });
  }
}

describe("the pool's boot handshake", () => {
  test("flags set once, when no first worker is still booting; the task is built", async () => {
    const r = await buildOneWith(async () => undefined);
    expect(r.ok).toBe(true);
    expect(r.flags).toBe(1);
    expect(r.bootingAtFlags).toEqual([0]);
  }, 60_000);

  test("first workers that die before they boot: flags still set once, the task still built by a replacement", async () => {
    const r = await buildOneWith(async (pool) => {
      await Promise.all(pool.slots.map((s) => s.worker.terminate()));
    });
    expect(r.ok).toBe(true);
    expect(r.flags).toBe(1);
  }, 60_000);
});
