/**
 * docx.js's parts of an empty document, written at build time for the shipped
 * templates' size (src/export/docx/docx-defaults.ts, scripts/docx-defaults.mjs):
 * what `npm run build` wrote is what docx.js makes now, and a DOCX made from
 * them has the same bytes as one made with docx.js at run time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { halfPoints } from "../../../src/export/docx/context.js";
import { docxDefaultsModule, docxVersion, packedByDocx, PER_DOCUMENT, PRECOMPUTED_SIZES_PT } from "../../../src/export/docx/docx-defaults.js";
import { ROOT } from "../../helpers/load-example.js";

async function liveModule(): Promise<string> {
  const defaults = new Map<number, Awaited<ReturnType<typeof packedByDocx>>>();
  for (const pt of PRECOMPUTED_SIZES_PT) defaults.set(halfPoints(pt), await packedByDocx(halfPoints(pt)));
  return docxDefaultsModule(docxVersion(), defaults);
}

describe("docx.js defaults written at build time", () => {
  test("the module in dist/ is what docx.js makes now, for every size the shipped templates use", async () => {
    const shipped = readFileSync(join(ROOT, "dist", "export", "docx", "docx-defaults-data.js"), "utf8");
    expect(shipped).toBe(await liveModule());
    // The shipped templates' <document size="…">: each one is precomputed.
    const templates = readFileSync(join(ROOT, "templates", "memo", "memo.hbs"), "utf8");
    expect(PRECOMPUTED_SIZES_PT).toContain(Number(/<document[^>]* size="([0-9]+)"/.exec(templates)?.[1]));
  });

  test("the module holds every shared part, as docx.js's bytes, and no part a document writes itself", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "itadoc-docx-defaults-")), "data.mjs");
    writeFileSync(file, await liveModule());
    const m = (await import(file)) as { DOCX_VERSION: string; DEFAULTS: [number, [string, string][]][] };
    expect(m.DOCX_VERSION).toBe(docxVersion());
    const size = halfPoints(16);
    const parts = new Map(m.DEFAULTS.find(([s]) => s === size)![1]);
    const live = (await packedByDocx(size)).filter((e) => !PER_DOCUMENT.has(e.path));
    expect([...parts.keys()]).toEqual(live.map((e) => e.path));
    for (const e of live) expect(Buffer.from(parts.get(e.path)!, "utf8").equals(Buffer.from(e.data))).toBe(true);
    expect([...parts.keys()].some((p) => PER_DOCUMENT.has(p))).toBe(false);
    expect(parts.has("word/styles.xml")).toBe(true);
  });
});
