/**
 * Reading and saving the clerk's data files for the page. Nothing is lost:
 * a save is refused when the file on disk is not the one the page opened
 * (someone else, or the clerk in another editor, changed it: the page is
 * shown both); otherwise the version on disk is first copied into the
 * folder's `.itadoc-backup/`, then the new text replaces the file
 * atomically (a temporary name beside it, then rename). Backups are bounded
 * per file; only names itadoc gave its backups are ever removed.
 */
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { MAX_FILE_BYTES } from "../input/max-file-bytes.js";
import { readRegularFile, type ReadRefusal } from "../cli/read-regular.js";
import { removeStaleTemporaryFiles, writeAtomic } from "../cli/write-atomic.js";

export const BACKUP_DIR = ".itadoc-backup";
/** Backups kept per file: enough to undo a morning's saves, few enough never to fill a folder. */
export const MAX_BACKUPS = 10;

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type ReadText = { readonly ok: true; readonly text: string; readonly hash: string; readonly bytes: Uint8Array } | { readonly ok: false; readonly refusal: ReadRefusal | { readonly ok: false; readonly why: "encoding" } };

/** The file as the page sees it: text (UTF-8) and the hash of its bytes. Links are not followed. */
export async function readText(abs: string): Promise<ReadText> {
  const r = await readRegularFile(abs, MAX_FILE_BYTES, { noFollow: true });
  if (!r.ok) return { ok: false, refusal: r };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(r.bytes);
    return { ok: true, text, hash: sha256(r.bytes), bytes: r.bytes };
  } catch {
    return { ok: false, refusal: { ok: false, why: "encoding" } };
  }
}

export type SaveResult =
  | { readonly ok: true; readonly hash: string; readonly backup: string | null }
  | { readonly ok: false; readonly conflict: { readonly diskText: string; readonly diskHash: string | null } }
  | { readonly ok: false; readonly refusal: ReadRefusal | { readonly ok: false; readonly why: "encoding" } };

/** One save at a time per file: two tabs saving at once must not both pass the hash check. */
const saving = new Map<string, Promise<unknown>>();

/**
 * Saves `text` over `abs` if the file on disk still has `baseHash` (null: the
 * page believes there is no file yet).
 */
export async function saveText(abs: string, text: string, baseHash: string | null, now: Date): Promise<SaveResult> {
  const before = saving.get(abs) ?? Promise.resolve();
  const run = before.then(() => saveNow(abs, text, baseHash, now));
  const settled = run.catch(() => undefined);
  saving.set(abs, settled);
  try {
    return await run;
  } finally {
    if (saving.get(abs) === settled) saving.delete(abs);
  }
}

async function saveNow(abs: string, text: string, baseHash: string | null, now: Date): Promise<SaveResult> {
  // A save cut off by a power failure leaves its temporary file (itadoc's own name) beside the data file: cleared first.
  await removeStaleTemporaryFiles(dirname(abs));
  const exists = await lstat(abs).then(
    () => true,
    () => false,
  );
  let backup: string | null = null;
  if (exists) {
    const disk = await readText(abs);
    if (!disk.ok) return { ok: false, refusal: disk.refusal };
    if (disk.hash !== baseHash) return { ok: false, conflict: { diskText: disk.text, diskHash: disk.hash } };
    // Saving the very text on disk changes nothing: no backup that only repeats the file.
    if (disk.text === text) return { ok: true, hash: disk.hash, backup: null };
    backup = await keepBackup(abs, disk.bytes, now);
  } else if (baseHash !== null) {
    return { ok: false, conflict: { diskText: "", diskHash: null } };
  }
  const bytes = new TextEncoder().encode(text);
  await writeAtomic(abs, bytes);
  return { ok: true, hash: sha256(bytes), backup };
}

/** "2564.yaml" → "2564.yaml.20261201-130512-042-000007.bak": time (UTC, ms) then a counter, so names sort oldest first; recognisably itadoc's. */
const BACKUP_NAME = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9]{6}\\.bak$`);
let backupCounter = 0;

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}-${p(++backupCounter % 1e6, 6)}`;
}

/** Copies the version on disk into .itadoc-backup/ beside it and drops the oldest beyond MAX_BACKUPS; returns the backup's path relative to the file's folder. */
async function keepBackup(abs: string, bytes: Uint8Array, now: Date): Promise<string> {
  const dir = join(dirname(abs), BACKUP_DIR);
  const st = await lstat(dir).catch(() => undefined);
  // A link or a file in the backup folder's place is not ours to write through or replace.
  if (st && (st.isSymbolicLink() || !st.isDirectory())) throw Object.assign(new Error(`${BACKUP_DIR} is not a folder`), { code: "ENOTDIR" });
  if (!st) {
    // Two files of the folder saved at once may both make it: the second finds it made.
    await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
    const made = await lstat(dir);
    if (made.isSymbolicLink() || !made.isDirectory()) throw Object.assign(new Error(`${BACKUP_DIR} is not a folder`), { code: "ENOTDIR" });
  }
  const name = `${basename(abs)}.${stamp(now)}.bak`;
  await writeAtomic(join(dir, name), bytes);
  const mine = BACKUP_NAME(basename(abs));
  const backups = (await readdir(dir)).filter((n) => mine.test(n)).sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - MAX_BACKUPS))) await rm(join(dir, old), { force: true });
  return `${BACKUP_DIR}/${name}`;
}
