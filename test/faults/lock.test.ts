/**
 * One build per output folder at a time (.itadoc-lock): a second run is
 * refused with a clear message and exit 2, a lock left by a dead process is
 * taken over with a note, and the lock goes away however the build ends.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { EXAMPLES, ROOT } from "../helpers/load-example.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { deadPid, filesUnder, isComplete, STACK, type JsonDiagnostic } from "../hostile/helpers.js";

let dataset: string;
/**
 * Organisations in the set (4 documents each; it was 16). The second build only has to meet the first
 * one's lock: it is refused within a fraction of a second, while the first still starts its worker and
 * has 32 documents ahead of it. Fewer documents do not weaken that; they only cost less.
 */
const ORGS = 8;

beforeAll(() => {
  dataset = mkdtempSync(join(tmpdir(), "itadoc-lock-set-"));
  spawnSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), join(dataset, "nat"), String(ORGS)], { stdio: "ignore" });
});

function kkCase(): string {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-lock-"));
  cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
  mkdirSync(join(dir, "out"));
  return dir;
}

const lockOf = (pid: number, host = hostname()) => JSON.stringify({ pid, host, started: "2026-12-01T09:00:00.000Z", id: "0123456789abcdef" });

/** Resolves once `file` exists (polled; no timing is asserted). */
function whenExists(file: string): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (existsSync(file)) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}

describe("one build per output folder", () => {
  test("a lock held by a live process: E_OUT_LOCKED naming it, exit 2, nothing written, the lock left alone", async () => {
    const dir = kkCase();
    const lock = join(dir, "out", ".itadoc-lock");
    // This test process is alive, on this host.
    writeFileSync(lock, lockOf(process.pid));
    const r = await runCli(["build", "kk", "--out", "out"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[E_OUT_LOCKED]");
    expect(r.stderr).toContain("กำลังถูกใช้");
    expect(r.stderr).toContain(String(process.pid));
    expect(r.stderr).toContain("out/.itadoc-lock");
    expect(r.stderr).not.toMatch(STACK);
    expect(filesUnder(join(dir, "out"))).toEqual([".itadoc-lock"]);
    expect(readFileSync(lock, "utf8")).toBe(lockOf(process.pid));
    const json = await runCli(["build", "kk", "--out", "out", "--json", "--lang", "en"], dir);
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.map((d) => d.code)).toEqual(["E_OUT_LOCKED"]);
  });

  test("a lock from another machine cannot be checked: refused; a file that is not a lock: refused, never removed", async () => {
    const dir = kkCase();
    const lock = join(dir, "out", ".itadoc-lock");
    writeFileSync(lock, lockOf(deadPid(), "another-pc"));
    const r = await runCli(["build", "kk", "--out", "out"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("another-pc");
    writeFileSync(lock, "not a lock");
    expect((await runCli(["build", "kk", "--out", "out"], dir)).code).toBe(2);
    expect(readFileSync(lock, "utf8")).toBe("not a lock");
  });

  test("a lock left by a process that is gone (kill -9) is taken over with a note; the build runs and removes it", async () => {
    const dir = kkCase();
    const pid = deadPid();
    writeFileSync(join(dir, "out", ".itadoc-lock"), lockOf(pid));
    const r = await runCli(["build", "kk", "--out", "out", "--json"], dir);
    expect(r.code).toBe(0);
    const d = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics.find((x) => x.code === "W_LOCK_STALE");
    expect(d?.message).toContain(String(pid));
    expect(existsSync(join(dir, "out", ".itadoc-lock"))).toBe(false);
    expect(isComplete(join(dir, "out", "kk", "2563-memo.docx"))).toBe(true);
  });

  test("a second build while the first runs is refused; the first completes untouched and removes its lock", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-lock-"));
    const out = join(dir, "out");
    const args = ["build", dataset, "--kind", "memo,measures", "--format", "pdf,docx", "--out", out, "--jobs", "1"];
    const first = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
    const firstExit = new Promise<number | null>((resolve) => first.on("exit", resolve));
    // (if no lock ever appears, the first run's end stops the wait and the assertions below fail)
    await Promise.race([whenExists(join(out, ".itadoc-lock")), firstExit]);
    const second = await runCli(args);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("[E_OUT_LOCKED]");
    expect(second.stderr).toContain(String(first.pid));
    expect(await firstExit).toBe(0);
    const files = filesUnder(out);
    expect(files.filter((f) => f.endsWith(".tmp") || f.endsWith(".itadoc-lock"))).toEqual([]);
    const docs = files.filter((f) => /\.(pdf|docx)$/.test(f));
    expect(docs).toHaveLength(ORGS * 4);
    for (const f of docs) expect(isComplete(join(out, f)), f).toBe(true);
  });

  test("the lock is removed after Ctrl-C and after a build with errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-lock-"));
    const out = join(dir, "out");
    const child = spawn(process.execPath, [BIN, "build", dataset, "--format", "pdf,docx", "--out", out, "--jobs", "2"], { stdio: "ignore" });
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await Promise.race([whenExists(join(out, ".itadoc-lock")), exit]);
    child.kill("SIGINT");
    expect(await exit).toBe(2);
    expect(existsSync(join(out, ".itadoc-lock"))).toBe(false);
    const bad = kkCase();
    const f = join(bad, "kk", "2563.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("I1: 92.44", "I1: 120"));
    expect((await runCli(["build", "kk", "--out", "out"], bad)).code).toBe(1);
    expect(existsSync(join(bad, "out", ".itadoc-lock"))).toBe(false);
  });
});
