import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { docxExporter, exportDocx } from "../../../src/export/docx/index.js";
import { readZip } from "../../helpers/unzip.js";
import { docxMemoModel } from "../../fixtures/models/docx-memo.js";
import { memoOptions, part } from "./helpers.js";

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

afterEach(() => {
  vi.useRealTimers();
});

describe("deterministic DOCX bytes", () => {
  it("gives identical bytes for two exports in one process", async () => {
    const a = await exportDocx(docxMemoModel, memoOptions);
    const b = await docxExporter.export(docxMemoModel, memoOptions);
    expect(sha256(b)).toBe(sha256(a));
  });

  it("gives identical bytes when the wall clock moves", async () => {
    // Fake only Date: the zip and docx.js schedule their own work.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-01-01T08:00:00Z"));
    const a = await exportDocx(docxMemoModel, memoOptions);
    vi.setSystemTime(new Date("2032-06-15T17:43:21Z"));
    const b = await exportDocx(docxMemoModel, memoOptions);
    expect(sha256(b)).toBe(sha256(a));
  });

  it("writes createdAt into core.xml and as every entry's zip date, entries sorted", async () => {
    const createdAt = new Date("2020-09-29T03:04:06Z");
    const docx = await exportDocx(docxMemoModel, { ...memoOptions, createdAt });
    const core = part(docx, "docProps/core.xml");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-09-29T03:04:06Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2020-09-29T03:04:06Z</dcterms:modified>');
    const paths = readZip(docx).map((e) => e.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths[0]).toBe("[Content_Types].xml");
    // DOS time of every local header: 03:04:06 → (3 << 11) | (4 << 5) | 3; date 2020-09-29 → (40 << 9) | (9 << 5) | 29.
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
      expect([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]).toEqual([(3 << 11) | (4 << 5) | 3, (40 << 9) | (9 << 5) | 29]);
      at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
    }
  });

  it("changes the bytes when createdAt changes", async () => {
    const a = await exportDocx(docxMemoModel, memoOptions);
    const b = await exportDocx(docxMemoModel, { ...memoOptions, createdAt: new Date("2021-01-01T00:00:00Z") });
    expect(sha256(b)).not.toBe(sha256(a));
  });
});
