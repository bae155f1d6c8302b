/**
 * Commands load only what they use: `--version`, `--help` and `validate`
 * load no exporter (pdfkit, fontkit, docx, the PDF and DOCX writers), which
 * is most of a start's cost. Checked on the module graph the built CLI
 * loads (test/helpers/module-log.mjs), not on a time.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { ROOT } from "../helpers/load-example.js";
import { BIN } from "../helpers/run-cli.js";

const HOOK = pathToFileURL(join(ROOT, "test", "helpers", "module-log.mjs")).href;

/** The modules `itadoc <args>` loads, as paths relative to the package ("dist/cli/main.js", "node_modules/yaml/…"). */
function modulesLoaded(args: readonly string[], cwd = ROOT): { code: number | null; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-modules-"));
  const log = join(dir, "modules.txt");
  try {
    const r = spawnSync(process.execPath, ["--import", HOOK, BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ITADOC_MODULE_LOG: log } });
    const root = pathToFileURL(ROOT).href.replace(/\/?$/, "/");
    const modules = [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))].map((u) => (u.startsWith(root) ? u.slice(root.length) : u));
    return { code: r.status, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The exporters and what only they need. */
const EXPORTER = /^(dist\/export\/(pdf|docx)\/|node_modules\/(pdfmake|pdfkit|fontkit|docx|fflate)\/)/;

describe("lazy start", () => {
  test("the log sees the exporters when a command uses them (the check below would otherwise prove nothing)", () => {
    const out = mkdtempSync(join(tmpdir(), "itadoc-lazy-out-"));
    try {
      const r = modulesLoaded(["build", "examples/khon-kaen-city", "--year", "2563", "--kind", "memo", "--out", out, "--jobs", "1"]);
      expect(r.code).toBe(0);
      expect(r.modules.filter((m) => EXPORTER.test(m))).toEqual(expect.arrayContaining([expect.stringMatching(/^dist\/export\/docx\//)]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test.each([[[]], [["--jobs", "1"]]])("a DOCX-only build %j loads no PDF exporter, no fontkit, and not docx.js (its parts were written at build time)", (extra) => {
    const out = mkdtempSync(join(tmpdir(), "itadoc-lazy-out-"));
    try {
      const r = modulesLoaded(["build", "examples/khon-kaen-city", "--year", "2563", "--kind", "memo", "--out", out, ...extra]);
      expect(r.code).toBe(0);
      expect(r.modules).toContain("dist/export/docx/docx-defaults-data.js");
      // The PDF writer itself and its packages; the small modules of its errors and size table may load.
      expect(r.modules.filter((m) => /^(dist\/export\/pdf\/(index|pdfmake-engine|fonts|faithful-font)\.js|dist\/export\/pdf\/internals\/|node_modules\/(pdfmake|pdfkit|fontkit|docx)\/)/.test(m))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test.each([[["--version"]], [["--help"]], [["validate", "examples"]], [["build"]], [["no-such-command"]]])("itadoc %j loads no exporter", (args) => {
    const r = modulesLoaded(args);
    expect(r.modules.length).toBeGreaterThan(3);
    expect(r.modules.filter((m) => EXPORTER.test(m))).toEqual([]);
  });

  test("--version and --help load neither the YAML parser, the schema nor the templates", () => {
    for (const args of [["--version"], ["--help"]]) {
      const r = modulesLoaded(args);
      expect(r.code).toBe(0);
      expect(r.modules.filter((m) => /^node_modules\/(yaml|zod|handlebars)\/|^dist\/(input\/schema|render|ita|pipeline|vendor)\//.test(m))).toEqual([]);
    }
  });

  test("a build made by workers loads neither the YAML parser nor Handlebars in the command's thread (the workers do)", () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-main-modules-"));
    const log = join(dir, "modules.txt");
    // The CommonJS modules each thread loads, by thread: yaml and handlebars are CommonJS packages.
    const hook = `data:text/javascript,${encodeURIComponent(`import Module from "node:module";
import { appendFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
const load = Module._load;
Module._load = function (request, parent, isMain) {
  let file = request;
  try {
    file = Module._resolveFilename(request, parent, isMain);
  } catch {}
  appendFileSync(${JSON.stringify(log)}, (isMainThread ? "main " : "worker ") + file + "\\n");
  return load.apply(this, arguments);
};`)}`;
    try {
      const r = spawnSync(process.execPath, ["--import", hook, BIN, "build", "examples/khon-kaen-city", "--kind", "memo", "--format", "pdf", "--out", join(dir, "out"), "--jobs", "1"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const lines = readFileSync(log, "utf8").split("\n");
      // yaml as installed or as the one file scripts/vendor-bundles.mjs makes of it; Handlebars' runtime.
      const YAML = /\/node_modules\/yaml\/|\/dist\/vendor\/yaml\.cjs$/;
      const HANDLEBARS = /\/node_modules\/handlebars\//;
      const loadedBy = (who: string, what: RegExp) => lines.filter((l) => l.startsWith(`${who} `) && what.test(l));
      // The check is able to see them: the worker that built the memo loaded both.
      expect(loadedBy("worker", YAML)).not.toEqual([]);
      expect(loadedBy("worker", HANDLEBARS)).not.toEqual([]);
      expect([...loadedBy("main", YAML), ...loadedBy("main", HANDLEBARS)]).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("validate loads zod as the one file scripts/vendor-bundles.mjs made of it, not its 95 modules", () => {
    const r = modulesLoaded(["validate", "examples"]);
    expect(r.code).toBe(0);
    expect(r.modules).toContain("dist/vendor/zod.js");
    expect(r.modules.filter((m) => m.startsWith("node_modules/zod/"))).toEqual([]);
  });
});
