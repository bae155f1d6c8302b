/**
 * Server side of `itadoc serve`'s preview: CPU time of one preview (the page's
 * text → PDF bytes) in a warm server process, for the memo and the measures
 * plan, over 50 edits each, and where it goes (read + load + plan, render,
 * export). The browser's part (fetch, pdf.js drawing) is bench/serve.mjs's.
 *
 *   npm run build && node bench/serve-preview.mjs
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadResources, previewEdited } from "../dist/serve/engine.js";
import { folderOf, sourcesWithEdit } from "../dist/serve/workspace.js";

const root = mkdtempSync(join(tmpdir(), "itadoc-bench-serve-"));
cpSync(new URL("../examples", import.meta.url).pathname, root, { recursive: true });
const loaded = await loadResources(undefined, process.cwd());
if (!loaded.ok) throw new Error("templates");
const res = loaded.resources;

const cases = [
  { name: "memo 2563 (pdf)", rel: "khon-kaen-city/2563.yaml", kind: "memo", format: "pdf", anchor: "จึงเรียนมาเพื่อโปรดทราบและพิจารณา" },
  { name: "measures 2565 (pdf)", rel: "nakhon-ratchasima-city/2565.yaml", kind: "measures", format: "pdf", anchor: "ซึ่งจากเป้าหมายการประเมินคุณธ" },
  { name: "memo 2563 (docx)", rel: "khon-kaen-city/2563.yaml", kind: "memo", format: "docx", anchor: "จึงเรียนมาเพื่อโปรดทราบและพิจารณา" },
];
const N = Number(process.env.N ?? 50);
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const cpuMs = (c) => (c.user + c.system) / 1000;

for (const c of cases) {
  const base = readFileSync(join(root, c.rel), "utf8");
  if (!base.includes(c.anchor)) throw new Error(`anchor missing in ${c.rel}`);
  const folder = await folderOf(root, c.rel);
  // warm-up: the first preview of a kind compiles its template paths and shapes its fonts' glyphs
  for (let i = 0; i < 3; i++) await previewEdited(await sourcesWithEdit(root, folder, c.rel, base), root, res, c);
  const cpu = [], wall = [], srcCpu = [];
  for (let i = 0; i < N; i++) {
    // one edit as a clerk types: a few more characters in a paragraph
    const text = base.replace(c.anchor, `${c.anchor} ${"ก".repeat(i % 7)}${i}`);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const src = await sourcesWithEdit(root, folder, c.rel, text);
    srcCpu.push(cpuMs(process.cpuUsage(c0)));
    const r = await previewEdited(src, root, res, c);
    cpu.push(cpuMs(process.cpuUsage(c0)));
    wall.push(performance.now() - t0);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  }
  console.log(`${c.name.padEnd(22)} cpu median ${q(cpu, 0.5).toFixed(0)} ms  p95 ${q(cpu, 0.95).toFixed(0)} ms   (reading the folder ${q(srcCpu, 0.5).toFixed(1)} ms)   wall median ${q(wall, 0.5).toFixed(0)} ms p95 ${q(wall, 0.95).toFixed(0)} ms`);
}
rmSync(root, { recursive: true, force: true });
