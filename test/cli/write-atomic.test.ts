/**
 * writeAtomic with synchronous calls (bench/RESULTS.md, t17in): still a
 * temporary file beside the target then a rename, the folder made only when
 * missing, nothing left behind when the write fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeAtomic } from "../../src/cli/write-atomic.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("writeAtomic", () => {
  test("makes a missing folder, then replaces the file; no temporary file is left", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-wa-"));
    const target = join(dir, "a", "b", "2567-memo.docx");
    await writeAtomic(target, bytes("one"));
    expect(readFileSync(target, "utf8")).toBe("one");
    await writeAtomic(target, bytes("two"));
    expect(readFileSync(target, "utf8")).toBe("two");
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["2567-memo.docx"]);
  });

  test("a target that cannot be replaced (a folder): the error is thrown with its code, the temporary file removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-wa-"));
    mkdirSync(join(dir, "2567-memo.docx"));
    await expect(writeAtomic(join(dir, "2567-memo.docx"), bytes("x"))).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
    expect(readdirSync(dir)).toEqual(["2567-memo.docx"]);
  });

  test("a folder below a regular file: ENOTDIR, as before", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-wa-"));
    writeFileSync(join(dir, "blocker"), "a file");
    await expect(writeAtomic(join(dir, "blocker", "out", "x.pdf"), bytes("x"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });
});
