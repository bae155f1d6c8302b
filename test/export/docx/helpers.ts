/** Shared test inputs for the DOCX exporter: options, a generated emblem PNG, and unzipping. */
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import type { ExportOptions, FontSet } from "../../../src/export/exporter.js";
import { familySize, parseSizeTable } from "../../../src/export/pdf/size-table.js";
import { readZip } from "../../helpers/unzip.js";
import { DOCX_MEMO_EMBLEM } from "../../fixtures/models/docx-memo.js";
import { crc32 } from "../../../src/export/docx/zip.js";

/** fonts/sizes.json as the CLI reads it: the scales the product uses. */
export const SIZE_TABLE = parseSizeTable(JSON.parse(readFileSync(new URL("../../../fonts/sizes.json", import.meta.url), "utf8")) as unknown);

/** The PDF exporter's face at its real scale; the DOCX exporter names the official face instead (ExportOptions.docxFont). */
export const SARABUN: FontSet = {
  family: "Sarabun",
  sizeScale: familySize(SIZE_TABLE, "Sarabun").scale,
  regular: new Uint8Array(),
  bold: new Uint8Array(),
  italic: new Uint8Array(),
  boldItalic: new Uint8Array(),
};

/** A plain RGB PNG of the given size, a stand-in for the Garuda emblem. */
export function makePng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 2) ** 2 / (width / 2) ** 2 + (y - height / 2) ** 2 / (height / 2) ** 2 < 1;
      raw.set(inside ? [150, 20, 20] : [255, 255, 255], row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", new Uint8Array(deflateSync(raw))),
    chunk("IEND", new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return png;
}

export const EMBLEM_PNG = makePng(54, 60);

export const memoOptions: ExportOptions = {
  fonts: SARABUN,
  createdAt: new Date("2020-09-29T03:00:00Z"),
  images: new Map([[DOCX_MEMO_EMBLEM, EMBLEM_PNG]]),
};

/** One part of a DOCX as text. */
export function part(docx: Uint8Array, path: string): string {
  const entry = readZip(docx).find((e) => e.path === path);
  if (entry === undefined) throw new Error(`no ${path} in the DOCX`);
  return new TextDecoder().decode(entry.data);
}

/** Top-level-enough split of WordprocessingML: every w:p element's XML (paragraphs inside cells included). */
export function paragraphsOf(xml: string): string[] {
  return xml.match(/<w:p[ >].*?<\/w:p>/g) ?? [];
}

/** Every w:r element's XML. */
export function runsOf(xml: string): string[] {
  return xml.match(/<w:r>.*?<\/w:r>/g) ?? [];
}

/** The visible text of a piece of WordprocessingML. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}
