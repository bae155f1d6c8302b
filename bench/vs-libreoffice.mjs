#!/usr/bin/env node
/**
 * One itadoc command making N memo PDFs against LibreOffice converting the
 * same N memo DOCX to PDF in one batch (issue 17, "must show"), in the same
 * run, alternated round by round so that both see the same machine:
 *
 *   npm run build && node bench/vs-libreoffice.mjs [--count 100] [--rounds 2]
 *                                                 [--root dir] [--base dir] [--keep]
 *
 * Prepared once, untimed: N synthetic organisations (bench/national-dataset.mjs)
 * and their memo DOCX (`itadoc build … --kind memo --format docx`), copied flat
 * into one folder. Each round then times, under GNU time (wall, user + system
 * CPU of the process and all its children, peak RSS):
 *
 *   itadoc   `itadoc build <N organisations> --kind memo --format pdf --out fresh`
 *   itadoc1  the same for the first organisation alone: with the N run it splits
 *            itadoc's cost into start (modules, fonts, templates, workers) and
 *            per memo PDF, by a straight line through the two points
 *   soffice  `soffice --headless --convert-to pdf --outdir fresh *.docx` with a
 *            fresh user profile (-env:UserInstallation), started once per batch
 *   base     with --base <dir> (another checkout's built tree, e.g. ../base):
 *            its itadoc on the same N organisations, and whether its PDFs are
 *            byte-identical to --root's
 *
 * It prints each run and, per round, itadoc's wall and CPU as a ratio of
 * LibreOffice's, and the load average before and after: on a shared machine,
 * compare the ratios of the same round, not single wall times.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const TIME = "/usr/bin/time";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100" },
    rounds: { type: "string", default: "2" },
    root: { type: "string", default: HERE },
    base: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const root = resolve(values.root);
const base = values.base ? resolve(values.base) : undefined;
if (!Number.isInteger(count) || count < 2 || !Number.isInteger(rounds) || rounds < 1) {
  console.error("usage: node bench/vs-libreoffice.mjs [--count N≥2] [--rounds N≥1] [--root dir] [--base dir] [--keep]");
  process.exit(2);
}
for (const [what, path] of [["GNU time (apt-get install time)", TIME], ["itadoc's dist/ (npm run build)", join(root, "dist/cli/bin.js")]]) {
  if (!existsSync(path)) {
    console.error(`missing ${what}: ${path}`);
    process.exit(2);
  }
}
const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
if (!soffice) {
  console.error("missing soffice (apt-get install libreoffice-writer)");
  process.exit(2);
}

/** One process under GNU time: wall and CPU seconds (user + system, itself and its children), peak RSS in MiB. */
function timed(cmd, args, cwd) {
  const r = spawnSync(TIME, ["-f", "TIME %e %U %S %M", cmd, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const m = /TIME ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9]+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no timing from ${cmd} ${args.join(" ")}:\n${r.stderr.slice(-2000)}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 };
}

function filesUnder(dir, ext, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, ext, out);
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Relative path → sha256 of every PDF under `dir`. */
function digestOf(dir) {
  return new Map(filesUnder(dir, ".pdf").map((p) => [relative(dir, p), createHash("sha256").update(readFileSync(p)).digest("hex")]));
}

const sameDigests = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const la = (l) => l.map((x) => x.toFixed(2)).join(" ");
const fmt = (r) => `${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.rssMb.toFixed(0)} MiB`;

