// PDF export speed on the bundled examples, in one warm process.
//
//   npx tsc -p tsconfig.build.json && node bench/pdf.mjs [--runs 40] [--warmup 5] [--unique]
//
// Loads the examples the way `itadoc build` does (discover → the pipeline's
// loadInput → planJobs → modelOf → exportDocument, bundled fonts parsed once), then
// times the render step (template → document model) and the PDF export
// separately. The target is ≤ 25 ms per measures PDF (40 documents/s/core).
//
// The exporter caches shaped words and segmented strings across documents.
// Exporting one document again and again hits those caches more than a
// national run would, where every organisation writes its own sentences;
// --unique gives every run's longer Thai strings a different prefix, so
// sentence-level caches miss and only the shared vocabulary stays warm.
//
// Then the same content (the same pdfmake document definition, same fonts) is
// laid out and written by stock pdfmake 0.3.11 through its public API, side by
// side: the measures PDFs must stay at least 3x faster than that.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dist = (p) => import(join(ROOT, "dist", p));

const { discover, readSources } = await dist("cli/discover.js");
const { createdAtFor } = await dist("cli/build/build-org.js");
const { BUILTIN_TEMPLATES, loadBundledFonts, readTemplateFiles } = await dist("cli/resources.js");
const { loadBundledPdfFonts, PDF_FONT_FILES } = await dist("cli/pdf-fonts.js");
const { compileTemplateSet } = await dist("render/load-templates.js");
const { exportDocument, loadInput, modelOf, planJobs } = await dist("pipeline/index.js");
const { pdfDefinition } = await dist("export/pdf/index.js");
const exportPdf = (doc, options) => exportDocument(doc, "pdf", options);

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "40" },
    warmup: { type: "string", default: "5" },
    unique: { type: "boolean", default: false },
    "stock-runs": { type: "string", default: "10" },
    // the DOCX family (Google Sarabun) instead of the PDF family: isolates the font's share of a change
    sarabun: { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const UNIQUE = args.unique;

/** The documents timed: both examples' measures PDFs and the analysis report. */
const WANTED = ["khon-kaen-city/2564-measures", "nakhon-ratchasima-city/2565-measures", "nakhon-ratchasima-city/2564-report"];

async function loadJobs() {
  const templates = compileTemplateSet(await readTemplateFiles(BUILTIN_TEMPLATES));
  if (!templates.ok) throw new Error(`templates: ${JSON.stringify(templates.errors)}`);
  const jobs = [];
  for (const folder of await discover(["examples"], ROOT)) {
    const src = await readSources(folder, ROOT);
    const { org } = loadInput(folder.dir, src.org, src.years);
    if (!org) throw new Error(`${folder.dir}: does not load`);
    for (const job of planJobs(org, templates.set, { kinds: ["measures", "report"] })) {
      const name = `${folder.dir.split("/").pop()}/${job.baseName}`;
      if (!WANTED.includes(name)) continue;
      if (!job.result.ok) throw new Error(`${name}: ${JSON.stringify(job.result.errors)}`);
      jobs.push({ name, kind: job.kind, data: job.result.data, createdAt: createdAtFor(job.fiscalYear) });
    }
  }
  const missing = WANTED.filter((w) => !jobs.some((j) => j.name === w));
  if (missing.length > 0) throw new Error(`examples not found: ${missing.join(", ")}`);
  return { templates: templates.set, jobs };
}

const THAI = /[\u0E00-\u0E7F]/;

/** `data` with `tag` before every Thai string of 20 or more characters (plain data: objects, arrays, strings). */
function retext(data, tag) {
  if (typeof data === "string") return data.length >= 20 && THAI.test(data) ? tag + data : data;
  if (Array.isArray(data)) return data.map((x) => retext(x, tag));
  if (data && typeof data === "object" && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, retext(v, tag)]));
  }
  return data;
}

function render(templates, job, data = job.data) {
  const r = modelOf(templates, { kind: job.kind, result: { ok: true, data, warnings: [] } });
  if (!r.ok) throw new Error(`${job.name}: ${JSON.stringify(r.errors)}`);
  return r.doc;
}

const pageCount = (bytes) => Buffer.from(bytes).toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
const sha = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f1 = (x) => x.toFixed(1);

const fontsStart = process.hrtime.bigint();
const fonts = args.sarabun ? await loadBundledFonts() : await loadBundledPdfFonts();
const FONT_FILES = args.sarabun ? ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf"] : PDF_FONT_FILES;
const { templates, jobs } = await loadJobs();
const setupMs = ms(fontsStart);

