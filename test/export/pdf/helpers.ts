import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { DocKind } from "../../../src/documents/common.js";
import type { ExportOptions, FontSet } from "../../../src/export/exporter.js";
import type { LayoutJob } from "../../../src/export/pdf/internals/pdfmake.js";

const fontsDir = new URL("../../../fonts/", import.meta.url);
const face = (name: string) => new Uint8Array(readFileSync(new URL(`Sarabun-${name}.ttf`, fontsDir)));

/** One FontSet for the whole test file, as the CLI would load it. */
export const sarabun: FontSet = {
  family: "Sarabun",
  sizeScale: 0.7,
  regular: face("Regular"),
  bold: face("Bold"),
  italic: face("Italic"),
  boldItalic: face("BoldItalic"),
};

export const options: ExportOptions = { fonts: sarabun, createdAt: new Date("2021-09-29T09:00:00Z") };

/** A layOutAndRender job: `content` on A4 with 72 pt margins, in `family` at 14 pt, uncompressed, dated (the same bytes every run). */
export function a4Job(content: unknown, family: string, extra: Partial<LayoutJob> = {}): LayoutJob {
  return {
    content,
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [72, 72, 72, 72],
    defaultStyle: { font: family, fontSize: 14 },
    images: {},
    family,
    documentOptions: { pdfVersion: "1.7", autoFirstPage: false, bufferPages: false, info: { Title: "t", CreationDate: new Date("2021-09-29T09:00:00Z") }, font: null, compress: false },
    ...extra,
  };
}

/** One example document of each kind (organisation, year, kind): what the tests drawing a document two ways compare. */
export const exampleDocOfEachKind: ReadonlyArray<readonly [string, number, DocKind]> = [
  ["khon-kaen-city", 2563, "memo"],
  ["khon-kaen-city", 2564, "measures"],
  ["nakhon-ratchasima-city", 2564, "report"],
  ["nakhon-ratchasima-city", 2565, "progress"],
];

/** A small solid PNG, standing in for the Garuda emblem. */
export function solidPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

let dir: string | undefined;
function workDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), "itadoc-pdf-"));
  return dir;
}

/** Writes the PDF to a temp file; poppler must be installed (the test fails otherwise). */
export function writePdf(name: string, bytes: Uint8Array): string {
  const path = join(workDir(), `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

export function pdftotext(path: string, ...args: string[]): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", ...args, path, "-"], { encoding: "utf8" });
}

export function pageCount(path: string): number {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

export const squash = (s: string) => s.replace(/\s+/g, "");