const work = mkdtempSync(join(tmpdir(), "itadoc-vs-lo-"));
try {
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}; ${count} organisations, ${rounds} round(s)`);
  console.log(`itadoc: ${root}${base ? `; base: ${base}` : ""}; soffice: ${soffice}`);
  console.log(`load average before: ${la(loadavg())}`);

  const data = join(work, "data");
  const one = join(work, "one");
  spawnSync(process.execPath, [join(HERE, "bench/national-dataset.mjs"), data, String(count)], { stdio: "ignore" });
  // The dataset is <province>/<organisation>/: the first organisation alone, for the one-memo run.
  const province = readdirSync(data).sort()[0];
  const first = readdirSync(join(data, province)).sort()[0];
  mkdirSync(one);
  spawnSync("cp", ["-r", join(data, province, first), one]);
  // The DOCX LibreOffice converts: the same memos, made by the itadoc under test, one folder.
  const docxOut = join(work, "docx-out");
  const made = spawnSync(process.execPath, [join(root, "dist/cli/bin.js"), "build", data, "--kind", "memo", "--format", "docx", "--out", docxOut], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`making the DOCX failed:\n${made.stderr.slice(-2000)}`);
  const docxDir = join(work, "docx");
  mkdirSync(docxDir);
  const docx = filesUnder(docxOut, ".docx");
  for (const p of docx) copyFileSync(p, join(docxDir, relative(docxOut, p).replaceAll("/", "_")));
  const docxNames = readdirSync(docxDir).sort();
  console.log(`${docxNames.length} memo DOCX to convert\n`);

  const itadoc = (tree, input, out) => timed(process.execPath, [join(tree, "dist/cli/bin.js"), "build", input, "--kind", "memo", "--format", "pdf", "--out", out], work);
  let digest;
  let identical = true;
  let baseIdentical = base ? true : undefined;
  const rows = [];
  for (let round = 1; round <= rounds; round++) {
    const row = { round };
    const fresh = (name) => {
      const d = join(work, `${name}-${round}`);
      rmSync(d, { recursive: true, force: true });
      return d;
    };
    // Alternated: odd rounds start with itadoc, even ones with LibreOffice.
    const steps = {
      itadoc: () => {
        const out = fresh("pdf");
        row.itadoc = itadoc(root, data, out);
        const d = digestOf(out);
        if (d.size !== count) throw new Error(`itadoc wrote ${d.size} PDFs, expected ${count}`);
        if (digest && !sameDigests(digest, d)) identical = false;
        digest ??= d;
        rmSync(out, { recursive: true, force: true });
      },
      itadoc1: () => {
        const out = fresh("pdf1");
        row.itadoc1 = itadoc(root, one, out);
        rmSync(out, { recursive: true, force: true });
      },
      soffice: () => {
        const out = fresh("lo");
        const profile = fresh("lo-profile");
        row.soffice = timed(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...docxNames], docxDir);
        const n = readdirSync(out).filter((f) => f.endsWith(".pdf")).length;
        if (n !== docxNames.length) throw new Error(`soffice wrote ${n} PDFs, expected ${docxNames.length}`);
        rmSync(out, { recursive: true, force: true });
        rmSync(profile, { recursive: true, force: true });
      },
      base: () => {
        if (!base) return;
        const out = fresh("base");
        row.base = itadoc(base, data, out);
        if (digest && !sameDigests(digest, digestOf(out))) baseIdentical = false;
        rmSync(out, { recursive: true, force: true });
      },
    };
    const order = round % 2 ? ["itadoc", "itadoc1", "soffice", "base"] : ["soffice", "base", "itadoc1", "itadoc"];
    for (const s of order) steps[s]();
    const perDoc = (row.itadoc.cpu - row.itadoc1.cpu) / (count - 1);
    row.start = row.itadoc1.cpu - perDoc;
    row.perDoc = perDoc;
    rows.push(row);
    console.log(`round ${round} (load ${la(loadavg())})`);
    console.log(`  itadoc, ${count} memo PDFs:   ${fmt(row.itadoc)}`);
    console.log(`  itadoc, 1 memo PDF:      ${fmt(row.itadoc1)}`);
    console.log(`  soffice, ${count} DOCX → PDF: ${fmt(row.soffice)}`);
    if (row.base) console.log(`  base itadoc, ${count} memos: ${fmt(row.base)}`);
    console.log(`  LibreOffice / itadoc: ${(row.soffice.wall / row.itadoc.wall).toFixed(2)}× wall, ${(row.soffice.cpu / row.itadoc.cpu).toFixed(2)}× CPU`);
    console.log(`  itadoc CPU split: start ≈ ${(row.start * 1000).toFixed(0)} ms, per memo PDF ≈ ${(perDoc * 1000).toFixed(1)} ms`);
    if (row.base) console.log(`  base / itadoc: ${(row.base.wall / row.itadoc.wall).toFixed(2)}× wall, ${(row.base.cpu / row.itadoc.cpu).toFixed(2)}× CPU`);
  }
  console.log(`\nitadoc's PDFs identical across rounds: ${identical}${base ? `; identical to the base's: ${baseIdentical}` : ""}`);
  console.log(`load average after: ${la(loadavg())}`);
  if (!identical || baseIdentical === false) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
