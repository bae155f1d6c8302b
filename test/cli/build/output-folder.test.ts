/**
 * OutputFolder replaces only what itadoc made. A first build finds nothing at a document's name (told by lstat,
 * without a failed open); anything a clerk put there, a dangling link included, is kept and the document written
 * beside it; once the name is free again the copy beside is dropped.
 */
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diag/diagnostic.js";
import { OutputFolder, sha256 } from "../../../src/cli/build/output-folder.js";

const bytes = (s: string) => new TextEncoder().encode(s);

function folder(dir: string, stored = new Map()) {
  const diagnostics: Diagnostic[] = [];
  return { out: new OutputFolder(dir, stored, dir, diagnostics), diagnostics };
}

describe("OutputFolder.write", () => {
  it("writes at the name when nothing is there, also into a folder not made yet", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "itadoc-of-")), "org");
    const { out, diagnostics } = folder(dir);
    expect(await out.write("2563-memo.docx", bytes("one"), "k", "in.yaml")).toBe(join(dir, "2563-memo.docx"));
    expect(readFileSync(join(dir, "2563-memo.docx"), "utf8")).toBe("one");
    expect(out.manifest.get("2563-memo.docx")).toEqual({ key: "k", sha256: sha256(bytes("one")) });
    expect(diagnostics).toEqual([]);
  });

  it("keeps a dangling link and a clerk's file at the name, writes beside them, and goes back to the name once it is free", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-of-"));
    symlinkSync(join(dir, "nowhere"), join(dir, "2563-memo.docx"));
    writeFileSync(join(dir, "2564-measures.pdf"), "clerk's own");
    const { out, diagnostics } = folder(dir);
    expect(await out.write("2563-memo.docx", bytes("memo"), "k", "in.yaml")).toBe(join(dir, "2563-memo.itadoc-new.docx"));
    expect(lstatSync(join(dir, "2563-memo.docx")).isSymbolicLink()).toBe(true);
    expect(await out.write("2564-measures.pdf", bytes("pdf"), "k", "in.yaml")).toBe(join(dir, "2564-measures.itadoc-new.pdf"));
    expect(readFileSync(join(dir, "2564-measures.pdf"), "utf8")).toBe("clerk's own");
    expect(diagnostics.map((d) => d.code)).toEqual(["W_OUTPUT_EDITED", "W_OUTPUT_EDITED"]);

    // The clerk removes their file: the next build writes at the name and drops its unchanged copy beside.
    rmSync(join(dir, "2564-measures.pdf"));
    const again = folder(dir, new Map(out.manifest));
    expect(await again.out.write("2564-measures.pdf", bytes("pdf"), "k", "in.yaml")).toBe(join(dir, "2564-measures.pdf"));
    expect(existsSync(join(dir, "2564-measures.itadoc-new.pdf"))).toBe(false);
    expect([...again.out.manifest.keys()].sort()).toEqual(["2563-memo.itadoc-new.docx", "2564-measures.pdf"]);
  });

  it("does not take a name under a path that is not a folder as free", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-of-"));
    writeFileSync(join(dir, "org"), "a file where the folder would be");
    const { out } = folder(join(dir, "org"));
    // Refused as "every name taken" (EEXIST), not tried under the file (ENOTDIR): the path was not taken as free.
    await expect(out.write("2563-memo.docx", bytes("memo"), "k", "in.yaml")).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(join(dir, "org"), "utf8")).toBe("a file where the folder would be");
  });
});
