/**
 * The built CLI runs from its chunks (scripts/bundle-cli.mjs): the package's bin and the build
 * worker's module are entries into dist/bundle/, and import() stays a chunk boundary, so the
 * exporters are not in the chunks every command loads. The chunks are CommonJS, strict, and in
 * the code cache (src/cli/code-cache.ts) with the packages. (test/e2e/lazy-start.test.ts checks, through
 * modules.json, which modules each command loads; every test that spawns dist/cli/bin.js runs the chunks.)
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../helpers/load-example.js";

const dist = join(ROOT, "dist");
const chunks = JSON.parse(readFileSync(join(dist, "bundle", "modules.json"), "utf8")) as Record<string, string[]>;
const chunkOf = (module: string) => Object.keys(chunks).find((c) => chunks[c]!.includes(module));
/** The chunks a chunk requires as it loads (top-level require of a sibling), in order, and theirs after them. */
function staticRequires(chunk: string, seen = new Set<string>()): string[] {
  const text = readFileSync(join(dist, "bundle", chunk), "utf8");
  for (const m of text.matchAll(/^(?:const \w+ = )?require\("\.\/([^"]+\.cjs)"\);$/gm)) {
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    staticRequires(m[1]!, seen);
  }
  return [...seen];
}

describe("the CLI's chunks", () => {
  test("bin.js and worker-boot.js require their entry chunk; tsc's modules stay beside them", () => {
    expect(readFileSync(join(dist, "cli", "bin.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n[^\n]*\nimport \{ createRequire \} from "node:module";\n\ncreateRequire\(import\.meta\.url\)\("\.\.\/bundle\/bin\.cjs"\);\n$/);
    expect(readFileSync(join(dist, "cli", "build", "worker-boot.js"), "utf8")).toMatch(/\ncreateRequire\(import\.meta\.url\)\("\.\.\/\.\.\/bundle\/worker\.cjs"\);\n$/);
    for (const f of ["cli/bin-modules.js", "cli/build/worker-boot-modules.js", "bundle/bin.cjs", "bundle/worker.cjs", "bundle/main.cjs"]) expect(existsSync(join(dist, f)), f).toBe(true);
    for (const c of Object.keys(chunks)) expect(existsSync(join(dist, "bundle", c)), c).toBe(true);
  });

  test("the chunks are strict CommonJS, and each entry installs the code cache before any other chunk", () => {
    for (const c of Object.keys(chunks)) expect(readFileSync(join(dist, "bundle", c), "utf8"), c).toMatch(/^(#![^\n]*\n)?"use strict";\n/);
    const install = chunkOf("dist/cli/code-cache-install.js");
    for (const entry of ["bin.cjs", "worker.cjs"]) expect(staticRequires(entry)[0], entry).toBe(install);
  });

  test("the package's bin is executable, so `npx itadoc` runs it in a fresh clone", () => {
    expect(statSync(join(dist, "cli", "bin.js")).mode & 0o111).toBe(0o111);
  });

  test("every module is in one chunk, and what commands load later is not in the entry's", () => {
    const all = Object.values(chunks).flat();
    expect(new Set(all).size).toBe(all.length);
    const binLoads = ["bin.cjs", ...staticRequires("bin.cjs")];
    expect(binLoads).toContain(chunkOf("dist/cli/main.js"));
    expect(chunkOf("dist/cli/build/worker-boot-modules.js")).toBe("worker.cjs");
    // The build loads in a worker only after the boot handshake (worker-boot.ts), under the run's V8 flags.
    expect(["worker.cjs", ...staticRequires("worker.cjs")]).not.toContain(chunkOf("dist/cli/build/worker.js"));
    for (const lazy of ["dist/export/pdf/index.js", "dist/export/docx/index.js", "dist/cli/commands/build.js", "dist/input/load-yaml.js", "dist/thai/segment.js"]) {
      expect(chunkOf(lazy), lazy).toBeDefined();
      expect(binLoads, lazy).not.toContain(chunkOf(lazy));
    }
    expect(chunkOf("dist/export/pdf/index.js")).not.toBe(chunkOf("dist/cli/commands/build.js"));
  });
});
