/**
 * A rerun decides from bytes, before parsing, that an organisation has
 * nothing to do (src/cli/build/skip-unchanged.ts), and stays correct: any
 * change to what a build reads (year files, org.yaml, the emblem, the
 * templates, the files the folder lists, what is asked), a clerk's edit to
 * an output and a deleted output all send the organisation back to a full
 * build; --force rebuilds; the diagnostics of a skipped organisation are the
 * ones its last build reported.
 *
 * "Sent to a worker or not" is observed through the test-only worker fault
 * (src/cli/build/worker.ts): with ITADOC_TEST_WORKER_FAULT=crash:kk, any
 * worker given the organisation dies, and the build reports E_INTERNAL. Those
 * builds pass --jobs 1: without it, a run this small is built in the command's
 * own thread (scheduler.ts placement), where there is no worker to die.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { MANIFEST_NAME, RECORD_KEY } from "../../../src/cli/build/manifest.js";
import { blankPng } from "../../helpers/images.js";
import { EXAMPLES, ROOT } from "../../helpers/load-example.js";
import { runCli } from "../../helpers/run-cli.js";

interface Report {
  documents: Array<{ out: string; skipped: boolean; kind: string }>;
  diagnostics: Array<{ code: string; file?: string; line?: number; message: string }>;
}

function kkCase(): string {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-incr-"));
  cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
  return dir;
}

async function build(dir: string, ...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(["build", "kk", "--out", "out", "--json", ...extra], dir);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** A build during which any worker given the organisation kk dies (so only a build that never hands it out succeeds). */
async function buildWithoutWorkers(dir: string, ...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const before = process.env.ITADOC_TEST_WORKER_FAULT;
  process.env.ITADOC_TEST_WORKER_FAULT = "crash:kk";
  try {
    return await build(dir, "--jobs", "1", ...extra);
  } finally {
    if (before === undefined) delete process.env.ITADOC_TEST_WORKER_FAULT;
    else process.env.ITADOC_TEST_WORKER_FAULT = before;
  }
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

const skipped = (r: { report: Report }) => r.report.documents.map((d) => d.skipped);
const codes = (r: { report: Report }) => r.report.diagnostics.map((d) => d.code);
const sentToWorker = (r: { code: number; report: Report }) => r.code === 2 && codes(r).includes("E_INTERNAL");

describe("a rerun with nothing changed", () => {
  test("is decided before parsing: no worker is given the organisation, the report lists the same documents and the same diagnostics", async () => {
    const dir = kkCase();
    const first = await build(dir);
    expect(first.code).toBe(0);
    expect(skipped(first)).toEqual([false, false]);
    const again = await buildWithoutWorkers(dir);
    expect(again.code).toBe(0);
    expect(skipped(again)).toEqual([true, true]);
    expect(again.report.documents.map((d) => d.out)).toEqual(first.report.documents.map((d) => d.out));
    // What the input says is said again (notes, warnings with their positions), not "N warnings as last time".
    expect(again.report.diagnostics).toEqual(first.report.diagnostics);
    expect(first.report.diagnostics.length).toBeGreaterThan(0);
    // The terminal report says the same too, apart from "unchanged" and the time.
    const text = async () => (await runCli(["build", "kk", "--out", "out"], dir)).stderr.replace(/[0-9.]+ วินาที/, "").split("\n").filter((l) => !l.includes("out/kk/"));
    expect(await text()).toEqual(await text());
  });

  test("the control: with the same fault, an organisation that needs work is sent to a worker and the build fails", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    edit(join(dir, "kk", "2562.yaml"), "I1: 87.67", "I1: 87.68");
    expect(sentToWorker(await buildWithoutWorkers(dir))).toBe(true);
  });
});

