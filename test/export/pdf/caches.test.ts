import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { pdfMeasuresModel } from "../../fixtures/models/pdf-measures.js";
import { pdfMemoModel } from "../../fixtures/models/pdf-memo.js";
import { options, sarabun } from "./helpers.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("caches shared between documents", () => {
  test("a document comes out the same from cold caches and from caches warmed by other documents", async () => {
    // fonts are parsed, and their caches kept, per FontSet object: a copy starts cold
    const cold = await exportPdf(pdfMemoModel, { ...options, fonts: { ...sarabun } });
    await exportPdf(pdfMeasuresModel, options);
    await exportPdf(pdfMemoModel, options);
    const warm = await exportPdf(pdfMemoModel, options);
    expect(sha(warm)).toBe(sha(cold));
  });
});
