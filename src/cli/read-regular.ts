/**
 * Reads a file only if it is a regular file, and at most `limit` bytes of
 * it, checked on the open descriptor: a FIFO, a device or a link to one is
 * refused before any read (opening never blocks), and a file that grows
 * while read is still cut at the limit.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";

export type RegularRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly why: "missing" | "not-file" | "too-large" | "read"; readonly size?: number; readonly code?: string };

/** O_NOFOLLOW where the platform has it: a link is not followed, it is "not a file". */
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);

export async function readRegularFile(path: string, limit: number): Promise<RegularRead> {
  let fh;
  try {
    fh = await open(path, FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code === "ENOENT") return { ok: false, why: "missing" };
    // ELOOP: a symbolic link under O_NOFOLLOW; ENXIO: a FIFO or socket without a writer.
    return { ok: false, why: code === "ELOOP" || code === "ENXIO" ? "not-file" : "read", code };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { ok: false, why: "not-file" };
    if (st.size > limit) return { ok: false, why: "too-large", size: st.size };
    // One byte more than the file has: reading it means the file grew while read.
    let buf = new Uint8Array(Math.min(limit, st.size) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > limit) return { ok: false, why: "too-large", size: n };
      if (n === buf.length) {
        const grown = new Uint8Array(Math.min(limit + 1, buf.length * 2));
        grown.set(buf);
        buf = grown;
      }
    }
    return { ok: true, bytes: buf.subarray(0, n) };
  } catch (e) {
    return { ok: false, why: "read", code: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    await fh.close();
  }
}
