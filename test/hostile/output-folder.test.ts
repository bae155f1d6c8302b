/**
 * The output folder is shared with people and other programs: itadoc
 * removes or replaces only files it can prove it wrote (name validated,
 * bytes equal to the sha256 in its manifest), cleans only its own temporary
 * files, never overwrites a clerk's edit, and survives a manifest that is
 * huge, damaged or tampered with.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EXAMPLES } from "../helpers/load-example.js";
import { runCli } from "../helpers/run-cli.js";
import { withRealWorkers } from "../helpers/real-workers.js";
import { deadPid, filesUnder, isComplete, sha256Of, type JsonDiagnostic } from "./helpers.js";

interface Report {
  documents: Array<{ out: string; skipped: boolean }>;
  diagnostics: JsonDiagnostic[];
}

/** A temp folder with Khon Kaen's example copied to kk/. */
function kkCase(): string {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-own-"));
  cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
  return dir;
}

async function build(dir: string, ...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(["build", "kk", "--out", "out", "--json", ...extra], dir);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

const codes = (r: Report) => r.diagnostics.map((d) => d.code);

describe("only its own files", () => {
  test("a manifest entry that leads outside --out (2563-memo.docx/../../../victim.txt) deletes nothing there", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "a file on the shared drive");
    const manifestPath = join(dir, "out", "kk", ".itadoc-manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
    // The hash is right, so only the name can stop it.
    for (const name of ["2563-memo.docx/../../../victim.txt", "2563-memo./../../victim.txt", "2563-memo.\u0000docx"]) manifest[name] = { key: "x", sha256: sha256Of(victim) };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    edit(join(dir, "kk", "2563.yaml"), "\n  subject:", "\n  subjet:");
    const r = await build(dir);
    expect(r.code).toBe(1);
    expect(readFileSync(victim, "utf8")).toBe("a file on the shared drive");
    const ignored = r.report.diagnostics.find((d) => d.code === "W_MANIFEST_ENTRY");
    expect(ignored?.message).toContain("3 รายการ");
    expect(ignored?.message).toContain("victim.txt");
    // Its own memo is still withdrawn, and the bad entries are gone from the manifest it writes.
    expect(r.report.diagnostics).toContainEqual(expect.objectContaining({ code: "W_STALE_REMOVED" }));
    expect(Object.keys(JSON.parse(readFileSync(manifestPath, "utf8")))).toEqual(["2564-measures.pdf"]);
  });

  test("~WRL0001.tmp and a clerk's .tmp among the inputs (--out is the input folder) are kept; a dead run's own temporary file is removed", async () => {
    const dir = kkCase();
    const kk = join(dir, "kk");
    const foreign = { "~WRL0001.tmp": "Word's lock beside an open memo", "notes.tmp": "a clerk's draft", "2563-memo.docx.1.2.tmp": "not itadoc's name" };
    for (const [n, t] of Object.entries(foreign)) writeFileSync(join(kk, n), t);
    const dead = `.itadoc-${deadPid()}-0a1b2c3d-7-2563-memo.docx.tmp`;
    // A temporary file of another run that is still alive is not stale: the process that started this test
    // (the build runs in this one, whose own leftovers are stale by definition).
    const alive = `.itadoc-${process.ppid}-0a1b2c3d-7-2564-measures.pdf.tmp`;
    writeFileSync(join(kk, dead), "half a document");
    writeFileSync(join(kk, alive), "being written");
    const r = await runCli(["build", "kk", "--out", "."], dir);
    expect(r.code).toBe(0);
    for (const [n, t] of Object.entries(foreign)) expect(readFileSync(join(kk, n), "utf8"), n).toBe(t);
    expect(existsSync(join(kk, alive))).toBe(true);
    expect(existsSync(join(kk, dead))).toBe(false);
    expect(isComplete(join(kk, "2563-memo.docx"))).toBe(true);
    // The inputs are untouched too.
    for (const n of readdirSync(join(EXAMPLES, "khon-kaen-city"))) expect(readFileSync(join(kk, n)).equals(readFileSync(join(EXAMPLES, "khon-kaen-city", n))), n).toBe(true);
  });
});

