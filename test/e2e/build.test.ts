import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { EXAMPLES, ROOT } from "../helpers/load-example.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { withRealWorkers } from "../helpers/real-workers.js";

/** Every document under a folder → sha256 of its bytes, keyed by relative path. */
function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(pdf|docx)$/.test(e.name)) out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** A complete PDF ends with %%EOF; a complete DOCX (zip) ends with its end-of-central-directory record. */
function isComplete(file: string): boolean {
  const b = readFileSync(file);
  if (file.endsWith(".pdf")) return b.subarray(-8).toString("latin1").includes("%%EOF");
  return b.length > 22 && b.readUInt32LE(b.length - 22) === 0x06054b50;
}

let dataset: string;
/**
 * Organisations in the bulk set (4 documents each). 8 (it was 24): what the bulk tests check holds
 * with fewer. Two workers get four organisations each, so their order still interleaves (--jobs 2 vs 1);
 * Ctrl-C comes after 6 documents, when at most two organisations are in flight and half are not begun.
 */
const ORGS = 8;

beforeAll(() => {
  dataset = mkdtempSync(join(tmpdir(), "itadoc-bulk-"));
  spawnSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), join(dataset, "nat"), String(ORGS)], { stdio: "ignore" });
});

describe("itadoc build", () => {
  test("one broken file among good ones: the others are built, exit 1, the report names it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "in", "kk"), { recursive: true });
    cpSync(join(EXAMPLES, "nakhon-ratchasima-city"), join(dir, "in", "nr"), { recursive: true });
    const broken = join(dir, "in", "kk", "2564.yaml");
    writeFileSync(broken, readFileSync(broken, "utf8").replace("I1: 95.57", "I1: 120"));
    const r = await runCli(["build", "in", "--out", "out", "--format", "pdf", "--json", "--jobs", "2"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([expect.objectContaining({ code: "E_SCORE_RANGE", file: "in/kk/2564.yaml" })]);
    const outs = report.documents.map((d: { out: string }) => d.out).sort();
    // The 2563 memo of the same organisation and every Nakhon Ratchasima document are still made.
    expect(outs).toEqual(["out/kk/2563-memo.pdf", "out/nr/2564-report.pdf", "out/nr/2565-measures.pdf", "out/nr/2565-progress.pdf"]);
    expect(existsSync(join(dir, "out", "kk", "2564-measures.pdf"))).toBe(false);
  });

  test("output paths mirror the input tree; a case-only collision is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    cpSync(join(EXAMPLES, "nakhon-ratchasima-city"), join(dir, "in", "a", "nr"), { recursive: true });
    cpSync(join(EXAMPLES, "nakhon-ratchasima-city"), join(dir, "in", "b", "nr"), { recursive: true });
    const ok = await runCli(["build", "in", "--out", "out", "--kind", "report"], dir);
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, "out", "a", "nr", "2564-report.pdf"))).toBe(true);
    expect(existsSync(join(dir, "out", "b", "nr", "2564-report.pdf"))).toBe(true);
    cpSync(join(EXAMPLES, "nakhon-ratchasima-city"), join(dir, "in", "A", "nr"), { recursive: true });
    const clash = await runCli(["build", "in", "--out", "out2", "--kind", "report"], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("E_USAGE");
    expect(clash.stderr).toContain("in/A/nr");
    expect(existsSync(join(dir, "out2"))).toBe(false);
  });

  test("identical bytes across four runs: worker threads with --jobs 1 and 2, the in-process stand-in the other tests use, and the command's own thread (no --jobs)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    const args = ["build", dataset, "--kind", "memo,measures", "--format", "pdf,docx"];
    await withRealWorkers(async () => {
      expect((await runCli([...args, "--out", join(dir, "a"), "--jobs", "1"])).code).toBe(0);
      expect((await runCli([...args, "--out", join(dir, "b"), "--jobs", "2"])).code).toBe(0);
    });
    // test/helpers/in-process-pool.ts: what most build tests run; it must make what the workers make.
    expect((await runCli([...args, "--out", join(dir, "c"), "--jobs", "2"])).code).toBe(0);
    // src/cli/build/in-thread.ts: a run this small without --jobs has no worker at all.
    expect((await runCli([...args, "--out", join(dir, "d")])).code).toBe(0);
    const a = digests(join(dir, "a"));
    expect(Object.keys(a)).toHaveLength(ORGS * 4);
    expect(digests(join(dir, "b"))).toEqual(a);
    expect(digests(join(dir, "c"))).toEqual(a);
    expect(digests(join(dir, "d"))).toEqual(a);
  });

  test("a re-run skips unchanged documents, rebuilds changed ones, and --force rebuilds all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
    const build = async (...extra: string[]) => JSON.parse((await runCli(["build", "kk", "--out", "out", "--json", ...extra], dir)).stdout);
    const first = await build();
    expect(first.documents.map((d: { skipped: boolean }) => d.skipped)).toEqual([false, false]);
    const second = await build();
    expect(second.documents.map((d: { skipped: boolean }) => d.skipped)).toEqual([true, true]);
    // Any file of the organisation feeds the memo's multi-year table: editing 2562 rebuilds both.
    const f = join(dir, "kk", "2562.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("I1: 87.67", "I1: 87.68"));
    expect((await build()).documents.map((d: { skipped: boolean }) => d.skipped)).toEqual([false, false]);
    expect((await build()).documents.map((d: { skipped: boolean }) => d.skipped)).toEqual([true, true]);
    expect((await build("--force")).documents.map((d: { skipped: boolean }) => d.skipped)).toEqual([false, false]);
  });

  test("Ctrl-C mid-way leaves no partial file, and a re-run completes the job", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    const out = join(dir, "out");
    const child = spawn(process.execPath, [BIN, "build", dataset, "--kind", "memo,measures", "--format", "pdf,docx", "--out", out, "--jobs", "2"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // Interrupt once some documents exist, while others are being written.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (allFiles(out).filter((f) => /\.(pdf|docx)$/.test(f)).length >= 6) {
          clearInterval(poll);
          child.kill("SIGINT");
          resolve();
        }
      }, 20);
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("Ctrl-C");
    const files = allFiles(out);
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const docs = files.filter((f) => /\.(pdf|docx)$/.test(f));
    expect(docs.length).toBeLessThan(ORGS * 4);
    for (const f of docs) expect(isComplete(f), f).toBe(true);
    const again = await runCli(["build", dataset, "--kind", "memo,measures", "--format", "pdf,docx", "--out", out, "--jobs", "2"]);
    expect(again.code).toBe(0);
    const all = allFiles(out).filter((f) => /\.(pdf|docx)$/.test(f));
    expect(all).toHaveLength(ORGS * 4);
    for (const f of all) expect(isComplete(f), f).toBe(true);
  });

  test("temporary files left by a run killed outright (kill -9) are removed by the next run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    // One organisation given alone is written to out/<its folder name>/.
    const org = readdirSync(join(dataset, "nat", "province-00"))[0]!;
    const target = join(dir, "out", org);
    mkdirSync(target, { recursive: true });
    // itadoc's own temporary name, made by a process that is gone.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(target, `.itadoc-${dead}-0a1b2c3d-7-2567-memo.docx.tmp`), "half a document");
    const r = await runCli(["build", join(dataset, "nat", "province-00", org), "--out", join(dir, "out"), "--kind", "memo"]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "out", org)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(statSync(join(dir, "out", org, "2567-memo.docx")).size).toBeGreaterThan(1000);
  });
});