describe("what sends an organisation back to a full build", () => {
  test("a clerk's edit to an output (detected by the manifest's sha256): kept, the new document written beside it; then unchanged again", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const memo = join(dir, "out", "kk", "2563-memo.docx");
    const edited = Buffer.concat([readFileSync(memo), Buffer.from("clerk's edit")]);
    writeFileSync(memo, edited);
    const r = await build(dir);
    expect(r.code).toBe(0);
    expect(codes(r)).toContain("W_OUTPUT_EDITED");
    expect(readFileSync(memo).equals(edited)).toBe(true);
    expect(r.report.documents.map((d) => d.out)).toContain("out/kk/2563-memo.itadoc-new.docx");
    // The edit event is not replayed, the copy beside is the current one.
    const again = await buildWithoutWorkers(dir);
    expect(again.code).toBe(0);
    expect(skipped(again)).toEqual([true, true]);
    expect(again.report.documents.map((d) => d.out)).toContain("out/kk/2563-memo.itadoc-new.docx");
    expect(codes(again)).not.toContain("W_OUTPUT_EDITED");
  });

  test("a deleted output is rebuilt with the same bytes; the other document stays unchanged", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const pdf = join(dir, "out", "kk", "2564-measures.pdf");
    const good = readFileSync(pdf);
    rmSync(pdf);
    const r = await build(dir);
    expect(r.code).toBe(0);
    expect(r.report.documents.map((d) => [d.kind, d.skipped])).toEqual([["memo", true], ["measures", false]]);
    expect(readFileSync(pdf).equals(good)).toBe(true);
  });

  test("a changed template rebuilds every document; the same template copy again skips", async () => {
    const dir = kkCase();
    cpSync(join(ROOT, "templates"), join(dir, "tpl"), { recursive: true });
    expect((await build(dir, "--templates", "tpl")).code).toBe(0);
    expect(skipped(await buildWithoutWorkers(dir, "--templates", "tpl"))).toEqual([true, true]);
    const hbs = join(dir, "tpl", "memo", "memo.hbs");
    writeFileSync(hbs, readFileSync(hbs, "utf8") + "\n{{!-- a clerk's note --}}\n");
    expect(sentToWorker(await buildWithoutWorkers(dir, "--templates", "tpl"))).toBe(true);
    expect(skipped(await build(dir, "--templates", "tpl"))).toEqual([false, false]);
  });

  test("a changed setting in org.yaml, a changed emblem, and a new file in the folder", async () => {
    const dir = kkCase();
    const org = join(dir, "kk", "org.yaml");
    edit(org, "settings:\n", "settings:\n  emblem: garuda.png\n");
    writeFileSync(join(dir, "kk", "garuda.png"), blankPng(40, 40));
    expect((await build(dir)).code).toBe(0);
    expect(skipped(await buildWithoutWorkers(dir))).toEqual([true, true]);
    // The emblem's bytes: org.yaml is the same, the image is not.
    writeFileSync(join(dir, "kk", "garuda.png"), blankPng(41, 41));
    expect(sentToWorker(await buildWithoutWorkers(dir))).toBe(true);
    expect(skipped(await build(dir))).toEqual([false, false]);
    // A setting.
    edit(org, "numerals: thai", "numerals: arabic");
    expect(sentToWorker(await buildWithoutWorkers(dir))).toBe(true);
    expect(skipped(await build(dir))).toEqual([false, false]);
    // A file the folder now lists (its warning must not be hidden by a skip).
    writeFileSync(join(dir, "kk", "2564 copy.yaml"), "fiscal_year: 2564\n");
    const listed = await build(dir);
    expect(codes(listed)).toContain("W_FILE_IGNORED");
    expect(codes(await buildWithoutWorkers(dir))).toContain("W_FILE_IGNORED");
  });

  test("a changed picture of a sections: entry (its path is in the year file, its bytes are not)", async () => {
    const dir = kkCase();
    edit(join(dir, "kk", "2564.yaml"), "  layout: tool-table\n", "  layout: tool-table\n  sections: [title, org-line, { type: image, file: picture.png, width: 4, height: 2 }, analysis, plan]\n");
    writeFileSync(join(dir, "kk", "picture.png"), blankPng(40, 20));
    expect((await build(dir)).code).toBe(0);
    expect(skipped(await buildWithoutWorkers(dir))).toEqual([true, true]);
    writeFileSync(join(dir, "kk", "picture.png"), blankPng(41, 20));
    expect(sentToWorker(await buildWithoutWorkers(dir))).toBe(true);
    expect(skipped(await build(dir))).toEqual([false, false]);
  });

  test("a different request (--kind, --year) is not answered from the record of another; --force rebuilds", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const memoOnly = await buildWithoutWorkers(dir, "--kind", "memo");
    expect(sentToWorker(memoOnly)).toBe(true);
    const memo = await build(dir, "--kind", "memo");
    expect(memo.report.documents.map((d) => [d.kind, d.skipped])).toEqual([["memo", true]]);
    expect(skipped(await buildWithoutWorkers(dir, "--kind", "memo"))).toEqual([true]);
    expect(sentToWorker(await buildWithoutWorkers(dir, "--force"))).toBe(true);
    expect(skipped(await build(dir, "--force"))).toEqual([false, false]);
  });

  test("an input with errors is not recorded: every rerun parses it and reports the error again", async () => {
    const dir = kkCase();
    edit(join(dir, "kk", "2564.yaml"), "I1: 95.57", "I1: 120");
    const first = await build(dir);
    expect(first.code).toBe(1);
    expect(codes(first)).toContain("E_SCORE_RANGE");
    expect(sentToWorker(await buildWithoutWorkers(dir))).toBe(true);
    const again = await build(dir);
    expect(again.code).toBe(1);
    expect(again.report.diagnostics).toEqual(first.report.diagnostics.filter((d) => d.code !== "W_STALE_REMOVED"));
  });
});

describe("a record that is not what itadoc wrote", () => {
  test("a damaged record is ignored quietly and the organisation built in full; a record whose input hashes do not match is not trusted", async () => {
    const dir = kkCase();
    expect((await build(dir)).code).toBe(0);
    const path = join(dir, "out", "kk", MANIFEST_NAME);
    const manifest = JSON.parse(readFileSync(path, "utf8"));
    const record = manifest[RECORD_KEY];
    expect(record.deps.length).toBeGreaterThan(1);
    writeFileSync(path, JSON.stringify({ ...manifest, [RECORD_KEY]: { ...record, deps: "everything" } }));
    const damaged = await buildWithoutWorkers(dir);
    expect(sentToWorker(damaged)).toBe(true);
    expect(codes(damaged)).not.toContain("W_MANIFEST_ENTRY");
    const wrongHash = { ...record, deps: record.deps.map((d: { sha256?: string }, i: number) => (i === 1 ? { ...d, sha256: "0".repeat(64) } : d)) };
    writeFileSync(path, JSON.stringify({ ...manifest, [RECORD_KEY]: wrongHash }));
    expect(sentToWorker(await buildWithoutWorkers(dir))).toBe(true);
    // A full build writes the record anew.
    expect(skipped(await build(dir))).toEqual([true, true]);
    expect(skipped(await buildWithoutWorkers(dir))).toEqual([true, true]);
  });
});
