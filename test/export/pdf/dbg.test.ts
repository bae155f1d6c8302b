import { test } from "vitest";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { pdfMeasuresModel } from "../../fixtures/models/pdf-measures.js";
import { options, pdftotext, squash, writePdf } from "./helpers.js";
test("d", async () => {
  const all = squash(pdftotext(writePdf("d", await exportPdf(pdfMeasuresModel, options))));
  const count = (s: string) => { const m = new Map<string, number>(); for (const c of s) m.set(c, (m.get(c) ?? 0) + 1); return m; };
  const a = count(all.replace(/-[๐-๙]+-/g, ""));
  const runs = (rs: readonly { text: string }[]) => rs.map((r) => r.text).join("");
  const model = pdfMeasuresModel.sections.flatMap((s) => s.blocks).map((b) => b.type === "paragraph" || b.type === "heading" ? runs(b.runs) : b.type === "table" ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.map((p) => (p.type === "paragraph" ? runs(p.runs) : "")))).join("") : "").join("");
  const b = count(squash(model));
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) console.log(JSON.stringify(k), a.get(k), b.get(k));
});
