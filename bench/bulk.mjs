#!/usr/bin/env node
/**
 * Bulk benchmark: itadoc's `build` on the synthetic national dataset, per
 * kind and format, with 1 and 2 workers, and in the same run the usual
 * alternatives on the same input:
 *   (a) LibreOffice headless converting the DOCX memos to PDF (one file per
 *       soffice start, and 100 files in one soffice run);
 *   (b) docxtemplater filling an equivalent DOCX memo template.
 *
 *   npm run build && node bench/bulk.mjs [--count 300] [--full]
 *
 * --full also builds the whole national set (7,850 organisations × memo DOCX
 * + measures PDF) in one command with 2 workers. Prints numbers only; the
 * results are recorded by hand in bench/RESULTS.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "dist", "cli", "bin.js");
const args = process.argv.slice(2);
const count = Number(args[args.indexOf("--count") + 1] ?? 0) || 300;
const full = args.includes("--full");
const work = mkdtempSync(join(tmpdir(), "itadoc-bench-"));

if (!existsSync(BIN)) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}

/** A process and all its descendants (soffice is a wrapper that starts soffice.bin). */
function processTree(pid) {
  const out = [pid];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const k of kids ? kids.split(/\s+/) : []) out.push(...processTree(Number(k)));
    }
  } catch {
    /* gone */
  }
  return out;
}

/** Runs a command, sampling the resident memory of its process tree (peak of the sum of VmRSS). */
function timed(cmd, argv, opts = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, { stdio: ["ignore", "ignore", "pipe"], ...opts });
    let peakKb = 0;
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const sample = () => {
      let kb = 0;
      for (const pid of processTree(child.pid)) {
        try {
          const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
          if (m) kb += Number(m[1]);
        } catch {
          /* the process has ended */
        }
      }
      peakKb = Math.max(peakKb, kb);
    };
    const timer = setInterval(sample, 50);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peakKb / 1024, stderr });
    });
  });
}

function countFiles(dir, ext) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countFiles(join(dir, e.name), ext);
    else if (e.name.endsWith(ext)) n++;
  }
  return n;
}

function listFiles(dir, ext, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) listFiles(join(dir, e.name), ext, out);
    else if (e.name.endsWith(ext)) out.push(join(dir, e.name));
  }
  return out;
}

