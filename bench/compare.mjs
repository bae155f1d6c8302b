#!/usr/bin/env node
/**
 * Side-by-side benchmark: the same workload with this tree's build and with
 * a previous commit's, alternating in the same run, so that a claim of
 * progress is a ratio taken under the same machine load, not two numbers
 * from two days.
 *
 *   npm run build && node bench/compare.mjs --base <commit> [--workload W] [--rounds 5] [--keep] [-- extra build args]
 *
 * Workloads (--workload, repeatable; default "version,examples"):
 *   version        itadoc --version (10 starts per round)
 *   help           itadoc --help (10 starts per round)
 *   validate       itadoc validate examples
 *   examples       itadoc build examples into an empty folder
 *   one-org        itadoc build examples/khon-kaen-city into an empty folder
 *   orgs:N         itadoc build of N synthetic organisations (bench/national-dataset.mjs) into an empty folder
 *   rerun:N        the same, built once untimed, then timed reruns with nothing changed
 *
 * The base commit is checked out with `git worktree add --detach` in a temporary folder; its
 * node_modules is this tree's (a symbolic link) when package-lock.json is the same, else `npm ci`
 * runs there. Then the base's own `npm run build`. Per run: wall time, CPU (user + system, all
 * threads) and peak RSS from GNU time (`apt-get install time`). Rounds run the two builds in the
 * order A B, B A, A B … so a drift in the machine's load falls on both. Printed per workload: the
 * medians, CPU per document, peak RSS, and the ratios current/base; for build workloads, whether
 * the two builds wrote byte-identical documents. The load average is printed before and after.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TIME = "/usr/bin/time";

function parseArgs(argv) {
  const o = { base: undefined, workloads: [], rounds: 5, keep: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      o.extra = argv.slice(i + 1);
      break;
    }
    if (a === "--base") o.base = argv[++i];
    else if (a === "--workload") o.workloads.push(...argv[++i].split(","));
    else if (a === "--rounds") o.rounds = Number(argv[++i]);
    else if (a === "--keep") o.keep = true;
    else usage(`unknown argument ${a}`);
  }
  if (!o.base) usage("--base <commit> is required");
  if (!Number.isInteger(o.rounds) || o.rounds < 1) usage("--rounds: a whole number ≥ 1");
  if (o.workloads.length === 0) o.workloads = ["version", "examples"];
  return o;
}

function usage(why) {
  console.error(`${why}\nusage: node bench/compare.mjs --base <commit> [--workload version|help|validate|examples|one-org|orgs:N|rerun:N] [--rounds 5] [--keep] [-- build args]`);
  process.exit(2);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0 && !opts.allowFail) {
    console.error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
    process.exit(2);
  }
  return r;
}

const git = (...args) => run("git", ["-C", ROOT, ...args]).stdout.trim();

/** The base commit, built, in a worktree of its own (reused when --keep left one). */
function prepareBase(commit, keep) {
  const sha = git("rev-parse", "--verify", `${commit}^{commit}`);
  const dir = join(tmpdir(), `itadoc-compare-${sha.slice(0, 12)}`);
  if (!(keep && existsSync(join(dir, "dist", "cli", "bin.js")))) {
    if (existsSync(dir)) {
      run("git", ["-C", ROOT, "worktree", "remove", "--force", dir], { allowFail: true });
      rmSync(dir, { recursive: true, force: true });
    }
    git("worktree", "add", "--detach", dir, sha);
    const sameLock = readFileSync(join(ROOT, "package-lock.json"), "utf8") === readFileSync(join(dir, "package-lock.json"), "utf8");
    if (sameLock) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    else run("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" });
    // The base's own build script, not tsc alone: since stop 22 a build also copies the word list, bundles the
    // CLI and vendored packages and records the code cache, and a dist/ from tsc alone fails on every measures PDF.
    run("npm", ["run", "--silent", "build"], { cwd: dir });
  }
  return { sha, dir };
}

function removeBase(dir) {
  run("git", ["-C", ROOT, "worktree", "remove", "--force", dir], { allowFail: true });
  rmSync(dir, { recursive: true, force: true });
}

