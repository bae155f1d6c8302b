/**
 * The files the tool ships (templates/, fonts/) and the user's own template
 * copy, read once per process. Works from src/ (tests) and dist/ alike: both
 * sit two levels under the package root.
 */
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { error, type Diagnostic } from "../diag/diagnostic.js";
import type { FontSet } from "../export/exporter.js";
import { familySize, parseSizeTable, type SizeTable } from "../export/pdf/size-table.js";
import { FILE_KIND_EN, FILE_KIND_TH, readRegularFile } from "./read-regular.js";

export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, "templates");
export const FONTS_DIR = join(PACKAGE_ROOT, "fonts");

/** A template or columns file is a few kilobytes; 1 MB refuses a wrong file before it is compiled. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TemplateFolder {
  /** Every .hbs and .yaml file, keyed by its path relative to the folder's parent ("templates/memo/memo.hbs"). */
  readonly files: Map<string, string>;
  /** Files found but refused (a link out of the folder, a FIFO, too large, not UTF-8), each naming the file. */
  readonly errors: Diagnostic[];
}

/**
 * Reads a template folder. Template folders travel between organisations as
 * zip files, so a symbolic link is followed only when its target lies inside
 * the folder itself: a partial linked to /etc/passwd must not end up in a
 * published PDF.
 */
export async function readTemplateFolder(dir: string): Promise<TemplateFolder> {
  const files = new Map<string, string>();
  const errors: Diagnostic[] = [];
  const base = join(dir, "..");
  const root = await realpath(dir);
  const inside = (p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
  const seen = new Set<string>([root]);
  const walk = async (d: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      const key = relative(base, p);
      const wanted = TEMPLATE_FILE.test(e.name);
      if (e.isSymbolicLink()) {
        const target = await realpath(p).catch(() => undefined);
        if (target === undefined) {
          if (wanted) errors.push(error("E_FILE_READ", { reason: "ENOENT" }, { file: key, line: 0, col: 0 }));
          continue;
        }
        if (!inside(target)) {
          errors.push(error("E_TEMPLATE_OUTSIDE", { path: key, target }, { file: key, line: 0, col: 0 }));
          continue;
        }
        const st = await stat(target).catch(() => undefined);
        if (st?.isDirectory()) {
          if (!seen.has(target)) {
            seen.add(target);
            await walk(p);
          }
          continue;
        }
      } else if (e.isDirectory()) {
        await walk(p);
        continue;
      }
      if (!wanted) continue;
      const r = await readRegularFile(p, MAX_TEMPLATE_BYTES);
      const pos = { file: key, line: 0, col: 0 };
      if (r.ok) {
        const text = decodeUtf8(r.bytes);
        if (text === undefined) errors.push(error("E_FILE_ENCODING", {}, pos));
        else files.set(key, text);
      } else if (r.why === "not-regular") errors.push(error("E_FILE_NOT_REGULAR", { kindTh: FILE_KIND_TH[r.kind], kindEn: FILE_KIND_EN[r.kind] }, pos));
      else if (r.why === "too-large") errors.push(error("E_FILE_TOO_LARGE", { size: r.size, limit: MAX_TEMPLATE_BYTES }, pos));
      else errors.push(error("E_FILE_READ", { reason: r.code }, pos));
    }
  };
  await walk(dir);
  return { files, errors };
}

const TEMPLATE_FILE = /\.(hbs|yaml)$/;

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The files of a template folder that is known to be sound (the built-in one, in tests); throws on any refused file. */
export async function readTemplateFiles(dir: string): Promise<Map<string, string>> {
  const r = await readTemplateFolder(dir);
  if (r.errors.length > 0) throw new Error(`template folder ${dir}: ${r.errors.map((d) => d.pos?.file ?? d.code).join(", ")}`);
  return r.files;
}

let sizeTable: Promise<SizeTable> | undefined;

/** fonts/sizes.json, read and checked once per process (or worker); a read or parse failure is not kept. */
export function readSizeTable(): Promise<SizeTable> {
  sizeTable ??= readFile(join(FONTS_DIR, "sizes.json"), "utf8").then((t) => parseSizeTable(JSON.parse(t) as unknown));
  sizeTable.catch(() => (sizeTable = undefined));
  return sizeTable;
}

let fontCache: Promise<FontSet> | undefined;

/** The bundled Sarabun family; loaded once per process (or worker). */
export function loadBundledFonts(): Promise<FontSet> {
  fontCache ??= (async () => {
    const sizes = await readSizeTable();
    const read = async (name: string) => new Uint8Array(await readFile(join(FONTS_DIR, name)));
    const [regular, bold, italic, boldItalic] = await Promise.all(
      ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf"].map(read),
    );
    return { family: "Sarabun", sizeScale: familySize(sizes, "Sarabun").scale, regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
  })();
  return fontCache;
}
