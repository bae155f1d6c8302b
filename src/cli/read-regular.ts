/**
 * The one way itadoc reads a file the user named or that was found in the
 * user's folders (year files, org.yaml, templates, partials, columns.yaml,
 * the emblem). It opens without blocking and judges the open descriptor:
 * a FIFO, device or socket is refused before a single byte is read (a FIFO
 * would hang the command, /dev/zero would fill the memory), and the size
 * limit is enforced on what is actually read (limit + 1 bytes at most), not
 * only on what a prior stat said, because the file can change in between.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

export type ReadRefusal =
  /** Not a regular file: FIFO, device, socket or folder. `kind` names it. */
  | { readonly ok: false; readonly why: "not-regular"; readonly kind: FileKind }
  /** Larger than the limit; `size` is what fstat says (at least limit + 1). */
  | { readonly ok: false; readonly why: "too-large"; readonly size: number }
  /** The system refused (ENOENT, EACCES, ELOOP …). */
  | { readonly ok: false; readonly why: "error"; readonly code: string };

export type ReadRegular = { readonly ok: true; readonly bytes: Uint8Array } | ReadRefusal;

export type FileKind = "fifo" | "character-device" | "block-device" | "socket" | "directory" | "symlink" | "other";

export interface ReadOptions {
  /** Refuse a symbolic link instead of following it (itadoc's own files: the build record, the lock, its outputs). */
  readonly noFollow?: boolean;
}

/** True when the refusal means only that the file is not there. */
export function isMissing(r: ReadRefusal): boolean {
  return r.why === "error" && r.code === "ENOENT";
}

const CHUNK = 64 * 1024;

export async function readRegularFile(path: string, limit: number, options: ReadOptions = {}): Promise<ReadRegular> {
  let fh: FileHandle;
  try {
    fh = await open(path, openFlags(options));
  } catch (e) {
    return openRefusal(e, options);
  }
  try {
    const st = await fh.stat();
    const refused = statRefusal(st, limit);
    if (refused) return refused;
    const chunks: Buffer[] = [];
    let total = 0;
    // Read until end of file or limit + 1 bytes, whichever first: a file that grew since fstat is still bounded.
    for (;;) {
      const want = Math.min(CHUNK, limit + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > limit) return { ok: false, why: "too-large", size: Math.max(total, st.size) };
    return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks, total)) };
  } catch (e) {
    return { ok: false, why: "error", code: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * The same read with synchronous calls: for the many small files a rerun checks in a row
 * (manifests, inputs, outputs to hash), where a promise round trip per open, fstat, read and
 * close costs more than the reading. One buffer of the file's size, +1 byte to see it grow.
 */
export function readRegularFileSync(path: string, limit: number, options: ReadOptions = {}): ReadRegular {
  let fd: number;
  try {
    fd = openSync(path, openFlags(options));
  } catch (e) {
    return openRefusal(e, options);
  }
  try {
    const st = fstatSync(fd);
    const refused = statRefusal(st, limit);
    if (refused) return refused;
    const buf = Buffer.allocUnsafe(st.size + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0 || (total += n) === buf.length) break;
    }
    if (total <= st.size) return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, total) };
    // The file grew since fstat: read on, bounded at limit + 1 bytes, as the asynchronous read does.
    const chunks = [buf];
    while (total <= limit) {
      const more = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, more, 0, more.length, null);
      if (n === 0) break;
      chunks.push(more.subarray(0, n));
      total += n;
    }
    if (total > limit) return { ok: false, why: "too-large", size: total };
    return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks, total)) };
  } catch (e) {
    return { ok: false, why: "error", code: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      /* nothing left to do with it */
    }
  }
}

function openFlags(options: ReadOptions): number {
  // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
  return constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
}

function openRefusal(e: unknown, options: ReadOptions): ReadRefusal {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  // A Unix socket cannot be opened at all: say what it is rather than "ENXIO".
  if (code === "ENXIO") return { ok: false, why: "not-regular", kind: "socket" };
  if (code === "EISDIR") return { ok: false, why: "not-regular", kind: "directory" };
  // ELOOP under O_NOFOLLOW: the name is a symbolic link.
  if (code === "ELOOP" && options.noFollow) return { ok: false, why: "not-regular", kind: "symlink" };
  return { ok: false, why: "error", code };
}

function statRefusal(st: Stats, limit: number): ReadRefusal | undefined {
  if (!st.isFile()) return { ok: false, why: "not-regular", kind: kindOf(st) };
  if (st.size > limit) return { ok: false, why: "too-large", size: st.size };
  return undefined;
}

function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): FileKind {
  if (st.isFIFO()) return "fifo";
  if (st.isCharacterDevice()) return "character-device";
  if (st.isBlockDevice()) return "block-device";
  if (st.isSocket()) return "socket";
  if (st.isDirectory()) return "directory";
  return "other";
}

/** Thai and English names of a non-regular file's kind, for messages. */
export const FILE_KIND_TH: Record<FileKind, string> = {
  fifo: "ท่อส่งข้อมูล (FIFO)",
  "character-device": "อุปกรณ์ (character device)",
  "block-device": "อุปกรณ์ (block device)",
  socket: "ซ็อกเก็ต (socket)",
  directory: "โฟลเดอร์",
  symlink: "ลิงก์ (symbolic link)",
  other: "ไฟล์ชนิดพิเศษ",
};
export const FILE_KIND_EN: Record<FileKind, string> = {
  fifo: "a FIFO (named pipe)",
  "character-device": "a character device",
  "block-device": "a block device",
  socket: "a socket",
  directory: "a folder",
  symlink: "a symbolic link",
  other: "a special file",
};