/** One process under GNU time: wall and CPU seconds, peak RSS in MiB. */
function timed(cwd, args) {
  const r = spawnSync(TIME, ["-f", "TIME %e %U %S %M", process.execPath, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const m = /TIME ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9]+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no timing from ${args.join(" ")}:\n${r.stderr.slice(-2000)}`);
  return { code: r.status, wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 };
}

function filesUnder(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else if (/\.(pdf|docx)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Relative path → sha256 of every document under `dir` (the manifest and lock are not documents). */
function digestOf(dir) {
  return new Map(filesUnder(dir).map((p) => [relative(dir, p), createHash("sha256").update(readFileSync(p)).digest("hex")]));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * A workload: `prepare(work)` once, then per variant `setup(variant)` (untimed, per round),
 * `args(variant)` the command, `repeat` starts per timed sample, and `out(variant)` the folder whose
 * documents are compared.
 */
function workload(spec, work, extra) {
  const [name, n] = spec.split(":");
  const count = Number(n);
  const outOf = (v) => join(work, `out-${spec.replace(":", "-")}-${v.label}`);
  const fresh = (v) => rmSync(outOf(v), { recursive: true, force: true });
  const dataset = () => {
    const data = join(work, `national-${count}`);
    if (!existsSync(data)) run(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), data, String(count)]);
    return data;
  };
  switch (name) {
    case "version":
    case "help":
      return { name: spec, repeat: 10, setup() {}, args: () => [`--${name}`] };
    case "validate":
      return { name: spec, repeat: 1, setup() {}, args: () => ["validate", join(ROOT, "examples")] };
    case "examples":
    case "one-org": {
      const input = name === "examples" ? join(ROOT, "examples") : join(ROOT, "examples", "khon-kaen-city");
      return { name: spec, repeat: 1, setup: fresh, args: (v) => ["build", input, "--out", outOf(v), ...extra], out: outOf };
    }
    case "orgs":
    case "rerun": {
      if (!Number.isInteger(count) || count < 1) usage(`${spec}: ${name}:N with N organisations`);
      const data = dataset();
      const args = (v) => ["build", data, "--out", outOf(v), ...extra];
      if (name === "orgs") return { name: spec, repeat: 1, setup: fresh, args, out: outOf };
      // The first build of each variant is not timed; each timed run then finds everything up to date.
      const built = new Set();
      const setup = (v) => {
        if (built.has(v.label)) return;
        fresh(v);
        const r = timed(v.dir, [v.bin, ...args(v)]);
        if (r.code !== 0) console.error(`note: the first ${v.label} build of ${spec} exited ${r.code}`);
        built.add(v.label);
        v.fullBuild = r;
      };
      return { name: spec, repeat: 1, setup, args, out: outOf };
    }
    default:
      usage(`unknown workload ${spec}`);
  }
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(TIME)) {
  console.error(`${TIME} is missing: apt-get install -y time`);
  process.exit(2);
}
const currentBin = join(ROOT, "dist", "cli", "bin.js");
if (!existsSync(currentBin)) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}

const loadBefore = loadavg();
const base = prepareBase(opts.base, opts.keep);
const head = git("rev-parse", "--short=12", "HEAD");
const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
const variants = [
  { label: "base", dir: base.dir, bin: join(base.dir, "dist", "cli", "bin.js") },
  { label: "current", dir: ROOT, bin: currentBin },
];
const work = mkdtempSync(join(tmpdir(), "itadoc-compare-work-"));

const line = (s = "") => console.log(s);
const la = (l) => l.map((x) => x.toFixed(2)).join(" ");
line(`itadoc compare — ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
line(`base ${base.sha.slice(0, 12)} vs current ${head}${dirty ? " + uncommitted changes" : ""}; ${opts.rounds} rounds, alternating; build args: ${opts.extra.join(" ") || "(none)"}`);
line(`load average before: ${la(loadBefore)}`);

try {
  for (const spec of opts.workloads) {
    const w = workload(spec, work, opts.extra);
    const samples = { base: [], current: [] };
    for (let round = 0; round < opts.rounds; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        let wall = 0;
        let cpu = 0;
        let rssMb = 0;
        let code = 0;
        for (let i = 0; i < w.repeat; i++) {
          w.setup(v);
          const r = timed(v.dir, [v.bin, ...w.args(v)]);
          wall += r.wall;
          cpu += r.cpu;
          rssMb = Math.max(rssMb, r.rssMb);
          code = Math.max(code, r.code);
        }
        samples[v.label].push({ wall: wall / w.repeat, cpu: cpu / w.repeat, rssMb, code });
      }
    }
    const docs = w.out ? filesUnder(w.out(variants[1])).length : 0;
    line(`\n## ${w.name}${w.repeat > 1 ? ` (mean of ${w.repeat} starts per sample)` : ""}${docs ? `, ${docs} documents` : ""}`);
    line("variant   wall s (median, min–max)     CPU s (median)  CPU ms/doc  peak RSS MiB  exit");
    const stats = {};
    for (const v of variants) {
      const s = samples[v.label];
      const walls = s.map((x) => x.wall);
      stats[v.label] = { wall: median(walls), cpu: median(s.map((x) => x.cpu)), rss: Math.max(...s.map((x) => x.rssMb)) };
      const st = stats[v.label];
      const perDoc = docs ? ((st.cpu * 1000) / docs).toFixed(2) : "-";
      line(`${v.label.padEnd(9)} ${st.wall.toFixed(3).padStart(8)} (${Math.min(...walls).toFixed(3)}–${Math.max(...walls).toFixed(3)})   ${st.cpu.toFixed(3).padStart(13)}  ${perDoc.padStart(10)}  ${st.rss.toFixed(0).padStart(12)}  ${[...new Set(s.map((x) => x.code))].join(",")}`);
      if (v.fullBuild) line(`          (its untimed first build: ${v.fullBuild.wall.toFixed(2)} s wall, ${v.fullBuild.cpu.toFixed(2)} s CPU → rerun/full wall ${(st.wall / v.fullBuild.wall * 100).toFixed(1)} %, CPU ${(st.cpu / v.fullBuild.cpu * 100).toFixed(1)} %)`);
    }
    const b = stats.base;
    const c = stats.current;
    line(`ratio current/base: wall ${(c.wall / b.wall).toFixed(3)}, CPU ${(c.cpu / b.cpu).toFixed(3)}, peak RSS ${(c.rss / b.rss).toFixed(3)}  (speed-up ${(b.wall / c.wall).toFixed(2)}× wall, ${(b.cpu / c.cpu).toFixed(2)}× CPU)`);
    if (w.out) {
      const [db, dc] = variants.map((v) => digestOf(w.out(v)));
      const differ = [...new Set([...db.keys(), ...dc.keys()])].filter((k) => db.get(k) !== dc.get(k));
      line(differ.length === 0 ? `outputs byte-identical: yes (${dc.size} documents)` : `outputs byte-identical: NO — ${differ.length} of ${Math.max(db.size, dc.size)} differ, e.g. ${differ.slice(0, 3).join(", ")}`);
    }
  }
} finally {
  line(`\nload average after: ${la(loadavg())}`);
  rmSync(work, { recursive: true, force: true });
  if (!opts.keep) removeBase(base.dir);
}