const line = (s) => console.log(s);
line(`itadoc bulk benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);

// 1. The dataset.
const data = join(work, "national");
spawnSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), data, String(count)], { stdio: "ignore" });
line(`dataset: ${count} synthetic organisations (bench/national-dataset.mjs)`);

// 2. itadoc per kind and format, 1 and 2 workers.
line("\nitadoc build (warm workers, fonts and templates loaded once per worker):");
line("kind      format  jobs  docs   seconds  docs/s  ms/doc/core  peak RSS MB");
const perDoc = {};
for (const [kind, format] of [["memo", "docx"], ["memo", "pdf"], ["measures", "pdf"], ["measures", "docx"]]) {
  for (const jobs of [1, 2]) {
    const out = join(work, `out-${kind}-${format}-${jobs}`);
    const r = await timed(process.execPath, [BIN, "build", data, "--kind", kind, "--format", format, "--out", out, "--jobs", String(jobs), "--force"]);
    const docs = existsSync(out) ? countFiles(out, `.${format}`) : 0;
    const msPerDocCore = (r.seconds * 1000 * jobs) / Math.max(1, docs);
    if (jobs === 1) perDoc[`${kind}-${format}`] = msPerDocCore;
    line(`${kind.padEnd(9)} ${format.padEnd(7)} ${String(jobs).padEnd(5)} ${String(docs).padEnd(6)} ${r.seconds.toFixed(1).padStart(7)}  ${(docs / r.seconds).toFixed(1).padStart(6)}  ${msPerDocCore.toFixed(1).padStart(11)}  ${r.peakMb.toFixed(0).padStart(11)}`);
  }
}

// 3a. LibreOffice converting the memo DOCX files to PDF.
const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const memos = listFiles(join(work, "out-memo-docx-1"), ".docx");
if (soffice && memos.length > 0) {
  const profile = `file://${join(work, "lo-profile")}`;
  const loOut = join(work, "lo-out");
  mkdirSync(loOut, { recursive: true });
  const one = memos.slice(0, 5);
  let single = 0;
  for (const [i, f] of one.entries()) {
    const r = await timed(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", join(loOut, `s${i}`), f]);
    single += r.seconds;
  }
  const batch = memos.slice(0, 100);
  const rb = await timed(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", join(loOut, "batch"), ...batch]);
  const loSingleMs = (single / one.length) * 1000;
  const loBatchMs = (rb.seconds / batch.length) * 1000;
  const ours = perDoc["memo-pdf"];
  line("\nLibreOffice headless, memo DOCX → PDF (same memos):");
  line(`  one soffice start per file: ${loSingleMs.toFixed(0)} ms per document (${one.length} files)`);
  line(`  ${batch.length} files in one soffice run: ${loBatchMs.toFixed(0)} ms per document, peak RSS ${rb.peakMb.toFixed(0)} MB`);
  line(`  itadoc memo PDF: ${ours.toFixed(1)} ms per document per core → ${(loSingleMs / ours).toFixed(0)}× faster than one-by-one, ${(loBatchMs / ours).toFixed(1)}× faster than batched`);
} else {
  line("\nLibreOffice: soffice not found, comparison skipped (apt-get install libreoffice-writer-nogui)");
}

// 3b. docxtemplater filling an equivalent memo template.
{
  const { default: PizZip } = await import("pizzip");
  const { default: Docxtemplater } = await import("docxtemplater");
  const { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun } = await import("docx");
  const p = (t) => new Paragraph({ children: [new TextRun({ text: t, font: { ascii: "Sarabun", cs: "Sarabun" }, size: 22 })] });
  const cell = (t) => new TableCell({ children: [p(t)] });
  const template = new Document({
    sections: [
      {
        children: [
          p("บันทึกข้อความ"),
          p("ส่วนราชการ {division}"),
          p("ที่ {number}    วันที่ {date}"),
          p("เรื่อง {subject}"),
          p("เรียน {to}"),
          p("{#opening}{.}{/opening}"),
          new Table({ rows: [new TableRow({ children: ["{#scores}{id} {name}", "{score}{/scores}"].map(cell) })] }),
          new Table({ rows: [new TableRow({ children: ["{#weak}{id} {name}", "{previous}", "{current}", "{analysis}", "{recommendation}{/weak}"].map(cell) })] }),
          p("({signer})"),
          p("{position}"),
        ],
      },
    ],
  });
  const templateBytes = await Packer.toBuffer(template);
  const orgs = readdirSync(data).flatMap((prov) => readdirSync(join(data, prov)).map((o) => join(data, prov, o)));
  const { parse } = await import("yaml");
  const inputs = orgs.map((dir) => {
    const y = parse(readFileSync(join(dir, "2567.yaml"), "utf8"));
    const o = parse(readFileSync(join(dir, "org.yaml"), "utf8"));
    return {
      division: o.organisation.division,
      number: String(y.memo.number),
      date: "30 กันยายน 2567",
      subject: y.memo.subject,
      to: o.organisation.mayor_title,
      opening: y.memo.opening,
      scores: Object.entries(y.assessment.scores).map(([id, score]) => ({ id, name: id, score: Number(score).toFixed(2) })),
      weak: y.assessment.oit_items.map((w) => ({ id: w.id, name: w.id, previous: w.previous, current: w.score, analysis: w.analysis, recommendation: w.recommendation })),
      signer: y.memo.signer.name,
      position: y.memo.signer.position,
    };
  });
  const fill = (d) => {
    const doc = new Docxtemplater(new PizZip(templateBytes), { paragraphLoop: true, linebreaks: true });
    doc.render(d);
    return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
  };
  for (const d of inputs.slice(0, 20)) fill(d); // warm up
  const t0 = process.hrtime.bigint();
  let bytes = 0;
  for (const d of inputs) bytes += fill(d).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / inputs.length;
  line("\ndocxtemplater, equivalent memo template (header, paragraphs, score and weak-item tables), same inputs, one core:");
  line(`  ${ms.toFixed(2)} ms per document (${(1000 / ms).toFixed(0)} per second), ${(bytes / inputs.length / 1024).toFixed(1)} KiB average`);
  line(`  itadoc memo DOCX: ${perDoc["memo-docx"].toFixed(1)} ms per document per core (full layout: styles, dot leaders, page numbers, approval chain, deterministic zip)`);
}

// 4. The whole national set in one command.
if (full) {
  const fullData = join(work, "national-full");
  spawnSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), fullData, "7850"], { stdio: "ignore" });
  const out = join(work, "out-full");
  const r = await timed(process.execPath, [BIN, "build", fullData, "--kind", "memo,measures", "--out", out, "--jobs", "2"]);
  const docx = countFiles(out, ".docx");
  const pdf = countFiles(out, ".pdf");
  line(`\nfull national set: 7850 organisations → ${docx} memo DOCX + ${pdf} measures PDF in ${r.seconds.toFixed(0)} s (${((docx + pdf) / r.seconds).toFixed(1)} docs/s), peak RSS ${r.peakMb.toFixed(0)} MB, exit ${r.code}`);
  line(`  last lines of its output:\n${r.stderr.trim().split("\n").slice(-3).map((l) => `    ${l}`).join("\n")}`);
}

rmSync(work, { recursive: true, force: true });
