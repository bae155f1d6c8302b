#!/usr/bin/env node
/**
 * The page of `itadoc serve` in a browser: the time from the clerk's last
 * keystroke to the redrawn preview, for the memo and the measures plan.
 * Starts the built `itadoc serve` (dist/cli/bin.js) on a copy of examples/,
 * drives Debian's chromium with playwright-core, and makes N edits per
 * document (a score retyped, each edit a new value), waiting for each preview.
 * The time is taken inside the page (performance.now() at the keydown, and
 * when the new pages are in the page), so it includes the page's settle
 * delay, the server's check and preview, and pdf.js drawing every page.
 *
 *   npm run build && node bench/serve.mjs [--edits 50] [--json]
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const edits = Number(args[args.indexOf("--edits") + 1]) || 50;
const asJson = args.includes("--json");

const CASES = [
  { name: "memo", file: "khon-kaen-city/2563.yaml", kind: "memo", key: "I1" },
  { name: "measures", file: "khon-kaen-city/2564.yaml", kind: "measures", key: "I1" },
];

const dir = mkdtempSync(join(tmpdir(), "itadoc-bench-serve-"));
cpSync(join(root, "examples"), dir, { recursive: true });
const server = spawn(process.execPath, [join(root, "dist", "cli", "bin.js"), "serve", dir, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (c) => {
    out += c;
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?t=\S+/.exec(out);
    if (m) resolve(m[0]);
  });
  server.on("exit", (code) => reject(new Error(`itadoc serve ended (${code}): ${out}`)));
});

/** The server process's CPU time so far (user + system), from /proc: wall times on a busy machine say little alone. */
function serverCpuMs() {
  const f = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

const browser = await chromium.launch({
  executablePath: process.env.ITADOC_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

const results = [];
try {
  for (const c of CASES) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${url}#file=${encodeURIComponent(c.file)}`);
    await page.waitForSelector(".page .textLayer span", { timeout: 60_000 });
    await page.selectOption("#kind", c.kind);
    await page.waitForFunction(() => document.body.dataset.previewSeq !== undefined, undefined, { timeout: 60_000 });
    await page.evaluate(() => {
      window.__bench = { lastKey: 0 };
      document.addEventListener("keydown", () => (window.__bench.lastKey = performance.now()), true);
    });
    const times = [];
    let cpuStart = 0;
    // The page's main-thread busy time (CDP TaskDuration, seconds): drawing, layout, the editor; pdf.js's worker is not in it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const taskSeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
    let taskStart = 0;
    for (let i = 0; i < edits + 3; i++) {
      await page.evaluate((key) => {
        const view = window.itadoc.view;
        const doc = view.state.doc;
        for (let n = 1; n <= doc.lines; n++) {
          const line = doc.line(n);
          const m = new RegExp(`^(\\s+${key}:\\s*)(\\S+)`).exec(line.text);
          if (m) {
            const from = line.from + m[1].length;
            view.dispatch({ selection: { anchor: from, head: from + m[2].length } });
            view.focus();
            return;
          }
        }
      }, c.key);
      const seq = await page.evaluate(() => document.body.dataset.previewSeq);
      const value = (80 + ((i * 37) % 1900) / 100).toFixed(2);
      const done = page.evaluate(
        (prev) =>
          new Promise((resolve) => {
            const on = (e) => {
              // Only the preview of the text as typed to the end (a slow key can let an earlier value's preview through first).
              if (String(e.detail.seq) === prev || e.detail.text !== window.itadoc.view.state.doc.toString()) return;
              window.removeEventListener("itadoc:preview", on);
              const d = e.detail;
              resolve({ total: d.at - window.__bench.lastKey, server: d.receivedAt - d.requestedAt, draw: d.at - d.receivedAt });
            };
            window.addEventListener("itadoc:preview", on);
          }),
        seq,
      );
      await page.keyboard.type(value, { delay: 30 });
      if (i === 3) {
        cpuStart = serverCpuMs();
        taskStart = await taskSeconds();
      }
      const ms = await done;
      // The first edits warm the server's and the page's caches.
      if (i >= 3) times.push(ms);
    }
    const serverCpu = (serverCpuMs() - cpuStart) / edits;
    const pageTask = ((await taskSeconds()) - taskStart) * 1000 / edits;
    const pages = await page.evaluate(() => document.querySelectorAll("#preview-pages .page").length);
    const total = times.map((t) => t.total);
    results.push({
      document: c.name,
      file: c.file,
      pages,
      edits: times.length,
      median: quantile(total, 0.5),
      p95: quantile(total, 0.95),
      min: Math.min(...total),
      max: Math.max(...total),
      serverMedian: quantile(times.map((t) => t.server), 0.5),
      drawMedian: quantile(times.map((t) => t.draw), 0.5),
      serverCpuPerEdit: serverCpu,
      pageMainThreadPerEdit: pageTask,
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill("SIGINT");
  await new Promise((r) => server.on("exit", r));
  rmSync(dir, { recursive: true, force: true });
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg().map((l) => l.toFixed(2)).join(" "), node: process.version, date: new Date().toISOString() };
if (asJson) console.log(JSON.stringify({ machine, results }, null, 2));
else {
  console.log(`${machine.date}  ${machine.cpus} × ${machine.model}, load ${machine.load}, Node ${machine.node}`);
  console.log("| document | pages | edits | keystroke → preview median | p95 | min | max | of which server (median) | page drawing (median) | server CPU per edit | page main thread per edit |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  const ms = (x) => `${x.toFixed(0)} ms`;
  for (const r of results) console.log(`| ${r.document} (${r.file}) | ${r.pages} | ${r.edits} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.min)} | ${ms(r.max)} | ${ms(r.serverMedian)} | ${ms(r.drawMedian)} | ${ms(r.serverCpuPerEdit)} | ${ms(r.pageMainThreadPerEdit)} |`);
}
