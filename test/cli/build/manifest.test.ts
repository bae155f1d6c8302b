/** The manifest is the proof that a file is itadoc's: names are validated, and the file is read only if it is a regular file of bounded size. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { isOwnOutputName, MANIFEST_LIMIT, MANIFEST_NAME, readManifest, writeManifest } from "../../../src/cli/build/manifest.js";

const SHA = "a".repeat(64);

describe("isOwnOutputName", () => {
  test.each(["2563-memo.docx", "2564-measures.pdf", "2564-report.pdf", "2563-memo.itadoc-new.docx", "2563-memo.itadoc-new-2.docx"])("accepts %s", (name) => {
    expect(isOwnOutputName(name)).toBe(true);
  });
  test.each([
    "2563-memo.docx/../../../victim.txt",
    "../victim.pdf",
    "a/../b.pdf",
    "/etc/passwd.pdf",
    "sub/2563-memo.docx",
    "a\\..\\b.pdf",
    "C:x.pdf",
    "C:\\Windows\\x.pdf",
    "\\\\server\\share\\x.pdf",
    "2563-memo\u0000.docx",
    "2563-memo.docx\u0000",
    "..pdf",
    ".itadoc-manifest.json",
    ".itadoc-lock",
    ".hidden.pdf",
    "org.yaml",
    "2564.yaml",
    "~WRL0001.tmp",
    "",
  ])("refuses %j", (name) => {
    expect(isOwnOutputName(name)).toBe(false);
  });
});

describe("readManifest", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "itadoc-manifest-"));

  test("round trip; invalid entries dropped with one warning naming the count and an example", async () => {
    const d = dir();
    await writeManifest(d, new Map([["2563-memo.docx", { key: "k", sha256: SHA }]]));
    expect(await readManifest(d, "m")).toEqual({ manifest: new Map([["2563-memo.docx", { key: "k", sha256: SHA }]]), warnings: [] });
    writeFileSync(join(d, MANIFEST_NAME), JSON.stringify({ "2563-memo.docx": { key: "k", sha256: SHA }, "../x.pdf": { key: "k", sha256: SHA }, "2564-measures.pdf": { key: "k", sha256: "short" }, ["__proto__"]: { key: "k", sha256: SHA } }));
    const r = await readManifest(d, "m");
    expect([...r.manifest.keys()]).toEqual(["2563-memo.docx"]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: "W_MANIFEST_ENTRY", params: expect.objectContaining({ count: 3 }) })]);
  });

  test("the format of itadoc 0.1 (name → key) is dropped quietly: those files are then checked by their bytes", async () => {
    const d = dir();
    writeFileSync(join(d, MANIFEST_NAME), JSON.stringify({ "2563-memo.docx": "0123" }));
    expect(await readManifest(d, "m")).toEqual({ manifest: new Map(), warnings: [] });
  });

  test.each([
    ["too large", (p: string) => writeFileSync(p, " ".repeat(MANIFEST_LIMIT + 1)), "size"],
    ["not JSON", (p: string) => writeFileSync(p, "{ not json"), "json"],
    ["a JSON list", (p: string) => writeFileSync(p, "[1,2]"), "json"],
    ["not UTF-8", (p: string) => writeFileSync(p, Buffer.from([0x7b, 0xff, 0x7d])), "json"],
    ["a folder", (p: string) => mkdirSync(p), "not-file"],
    ["a link to /dev/zero", (p: string) => symlinkSync("/dev/zero", p), "not-file"],
    // Opening a FIFO for reading waits for a writer for ever: it must be refused without a hang.
    ["a FIFO", (p: string) => execFileSync("mkfifo", [p]), "not-file"],
  ])("%s: ignored with W_MANIFEST_IGNORED (%s), nothing trusted", async (_what, make, why) => {
    const d = dir();
    make(join(d, MANIFEST_NAME));
    const r = await readManifest(d, "out/x/.itadoc-manifest.json");
    expect(r.manifest.size).toBe(0);
    expect(r.warnings).toEqual([expect.objectContaining({ code: "W_MANIFEST_IGNORED", params: expect.objectContaining({ why }), pos: { file: "out/x/.itadoc-manifest.json", line: 0, col: 0 } })]);
  });

  test("missing: nothing trusted, nothing said", async () => {
    expect(await readManifest(dir(), "m")).toEqual({ manifest: new Map(), warnings: [] });
  });
});
