/**
 * Any valid organisation builds every document kind in both formats, and the
 * analysis report prints exactly the scores that were typed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { createdAtFor } from "../../src/cli/build/build-org.js";
import { loadTemplates } from "../../src/cli/build/resources-load.js";
import { loadBundledFonts } from "../../src/cli/resources.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import type { FontSet } from "../../src/export/exporter.js";
import { exportDocx } from "../../src/export/docx/index.js";
import { exportPdf } from "../../src/export/pdf/index.js";
import { loadInput } from "../../src/pipeline/index.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { renderDocument } from "../../src/render/render-template.js";
import { formatScore } from "../../src/thai/format.js";
import { squash } from "../helpers/pdf-text.js";
import { generatedOrg, INDICATORS } from "./generate-org.js";

let templates: TemplateSet;
let fonts: FontSet;
const dir = mkdtempSync(join(tmpdir(), "itadoc-prop-"));

beforeAll(async () => {
  const t = await loadTemplates(undefined, process.cwd());
  if (!t.ok) throw new Error("built-in templates do not load");
  templates = t.set;
  fonts = await loadBundledFonts();
});

const enc = (s: string) => new TextEncoder().encode(s);

describe("any valid organisation", () => {
  test("builds memo, measures and report as PDF and DOCX; the report's score table equals the input", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(generatedOrg, async (g) => {
        const loaded = loadInput("g", { path: "g/org.yaml", bytes: enc(g.orgYaml) }, [{ path: `g/${g.year}.yaml`, bytes: enc(g.yearYaml) }]);
        expect(loaded.errors).toEqual([]);
        const jobs = planDocuments(loaded.org!, {});
        expect(jobs.map((j) => j.kind).sort()).toEqual(["measures", "memo", "report"]);
        for (const job of jobs) {
          expect(job.result.ok, `${job.kind}: ${JSON.stringify(!job.result.ok && job.result.errors)}`).toBe(true);
          if (!job.result.ok) continue;
          const rendered = renderDocument(templates, job.kind, job.result.data);
          expect(rendered.ok, `${job.kind}: ${JSON.stringify(!rendered.ok && rendered.errors)}`).toBe(true);
          if (!rendered.ok) continue;
          const options = { fonts, createdAt: createdAtFor(job.fiscalYear), images: new Map<string, Uint8Array>() };
          const pdf = await exportPdf(rendered.doc, options);
          const docx = await exportDocx(rendered.doc, options);
          expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
          expect(docx[0] === 0x50 && docx[1] === 0x4b).toBe(true);
          if (job.kind !== "report") continue;
          const file = join(dir, `report-${run++}.pdf`);
          writeFileSync(file, pdf);
          const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
          for (const id of INDICATORS) {
            const printed = formatScore(g.scores[id].cents / 100, g.numerals);
            expect(text, `${id} typed ${g.scores[id].typed}`).toContain(printed);
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});
