/**
 * Write to a temporary file beside the target, then rename: a reader (or an
 * interrupted run) never sees half a document.
 *
 * Temporary files are named `.itadoc-<pid>-<id>-<name>.tmp`: a prefix no
 * other program uses, and the process that made them. Cleaning removes only
 * those names, and only when that process is this one or no longer alive, so
 * Word's `~WRL0001.tmp` beside an open memo, or a clerk's `.tmp` among the
 * inputs when --out is the input folder, is never touched.
 */
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** One per thread (workers share the process id, not this module), so two threads never pick the same name. */
const THREAD_ID = randomBytes(4).toString("hex");
let counter = 0;

const TEMP = /^\.itadoc-([0-9]+)-[0-9a-f]+-[0-9]+-.*\.tmp$/s;

export function temporaryName(target: string): string {
  return join(dirname(target), `.itadoc-${process.pid}-${THREAD_ID}-${++counter}-${basename(target)}.tmp`);
}

/**
 * Synchronous calls inside: a build writes its documents one after another,
 * and a promise round trip through the thread pool for each of mkdir, open,
 * write, close and rename cost more than the writing (bench/RESULTS.md, t17in).
 * The folder is made only when the open finds it missing: it nearly always exists.
 */
export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  writeAtomicSync(path, bytes);
}

export function writeAtomicSync(path: string, bytes: Uint8Array): void {
  const tmp = temporaryName(path);
  try {
    const fd = openNew(tmp);
    try {
      writeFileSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** "wx": never write through a file (or link) that happens to exist under the temporary name. */
function openNew(tmp: string): number {
  try {
    return openSync(tmp, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(dirname(tmp), { recursive: true });
    return openSync(tmp, "wx");
  }
}

/** Is the process alive on this machine? EPERM means it is, but belongs to someone else. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files in `dir` that a run killed outright (power cut,
 * kill -9, Ctrl-C between write and rename) left behind: itadoc's own names,
 * made by this process or by one that is gone. Returns the names removed.
 */
export async function removeStaleTemporaryFiles(dir: string): Promise<string[]> {
  // Listed synchronously: a rerun lists every organisation's folder in a row (see discover.ts).
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const stale = names.filter((n) => {
    const pid = Number(TEMP.exec(n)?.[1] ?? NaN);
    return Number.isSafeInteger(pid) && pid > 0 && (pid === process.pid || !processAlive(pid));
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true }).catch(() => undefined)));
  return stale;
}
