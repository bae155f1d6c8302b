/**
 * A metric stand-in for TH SarabunPSK, made for LibreOffice renders in tests.
 *
 * Debian's fonts-tlwg-laksaman is TH Sarabun New's design (GPL-2+ with font
 * exception) scaled up to a usual em: its advance widths are TH SarabunPSK's
 * ÷ 0.665 (32 of 32 characters compared against TH SarabunPSK's published
 * FPDF width table, e.g. digits 544 vs 362, space 324 vs 216) and so are its
 * typo metrics (1279/-376 vs 850/-250). Debian's fontconfig aliases "TH
 * Sarabun*" to Laksaman with a 0.66 matrix, but LibreOffice ignores the
 * matrix and draws 16 pt Laksaman 1.5× too large (the memo went from 4 to 10
 * pages). So the copies written here carry unitsPerEm ÷ 0.665 (the outlines
 * then draw at TH SarabunPSK's size) and the official family name in their
 * name table: LibreOffice finds "TH SarabunPSK" itself, not a substitute.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** TH SarabunPSK's advance widths ÷ Laksaman's (see above). */
export const LAKSAMAN_TO_SARABUN_PSK = 0.665;

const STYLES = [
  { subfamily: "Regular", suffix: "", file: /Laksaman\.ttf$/ },
  { subfamily: "Bold", suffix: "-Bold", file: /Laksaman-Bold\.ttf$/ },
  { subfamily: "Italic", suffix: "-Italic", file: /Laksaman-Italic\.ttf$/ },
  { subfamily: "Bold Italic", suffix: "-BoldItalic", file: /Laksaman-BoldItalic\.ttf$/ },
] as const;

/** The installed Laksaman files, found through fontconfig; an error (never a skip) when the package is missing. */
export function laksamanFiles(): string[] {
  let listed = "";
  try {
    listed = execFileSync("fc-list", ["-f", "%{file}\n", "Laksaman"], { encoding: "utf8" });
  } catch (e) {
    throw new Error(`fc-list failed (${(e as Error).message}): install fontconfig`);
  }
  const files = listed.split("\n").filter((f) => f.endsWith(".ttf"));
  const found = STYLES.map((s) => files.find((f) => s.file.test(f)));
  if (found.some((f) => f === undefined)) throw new Error("Laksaman (Debian fonts-tlwg-laksaman) is not installed: apt-get install fonts-tlwg-laksaman");
  return found as string[];
}

/** Writes the four stand-in faces named `family` into `dir`; returns their paths. */
export function writeStandInFonts(dir: string, family = "TH SarabunPSK"): string[] {
  return laksamanFiles().map((file, i) => {
    const style = STYLES[i]!;
    const bytes = renamedAndScaled(new Uint8Array(readFileSync(file)), family, style.subfamily, LAKSAMAN_TO_SARABUN_PSK);
    const out = join(dir, `StandIn${style.suffix}.ttf`);
    writeFileSync(out, bytes);
    return out;
  });
}

interface Table {
  tag: string;
  data: Uint8Array;
}

function readTables(font: Uint8Array): { version: number; tables: Table[] } {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const n = v.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    const offset = v.getUint32(at + 8);
    tables.push({ tag, data: font.slice(offset, offset + v.getUint32(at + 12)) });
  }
  return { version: v.getUint32(0), tables };
}

/** A Windows-Unicode name table holding only the names fontconfig and LibreOffice read. */
function nameTable(family: string, subfamily: string): Uint8Array {
  const ps = `${family.replace(/[^A-Za-z0-9]/g, "")}-${subfamily.replace(/ /g, "")}`;
  const names: [number, string][] = [
    [1, family],
    [2, subfamily],
    [3, `${ps};stand-in`],
    [4, subfamily === "Regular" ? family : `${family} ${subfamily}`],
    [6, ps],
  ];
  const strings = names.map(([, s]) => {
    const b = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      b[i * 2] = s.charCodeAt(i) >> 8;
      b[i * 2 + 1] = s.charCodeAt(i) & 0xff;
    }
    return b;
  });
  const headerLength = 6 + names.length * 12;
  const out = new Uint8Array(headerLength + strings.reduce((n, s) => n + s.length, 0));
  const v = new DataView(out.buffer);
  v.setUint16(2, names.length);
  v.setUint16(4, headerLength);
  let offset = 0;
  names.forEach(([id], i) => {
    const at = 6 + i * 12;
    v.setUint16(at, 3);
    v.setUint16(at + 2, 1);
    v.setUint16(at + 4, 0x409);
    v.setUint16(at + 6, id);
    v.setUint16(at + 8, strings[i]!.length);
    v.setUint16(at + 10, offset);
    out.set(strings[i]!, headerLength + offset);
    offset += strings[i]!.length;
  });
  return out;
}

function checksum(b: Uint8Array): number {
  const padded = new Uint8Array((b.length + 3) & ~3);
  padded.set(b);
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

/** The font with a new name table and its em enlarged by 1/scale (every outline and metric then draws `scale` times as large). */
export function renamedAndScaled(font: Uint8Array, family: string, subfamily: string, scale: number): Uint8Array {
  const { version, tables } = readTables(font);
  for (const t of tables) {
    if (t.tag === "name") t.data = nameTable(family, subfamily);
    if (t.tag === "head") {
      const hv = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
      hv.setUint32(8, 0); // checkSumAdjustment, set below
      hv.setUint16(18, Math.round(hv.getUint16(18) / scale));
    }
  }
  const n = tables.length;
  let size = 12 + n * 16;
  const offsets = tables.map((t) => {
    const at = size;
    size += (t.data.length + 3) & ~3;
    return at;
  });
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(n));
  v.setUint32(0, version);
  v.setUint16(4, n);
  v.setUint16(6, 2 ** log2 * 16);
  v.setUint16(8, log2);
  v.setUint16(10, n * 16 - 2 ** log2 * 16);
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = t.tag.charCodeAt(k);
    v.setUint32(at + 4, checksum(t.data));
    v.setUint32(at + 8, offsets[i]!);
    v.setUint32(at + 12, t.data.length);
    out.set(t.data, offsets[i]!);
  });
  const head = tables.findIndex((t) => t.tag === "head");
  v.setUint32(offsets[head]! + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
