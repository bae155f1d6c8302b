/**
 * Faults outside the input: an output folder that cannot be made, a full
 * disk, a worker that crashes or throws. Each is reported with a code, the
 * rest of the run goes on, and no partial or temporary file is left.
 * (Ctrl-C during a bulk build is covered in test/e2e/build.test.ts.)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BIN, runCli } from "../helpers/run-cli.js";
import { withRealWorkers } from "../helpers/real-workers.js";
import { filesUnder, NR_2564, NR_2565, NR_ORG, STACK, writeOrg, type JsonDiagnostic } from "../hostile/helpers.js";

interface Report {
  documents: Array<{ out: string }>;
  diagnostics: JsonDiagnostic[];
}

function orgs(root: string, names: readonly string[]): void {
  for (const n of names) writeOrg(join(root, "in", n), { "org.yaml": NR_ORG, "2564.yaml": NR_2564, "2565.yaml": NR_2565 });
}

/** A complete PDF ends with %%EOF; a complete DOCX (zip) with its end-of-central-directory record. */
function isComplete(file: string): boolean {
  const b = readFileSync(file);
  if (file.endsWith(".pdf")) return b.subarray(-8).toString("latin1").includes("%%EOF");
  return b.length > 22 && b.readUInt32LE(b.length - 22) === 0x06054b50;
}

describe("output that cannot be written", () => {
  test("--out below a regular file (fails for root too): one E_WRITE for the folder, exit 2, nothing built, no stack trace", async () => {
    const root = mkdtempSync(join(tmpdir(), "itadoc-fault-"));
    orgs(root, ["nr"]);
    writeFileSync(join(root, "blocker"), "a file, not a folder");
    const r = await runCli(["build", "in", "--out", "blocker/out", "--json"], root);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.documents).toEqual([]);
    const errs = report.diagnostics.filter((d) => d.severity === "error");
    expect(errs.map((d) => d.code)).toEqual(["E_WRITE"]);
    expect(errs[0]!.message).toContain("blocker/out");
    expect(errs[0]!.message).toContain("ENOTDIR");
    const plain = await runCli(["build", "in", "--out", "blocker/out"], root);
    expect(plain.stderr).toContain("[E_WRITE]");
    expect(plain.stderr).not.toMatch(STACK);
  });

  test("a full disk (200 KB tmpfs): E_WRITE ENOSPC, what fits is complete, no temporary file is left", async () => {
    // CI runs as root; without root there is no tmpfs to fill, and this test must fail rather than skip.
    expect(process.getuid?.(), "this test mounts a tmpfs and must run as root").toBe(0);
    const root = mkdtempSync(join(tmpdir(), "itadoc-full-"));
    orgs(root, ["a", "b", "c", "d", "e", "f"]);
    const disk = join(root, "disk");
    mkdirSync(disk);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=200k", "tmpfs", disk]);
    try {
      const r = await runCli(["build", "in", "--out", join(disk, "out"), "--format", "pdf,docx", "--json", "--jobs", "2"], root);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      const errs = report.diagnostics.filter((d) => d.severity === "error");
      expect(errs.length).toBeGreaterThan(0);
      for (const d of errs) expect([d.code, d.message.includes("ENOSPC")]).toEqual(["E_WRITE", true]);
      const files = filesUnder(disk);
      expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
      const docs = files.filter((f) => /\.(pdf|docx)$/.test(f));
      // Six organisations × three documents (report, measures, progress) × two formats.
      expect(docs.length + errs.length).toBe(6 * 6);
      for (const f of docs) expect(isComplete(join(disk, f)), f).toBe(true);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      execFileSync("umount", [disk]);
    }
  });
});

describe("a worker that dies", () => {
  for (const fault of ["crash", "throw"] as const) {
    test(`${fault}: E_INTERNAL for that organisation, the others are built, exit 2, the command ends`, () => {
      const root = mkdtempSync(join(tmpdir(), "itadoc-worker-"));
      orgs(root, ["a", "b", "victim", "d", "e"]);
      const r = spawnSync(process.execPath, [BIN, "build", "in", "--out", "out", "--json", "--jobs", "2"], {
        cwd: root,
        encoding: "utf8",
        // A pool that leaked a worker would keep the process alive: fail instead of hanging the suite.
        timeout: 90_000,
        env: { ...process.env, ITADOC_DEBUG: "", ITADOC_TEST_WORKER_FAULT: `${fault}:victim` },
      });
      expect(r.signal, r.stderr).toBeNull();
      expect(r.status).toBe(2);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.file])).toEqual([["E_INTERNAL", "in/victim"]]);
      expect(report.documents.map((d) => d.out).sort()).toEqual(
        ["a", "b", "d", "e"].flatMap((n) => [`out/${n}/2564-report.pdf`, `out/${n}/2565-measures.pdf`, `out/${n}/2565-progress.pdf`]),
      );
      expect(existsSync(join(root, "out", "victim"))).toBe(false);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  test("without the variable, the same run builds every organisation", async () => {
    const root = mkdtempSync(join(tmpdir(), "itadoc-worker-"));
    orgs(root, ["a", "victim"]);
    // The control of the fault runs above: the same worker threads, without a fault.
    const r = await withRealWorkers(() => runCli(["build", "in", "--out", "out", "--jobs", "2"], root));
    expect(r.code).toBe(0);
    expect(filesUnder(join(root, "out")).filter((f) => f.endsWith(".pdf"))).toHaveLength(6);
  });
});