describe("edits are never lost", () => {
  test("a memo edited in place is kept; the new one is written beside it with a warning naming both; deleting the edit brings the usual name back", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const memo = join(dir, "out", "kk", "2563-memo.docx");
    const beside = join(dir, "out", "kk", "2563-memo.itadoc-new.docx");
    const edited = Buffer.concat([readFileSync(memo), Buffer.from("clerk's edit")]);
    writeFileSync(memo, edited);
    edit(join(dir, "kk", "2562.yaml"), "I1: 87.67", "I1: 87.68");
    const r = await build(dir);
    expect(r.code).toBe(0);
    expect(readFileSync(memo).equals(edited)).toBe(true);
    expect(isComplete(beside)).toBe(true);
    const w = r.report.diagnostics.find((d) => d.code === "W_OUTPUT_EDITED");
    expect(w?.message).toContain("out/kk/2563-memo.docx");
    expect(w?.message).toContain("out/kk/2563-memo.itadoc-new.docx");
    expect(w?.message).toContain("ถูกแก้ไข");
    expect(r.report.documents.map((d) => d.out)).toContain("out/kk/2563-memo.itadoc-new.docx");
    // Nothing changed since: the copy beside is up to date; --force rebuilds but still keeps the edit.
    expect((await build(dir)).report.documents.every((d) => d.skipped)).toBe(true);
    expect((await build(dir, "--force")).code).toBe(0);
    expect(readFileSync(memo).equals(edited)).toBe(true);
    // The clerk drops the edit: the memo is made under its own name again, and the copy beside is withdrawn.
    const newMemo = readFileSync(beside);
    rmSync(memo);
    const back = await build(dir);
    expect(back.code).toBe(0);
    expect(back.report.documents.map((d) => d.out)).toContain("out/kk/2563-memo.docx");
    expect(readFileSync(memo).equals(newMemo)).toBe(true);
    expect(existsSync(beside)).toBe(false);
  });

  test("a truncated or deleted output is rebuilt, never taken as unchanged (a truncated one is not ours any more: kept, rebuilt beside)", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const pdf = join(dir, "out", "kk", "2564-measures.pdf");
    const memo = join(dir, "out", "kk", "2563-memo.docx");
    const good = readFileSync(pdf);
    truncateSync(pdf, Math.floor(good.length / 2));
    const r = await build(dir);
    expect(r.code).toBe(0);
    expect(r.report.documents.find((d) => d.out.includes("2564-measures."))).toEqual(expect.objectContaining({ out: "out/kk/2564-measures.itadoc-new.pdf", skipped: false }));
    expect(readFileSync(join(dir, "out", "kk", "2564-measures.itadoc-new.pdf")).equals(good)).toBe(true);
    expect(readFileSync(pdf).length).toBe(Math.floor(good.length / 2));
    expect(codes(r.report)).toContain("W_OUTPUT_EDITED");
    const memoBytes = readFileSync(memo);
    rmSync(memo);
    expect((await build(dir)).report.documents.find((d) => d.out.endsWith("2563-memo.docx"))?.skipped).toBe(false);
    expect(readFileSync(memo).equals(memoBytes)).toBe(true);
  });

  test("an edited document is not withdrawn when its input gets an error: kept, with a warning that it may be out of date", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const memo = join(dir, "out", "kk", "2563-memo.docx");
    writeFileSync(memo, Buffer.concat([readFileSync(memo), Buffer.from("signed")]));
    const edited = readFileSync(memo);
    edit(join(dir, "kk", "2563.yaml"), "\n  subject:", "\n  subjet:");
    const r = await build(dir);
    expect(r.code).toBe(1);
    expect(readFileSync(memo).equals(edited)).toBe(true);
    expect(codes(r.report)).toContain("W_STALE_KEPT");
    expect(codes(r.report)).not.toContain("W_STALE_REMOVED");
    expect(r.report.diagnostics.find((d) => d.code === "W_STALE_KEPT")?.message).toContain("out/kk/2563-memo.docx");
  });
});

describe("a manifest that is not what itadoc wrote", () => {
  test("an 83 MB manifest among three organisations: ignored with a warning, all three built", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-own-"));
    for (const n of ["a", "b", "c"]) cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "in", n), { recursive: true });
    mkdirSync(join(dir, "out", "b"), { recursive: true });
    // Valid JSON with 2.5 million entries: parsing it is what used to exhaust memory.
    const entry = (i: number) => `"k${i}":"${"v".repeat(24)}"`;
    const chunk = Array.from({ length: 100_000 }, (_, i) => entry(i)).join(",");
    const parts: string[] = [];
    let size = 0;
    while (size < 83_000_000) {
      parts.push(chunk);
      size += chunk.length + 1;
    }
    writeFileSync(join(dir, "out", "b", ".itadoc-manifest.json"), `{${parts.join(",")}}`);
    // In a worker (384 MB heap) parsing it used to kill that organisation's build: real workers, with their cap.
    const r = await withRealWorkers(() => runCli(["build", "in", "--out", "out", "--json", "--jobs", "2"], dir));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.documents.map((d) => d.out).sort()).toEqual(["a", "b", "c"].flatMap((n) => [`out/${n}/2563-memo.docx`, `out/${n}/2564-measures.pdf`]));
    const w = report.diagnostics.find((d) => d.code === "W_MANIFEST_IGNORED");
    expect(w?.file).toBe("out/b/.itadoc-manifest.json");
    expect(w?.message).toContain("ใหญ่");
    // The next run has a manifest it can trust again.
    expect(readFileSync(join(dir, "out", "b", ".itadoc-manifest.json")).length).toBeLessThan(10_000);
  });

  test("a damaged manifest is ignored with a warning; outputs identical to what it would write are kept, nothing else in the folder is touched", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const out = join(dir, "out", "kk");
    writeFileSync(join(out, "scan-signed.pdf"), "a clerk's scan");
    const before = Object.fromEntries(filesUnder(out).filter((f) => !f.startsWith(".")).map((f) => [f, sha256Of(join(out, f))]));
    writeFileSync(join(out, ".itadoc-manifest.json"), '{"2563-memo.docx": {"key": "');
    const r = await build(dir);
    expect(r.code).toBe(0);
    expect(codes(r.report)).toContain("W_MANIFEST_IGNORED");
    expect(codes(r.report)).not.toContain("W_OUTPUT_EDITED");
    expect(Object.fromEntries(filesUnder(out).filter((f) => !f.startsWith(".")).map((f) => [f, sha256Of(join(out, f))]))).toEqual(before);
    expect((await build(dir)).report.documents.every((d) => d.skipped)).toBe(true);
  });
});
