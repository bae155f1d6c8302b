/**
 * One build per output folder at a time: `.itadoc-lock` in the --out folder,
 * created with O_EXCL (exactly one of two racing runs gets it), holding the
 * process id, host and start time. A lock whose process is gone (same host,
 * pid not alive: a kill -9 or a power cut) is taken over; any other lock
 * refuses the run. The lock is removed when the build ends, however it ends,
 * and only if it is still this run's.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { link, open, rename, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { readRegularFile } from "../read-regular.js";
import { processAlive } from "../write-atomic.js";

export const LOCK_NAME = ".itadoc-lock";

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601, UTC. */
  readonly started: string;
  /** Random per run: tells this run's lock from a later one with a reused pid. */
  readonly id: string;
}

export type LockResult =
  | { readonly ok: true; readonly lock: OutLock; readonly takenOver?: LockInfo }
  /** `holder` undefined: a lock file that cannot be read as one (it is left alone). */
  | { readonly ok: false; readonly holder: LockInfo | undefined };

async function readLock(path: string): Promise<LockInfo | undefined> {
  const r = await readRegularFile(path, 4096, { noFollow: true });
  if (!r.ok) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(r.bytes)) as Partial<LockInfo>;
    if (Number.isSafeInteger(v.pid) && typeof v.host === "string" && typeof v.started === "string" && typeof v.id === "string") return v as LockInfo;
  } catch {
    // not a lock itadoc wrote
  }
  return undefined;
}

export async function acquireLock(dir: string): Promise<LockResult> {
  const path = join(dir, LOCK_NAME);
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), id: randomBytes(8).toString("hex") };
  let takenOver: LockInfo | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, "wx");
      try {
        await fh.writeFile(JSON.stringify(me) + "\n");
      } finally {
        await fh.close();
      }
      return { ok: true, lock: new OutLock(path, me.id), ...(takenOver ? { takenOver } : {}) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = await readLock(path);
    if (!holder || holder.host !== me.host || processAlive(holder.pid)) return { ok: false, holder };
    // Stale. Move it aside under a name of our own first: of two runs taking over at once, one rename wins.
    const aside = join(dir, `.itadoc-lock-stale-${me.id}`);
    if (!(await rename(path, aside).then(() => true, () => false))) continue;
    const moved = await readLock(aside);
    if (moved?.id !== holder.id) {
      // A live lock was made between our read and our rename: put it back and give way.
      await link(aside, path).catch(() => undefined);
      await rm(aside, { force: true });
      return { ok: false, holder: moved };
    }
    await rm(aside, { force: true });
    takenOver = holder;
  }
  return { ok: false, holder: await readLock(path) };
}

export class OutLock {
  private released = false;
  /** Also on process.exit (a usage error deep in a command), where finally blocks do not run. */
  private readonly onExit = () => this.releaseSync();

  constructor(
    readonly path: string,
    private readonly id: string,
  ) {
    process.on("exit", this.onExit);
  }

  private ours(text: string): boolean {
    try {
      return (JSON.parse(text) as Partial<LockInfo>).id === this.id;
    } catch {
      return false;
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    process.removeListener("exit", this.onExit);
    if ((await readLock(this.path))?.id === this.id) await rm(this.path, { force: true });
  }

  /** Removes the lock if it is still this run's (never a lock someone else took over after a crash). */
  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener("exit", this.onExit);
    try {
      if (this.ours(readFileSync(this.path, "utf8"))) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}
