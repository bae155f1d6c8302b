#!/usr/bin/env node
/**
 * Soak: the synthetic national set built twice into the same folder, with
 * everything that goes wrong in an office in between:
 *   1. a few foreign files planted in the output folders (Word's
 *      ~WRL0001.tmp, a clerk's notes.tmp, a signed scan, a note at the top);
 *   2. the first build is killed outright (kill -9) mid-run, after a second,
 *      concurrent build on the same --out has been refused by the lock;
 *   3. manifests damaged in between (garbage, cut in half, 3 MB of spaces);
 *   4. the second build runs to the end.
 * Afterwards every document must be byte-identical to a clean build in a
 * fresh folder, and nothing else in the folder touched or left behind.
 *
 *   npm run build && node bench/soak.mjs [--count 300] [--jobs 2]
 *
 * Prints what it did and its numbers; exit 0 when every check holds, 1 otherwise.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "dist", "cli", "bin.js");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const count = opt("--count", 300);
const jobs = opt("--jobs", 2);
const keep = args.includes("--keep");
const work = mkdtempSync(join(tmpdir(), "itadoc-soak-"));
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
};

if (!existsSync(BIN)) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}

const sha = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}
const isDoc = (f) => /\.(pdf|docx)$/.test(f);
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

const data = join(work, "nat");
spawnSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), data, String(count)], { stdio: "ignore" });
const buildArgs = (out) => [BIN, "build", data, "--kind", "memo,measures", "--format", "pdf,docx", "--out", out, "--jobs", String(jobs)];

// The reference: one clean build in a fresh folder.
const clean = join(work, "clean");
let t0 = Date.now();
const ref = spawnSync(process.execPath, buildArgs(clean), { encoding: "utf8" });
const cleanSeconds = seconds(t0);
check(ref.status === 0, `clean build exit ${ref.status}`);
const reference = Object.fromEntries(files(clean).filter(isDoc).map((f) => [f, sha(join(clean, f))]));
const orgDirs = [...new Set(Object.keys(reference).map((f) => f.slice(0, f.lastIndexOf("/"))))].sort();

// 1. Foreign files, in folders itadoc writes and at the top of --out.
const soak = join(work, "soak");
const foreign = {
  "LEAVE-ME.txt": "a note at the top of the shared folder",
  [`${orgDirs[0]}/~WRL0001.tmp`]: "Word's lock file beside an open memo",
  [`${orgDirs[1 % orgDirs.length]}/notes.tmp`]: "a clerk's draft",
  [`${orgDirs[2 % orgDirs.length]}/2567-memo-signed.pdf`]: "a scanned, signed copy",
};
for (const [f, text] of Object.entries(foreign)) {
  mkdirSync(join(soak, f, ".."), { recursive: true });
  writeFileSync(join(soak, f), text);
}

// 2. First build, a concurrent one refused, then kill -9 mid-run.
t0 = Date.now();
const first = spawn(process.execPath, buildArgs(soak), { stdio: "ignore" });
let firstExited = false;
first.on("exit", () => (firstExited = true));
const total = Object.keys(reference).length;
await new Promise((resolve) => {
  const poll = setInterval(() => {
    if (firstExited || files(soak).filter(isDoc).length - 1 >= Math.max(4, Math.floor(total / 4))) {
      clearInterval(poll);
      resolve();
    }
  }, 10);
});
const second = spawnSync(process.execPath, buildArgs(soak), { encoding: "utf8" });
check(second.status === 2 && second.stderr.includes("E_OUT_LOCKED"), `concurrent build: exit ${second.status}, expected 2 with E_OUT_LOCKED`);
check(!firstExited, "the first build ended before it could be killed (use a larger --count)");
first.kill("SIGKILL");
await new Promise((resolve) => (firstExited ? resolve() : first.on("exit", resolve)));
const docsAtKill = files(soak).filter(isDoc).length - 1;
const leftAtKill = files(soak).filter((f) => f.includes(".itadoc-") && !f.endsWith(".itadoc-manifest.json"));
const firstSeconds = seconds(t0);

// 3. Damaged manifests.
const manifests = files(soak).filter((f) => f.endsWith(".itadoc-manifest.json"));
const damage = [(p) => writeFileSync(p, "}{ garbage"), (p) => writeFileSync(p, readFileSync(p).subarray(0, 40)), (p) => writeFileSync(p, " ".repeat(3 * 1024 * 1024))];
manifests.slice(0, 3).forEach((m, i) => damage[i](join(soak, m)));

// 4. The second build, to the end.
t0 = Date.now();
const again = spawnSync(process.execPath, [...buildArgs(soak), "--json"], { encoding: "utf8", maxBuffer: 1 << 30 });
const againSeconds = seconds(t0);
check(again.status === 0, `second build exit ${again.status}`);
const report = JSON.parse(again.stdout || "{}");
const codes = (report.diagnostics ?? []).map((d) => d.code);
check(codes.includes("W_LOCK_STALE"), "the dead run's lock was not reported as taken over");
check(codes.filter((c) => c === "W_MANIFEST_IGNORED").length === Math.min(3, manifests.length), "not every damaged manifest was reported");
check(!codes.includes("W_OUTPUT_EDITED"), "an output was taken for a clerk's edit");

// Afterwards: every document identical to the clean build, the foreign files as planted, nothing else.
const after = files(soak);
for (const [f, h] of Object.entries(reference)) check(existsSync(join(soak, f)) && sha(join(soak, f)) === h, `${f} differs from the clean build`);
for (const [f, text] of Object.entries(foreign)) check(existsSync(join(soak, f)) && readFileSync(join(soak, f), "utf8") === text, `foreign file ${f} was touched`);
const expected = new Set([...Object.keys(reference), ...Object.keys(foreign), ...orgDirs.map((d) => `${d}/.itadoc-manifest.json`)]);
const extra = after.filter((f) => !expected.has(f));
const missing = [...expected].filter((f) => !after.includes(f));
check(extra.length === 0, `left in the folder: ${extra.slice(0, 5).join(", ")}`);
check(missing.length === 0, `missing: ${missing.slice(0, 5).join(", ")}`);

console.log(
  JSON.stringify(
    {
      organisations: orgDirs.length,
      documents: total,
      jobs,
      cleanBuildSeconds: Number(cleanSeconds),
      firstRun: { seconds: Number(firstSeconds), documentsAtKill9: docsAtKill, itadocFilesLeftByKill9: leftAtKill.length, concurrentBuildExit: second.status },
      damagedManifests: Math.min(3, manifests.length),
      secondRun: { seconds: Number(againSeconds), exit: again.status, written: (report.documents ?? []).filter((d) => !d.skipped).length, unchanged: (report.documents ?? []).filter((d) => d.skipped).length },
      identicalToClean: Object.keys(reference).length - problems.filter((p) => p.endsWith("differs from the clean build")).length,
      foreignFilesKept: Object.keys(foreign).length - problems.filter((p) => p.startsWith("foreign file")).length,
      problems,
    },
    null,
    1,
  ),
);
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(problems.length ? 1 : 0);