describe("documents of an input that now has errors", () => {
  test("are withdrawn with a warning, so last run's memo cannot pass for a current one; fixing the input makes it anew", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
    expect((await runCli(["build", "kk", "--out", "out"], dir)).code).toBe(0);
    const memo = join(dir, "out", "kk", "2563-memo.docx");
    expect(existsSync(memo)).toBe(true);
    const file = join(dir, "kk", "2563.yaml");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("\n  subject:", "\n  subjet:"));
    const r = await runCli(["build", "kk", "--out", "out", "--json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "W_STALE_REMOVED", file: "kk/2563.yaml" }));
    expect(existsSync(memo)).toBe(false);
    expect(existsSync(join(dir, "out", "kk", "2564-measures.pdf"))).toBe(true);
    writeFileSync(file, good);
    expect((await runCli(["build", "kk", "--out", "out"], dir)).code).toBe(0);
    expect(existsSync(memo)).toBe(true);
  });

  test("a file itadoc did not make is never removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
    mkdirSync(join(dir, "out", "kk"), { recursive: true });
    writeFileSync(join(dir, "out", "kk", "2563-memo-signed.pdf"), "scanned, signed copy");
    const file = join(dir, "kk", "2563.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("I1: 92.44", "I1: 120"));
    expect((await runCli(["build", "kk", "--out", "out"], dir)).code).toBe(1);
    expect(readFileSync(join(dir, "out", "kk", "2563-memo-signed.pdf"), "utf8")).toBe("scanned, signed copy");
  });
});

describe("--year", () => {
  test("a year that matches no file is an error naming the years present, not a silent success", async () => {
    const r = await runCli(["build", "examples/nakhon-ratchasima-city", "--out", mkdtempSync(join(tmpdir(), "itadoc-")), "--year", "2599"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[E_YEAR_NOT_FOUND]");
    expect(r.stderr).toContain("2564, 2565");
  });

  test("a range builds only the years in it", async () => {
    const out = mkdtempSync(join(tmpdir(), "itadoc-"));
    const r = await runCli(["build", "examples", "--out", out, "--year", "2563-2564", "--json"]);
    expect(r.code).toBe(0);
    const outs = JSON.parse(r.stdout).documents.map((d: { out: string }) => relative(out, join(ROOT, d.out)));
    expect(outs.sort()).toEqual(["khon-kaen-city/2563-memo.docx", "khon-kaen-city/2564-measures.pdf", "nakhon-ratchasima-city/2564-report.pdf"]);
  });
});

describe("a mistake inside one document's section", () => {
  test("stops that document only: a typo in memo: still lets the year's measures be built", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    expect((await runCli(["init", "org"], dir)).code).toBe(0);
    const yearFile = readdirSync(join(dir, "org")).find((n) => /^\d{4}\.yaml$/.test(n))!;
    const year = yearFile.slice(0, 4);
    const path = join(dir, "org", yearFile);
    writeFileSync(path, readFileSync(path, "utf8").replace("\n  subject:", "\n  subjet:"));
    const r = await runCli(["build", "org", "--out", "out", "--json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === "error").map((d: { code: string }) => d.code)).toEqual(["E_UNKNOWN_KEY"]);
    // The starter's plan is for the year after its results (measures.fiscal_year: year + 1): it is named after that year.
    expect(report.documents.map((d: { out: string }) => d.out)).toEqual([`out/org/${Number(year) + 1}-measures.pdf`]);
  });
});
