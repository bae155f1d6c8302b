/** The one reading function: regular files only, judged on the open descriptor; at most limit + 1 bytes read. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readRegularFile, readRegularFileSync, type ReadOptions } from "../../src/cli/read-regular.js";

// The synchronous read (used where a rerun checks many small files in a row) must refuse exactly what the asynchronous one does.
const READS = [
  ["readRegularFile", readRegularFile],
  ["readRegularFileSync", async (path: string, limit: number, options?: ReadOptions) => readRegularFileSync(path, limit, options)],
] as const;

describe.each(READS)("%s", (_name, readRegularFile) => {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-read-"));
  test("a file of exactly the limit is read whole; one byte more is too large (with its size)", async () => {
    writeFileSync(join(dir, "ten"), "0123456789");
    const ok = await readRegularFile(join(dir, "ten"), 10);
    expect(ok.ok && Buffer.from(ok.bytes).toString()).toBe("0123456789");
    expect(await readRegularFile(join(dir, "ten"), 9)).toEqual({ ok: false, why: "too-large", size: 10 });
  });

  test("a FIFO is refused at once (no writer needed), /dev/zero and a folder too; a link to a regular file is followed", async () => {
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(await readRegularFile(join(dir, "fifo"), 100)).toEqual({ ok: false, why: "not-regular", kind: "fifo" });
    symlinkSync("/dev/zero", join(dir, "zero"));
    expect(await readRegularFile(join(dir, "zero"), 100)).toEqual({ ok: false, why: "not-regular", kind: "character-device" });
    mkdirSync(join(dir, "sub"));
    expect(await readRegularFile(join(dir, "sub"), 100)).toMatchObject({ ok: false, why: "not-regular", kind: "directory" });
    symlinkSync(join(dir, "ten"), join(dir, "link"));
    expect((await readRegularFile(join(dir, "link"), 100)).ok).toBe(true);
  });

  test("a missing file: the system's code", async () => {
    expect(await readRegularFile(join(dir, "nothing"), 100)).toEqual({ ok: false, why: "error", code: "ENOENT" });
  });

  test("noFollow refuses a link; an empty file is read as empty", async () => {
    writeFileSync(join(dir, "target"), "x");
    symlinkSync(join(dir, "target"), join(dir, "nofollow"));
    expect(await readRegularFile(join(dir, "nofollow"), 100, { noFollow: true })).toEqual({ ok: false, why: "not-regular", kind: "symlink" });
    writeFileSync(join(dir, "empty"), "");
    const r = await readRegularFile(join(dir, "empty"), 100);
    expect(r.ok && r.bytes.length).toBe(0);
  });
});
