#!/usr/bin/env node
/**
 * The build's write path for a first build, side by side: OutputFolder.write of a memo (15 KB) and a measures
 * PDF (45 KB) into an organisation's folder not made yet, for two built trees in ONE process, alternating
 * organisation by organisation. CPU per document (process.cpuUsage), which the machine's load stretches less
 * than wall time.
 *
 *   npm run build && node bench/output-write.mjs <base checkout> <this checkout> [out dir] [organisations]
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";

const [A, B] = [resolve(process.argv[2] ?? "."), resolve(process.argv[3] ?? ".")];
const mods = [await import(join(A, "dist/cli/build/output-folder.js")), await import(join(B, "dist/cli/build/output-folder.js"))];
const root = process.argv[4] ?? join(tmpdir(), `itadoc-output-write-${process.pid}`);
const n = Number(process.argv[5] ?? 1000);
rmSync(root, { recursive: true, force: true });
const memo = new Uint8Array(15337).fill(80);
const pdf = new Uint8Array(44927).fill(37);
const cpu = [0, 0];
const docs = [0, 0];
const now = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
for (let i = 0; i < n; i++) {
  for (const k of i % 2 ? [0, 1] : [1, 0]) {
    const dir = join(root, String(k), `p${i % 50}`, `org-${i}`);
    const c = now();
    const folder = new mods[k].OutputFolder(dir, new Map(), root, []);
    await folder.write("2567-memo.docx", memo, "key", "x.yaml");
    await folder.write("2568-measures.pdf", pdf, "key", "x.yaml");
    cpu[k] += now() - c;
    docs[k] += 2;
  }
}
const per = (k) => cpu[k] / docs[k];
console.log(`${n} organisations each: base ${per(0).toFixed(1)} µs CPU per document, this ${per(1).toFixed(1)} µs, this/base ${(per(1) / per(0)).toFixed(3)}`);
rmSync(root, { recursive: true, force: true });
