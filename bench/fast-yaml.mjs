#!/usr/bin/env node
/**
 * CPU of loadYaml (src/input/load-yaml.ts: parse, traps, plain data) over every .yaml of a folder, with this
 * tree's dist and another checkout's (--base), alternating in the same run (A B, B A, ...), and the share of files
 * the fast path of src/input/fast-yaml.ts read (the rest went through yaml's parseDocument).
 *
 *   npm run build && node bench/fast-yaml.mjs --base ../base --data /dev/shm/d1k [--rounds 6]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : process.argv[i + 1];
};
const base = arg("base");
const data = arg("data", join(ROOT, "examples"));
const rounds = Number(arg("rounds", 6));

function yamlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (name.endsWith(".yaml")) out.push(p);
  }
  return out;
}

const files = yamlFiles(data).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) }));
const roots = [["current", ROOT], ...(base ? [["base", base]] : [])];
const loaders = {};
for (const [label, root] of roots) loaders[label] = (await import(pathToFileURL(join(root, "dist", "input", "load-yaml.js")).href)).loadYaml;

const { fastParseDocument } = await import(pathToFileURL(join(ROOT, "dist", "input", "fast-yaml.js")).href);
const dec = new TextDecoder();
const taken = files.filter((f) => fastParseDocument(dec.decode(f.bytes), { schema: "failsafe" }) !== undefined).length;

function run(load) {
  const t = process.cpuUsage();
  let ok = 0;
  for (const f of files) if (load(f.name, f.bytes).ok) ok++;
  const d = process.cpuUsage(t);
  return { ms: (d.user + d.system) / 1000, ok };
}

const cpu = Object.fromEntries(roots.map(([l]) => [l, []]));
// One untimed round each: JIT warm-up.
for (const [l] of roots) run(loaders[l]);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? roots : [...roots].reverse();
  for (const [l] of order) cpu[l].push(run(loaders[l]).ms);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${files.length} files from ${data}; fast path took ${taken} (${((100 * taken) / files.length).toFixed(1)} %)`);
for (const [l] of roots) console.log(`${l.padEnd(8)} loadYaml CPU median ${median(cpu[l]).toFixed(0)} ms per round, ${((1000 * median(cpu[l])) / files.length).toFixed(0)} µs per file (rounds: ${cpu[l].map((x) => x.toFixed(0)).join(", ")})`);
if (base) console.log(`current/base ${(median(cpu.current) / median(cpu.base)).toFixed(3)}`);