const results = [];
for (const job of jobs) {
  const options = { fonts, createdAt: job.createdAt, images: new Map() };
  const first = process.hrtime.bigint();
  const bytes = await exportPdf(render(templates, job), options);
  const coldMs = ms(first);
  for (let i = 1; i < WARMUP; i++) await exportPdf(render(templates, job), options);

  const renderMs = [];
  const exportMs = [];
  const cpuMs = [];
  const hashes = new Set([sha(bytes)]);
  for (let i = 0; i < RUNS; i++) {
    const data = UNIQUE ? retext(job.data, `ครั้งที่ ${i + 1} `) : job.data;
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const doc = render(templates, job, data);
    renderMs.push(ms(t0));
    const t1 = process.hrtime.bigint();
    const out = await exportPdf(doc, options);
    exportMs.push(ms(t1));
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    hashes.add(sha(out));
  }
  // with --unique every run is a different document
  results.push({ job, bytes, coldMs, renderMs, exportMs, cpuMs, deterministic: UNIQUE ? undefined : hashes.size === 1 });
}

console.log(
  `node ${process.version}, ${RUNS} runs after ${WARMUP} warm-up${UNIQUE ? ", every run with its own sentences (--unique)" : ""}, ` +
    `font ${fonts.family}, setup (fonts + templates + inputs) ${f1(setupMs)} ms`,
);
console.log("");
console.log(
  ["document".padEnd(38), "pages", "  KiB", "first", "render med", "export med", "export mean", "CPU med", " docs/s", "same bytes"].join("  "),
);
for (const r of results) {
  const med = median(r.exportMs);
  console.log(
    [
      r.job.name.padEnd(38),
      String(pageCount(r.bytes)).padStart(5),
      String(Math.round(r.bytes.length / 1024)).padStart(5),
      f1(r.coldMs).padStart(5),
      f1(median(r.renderMs)).padStart(10),
      f1(med).padStart(10),
      f1(mean(r.exportMs)).padStart(11),
      f1(median(r.cpuMs)).padStart(7),
      f1(1000 / (median(r.renderMs) + med)).padStart(7),
      (r.deterministic === undefined ? "-" : r.deterministic ? "yes" : "NO").padStart(10),
    ].join("  "),
  );
}
const measures = results.filter((r) => r.job.kind === "measures");
const perDoc = measures.flatMap((r) => r.exportMs.map((e, i) => e + (r.renderMs[i] ?? 0)));
const cpuPerDoc = measures.flatMap((r) => r.cpuMs);
console.log("");
console.log(
  `measures PDFs (render + export): median ${f1(median(perDoc))} ms, mean ${f1(mean(perDoc))} ms, ` +
    `${f1(1000 / mean(perDoc))} documents/s, ${f1(mean(measures.map((r) => pageCount(r.bytes))))} pages per document`,
);
// CPU time (all threads, GC included) is what other processes on the machine disturb least.
console.log(`measures PDFs CPU time: median ${f1(median(cpuPerDoc))} ms, mean ${f1(mean(cpuPerDoc))} ms, ${f1(1000 / mean(cpuPerDoc))} documents/s per core`);
// maxRSS is in KiB on Linux and macOS.
console.log(`peak RSS ${f1(process.resourceUsage().maxRSS / 1024)} MiB`);

// Stock pdfmake on the same definitions: its own font loading per document
// (TTF files read and parsed by pdfkit), stock text measuring and drawing.
const require = (await import("node:module")).createRequire(import.meta.url);
const stock = require("pdfmake");
stock.setUrlAccessPolicy(() => false);
stock.setLocalAccessPolicy(() => true);
const [normal, bold, italics, bolditalics] = FONT_FILES.map((f) => join(ROOT, "fonts", f));
stock.setFonts({ [fonts.family]: { normal, bold, italics, bolditalics } });
const STOCK_RUNS = Number(args["stock-runs"]);
const stockPerDoc = [];
const oursPerDoc = [];
console.log("");
console.log(["same content, stock pdfmake 0.3.11".padEnd(38), "pages", "   CPU med", " ours CPU", "  ratio"].join("  "));
for (const r of measures) {
  const def = () => pdfDefinition(render(templates, r.job), { fonts, createdAt: r.job.createdAt, images: new Map() });
  const once = async () => {
    const d = def();
    const { images: _images, language, ...rest } = d;
    return stock.createPdf({ ...rest, language }).getBuffer();
  };
  const first = await once();
  const times = [];
  for (let i = 0; i < STOCK_RUNS; i++) {
    const cpu = process.cpuUsage();
    await once();
    const used = process.cpuUsage(cpu);
    times.push((used.user + used.system) / 1000);
  }
  // CPU time on both sides: wall time on a shared machine measures the neighbours
  const ours = median(r.cpuMs);
  stockPerDoc.push(...times);
  oursPerDoc.push(...r.cpuMs);
  console.log([r.job.name.padEnd(38), String(pageCount(first)).padStart(5), f1(median(times)).padStart(10), f1(ours).padStart(9), `${f1(median(times) / ours)}x`.padStart(7)].join("  "));
}
const ratio = median(stockPerDoc) / median(oursPerDoc);
console.log(`measures PDFs, CPU time (render + export): stock pdfmake median ${f1(median(stockPerDoc))} ms vs itadoc ${f1(median(oursPerDoc))} ms: ${f1(ratio)}x faster (must be >= 3x)`);
if (ratio < 3) process.exitCode = 1;
if (results.some((r) => r.deterministic === false)) process.exitCode = 1;
