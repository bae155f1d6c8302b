/**
 * The organisation's own PDF font (org.yaml settings.pdf_font): a folder of
 * TrueType files, or the files named one by one, resolved against the
 * org.yaml's folder and checked like the emblem before anything is read as
 * a font. Only TrueType outlines (glyf) are accepted: the PDF text layer
 * draws Thai clusters as composite glyphs (export/pdf/faithful-font.ts),
 * which CFF (.otf) and collection (.ttc) files cannot hold.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import type { FontSet } from "../../export/exporter.js";
import type { OrgInput } from "../../input/load-organisation.js";
import { nodePos } from "../../input/validate-input.js";
import { loadPdfFonts, type PdfFontFiles } from "../pdf-fonts.js";

/** An official Thai TTF is under 1 MB; 50 MB refuses a wrong file before it is parsed. */
const MAX_FONT_BYTES = 50 * 1024 * 1024;

export type PdfFontProblem = "missing" | "unreadable" | "too-large" | "not-truetype" | "no-faces" | "bad-font";

const REASON_TH: Record<PdfFontProblem, string> = {
  missing: "ไม่พบไฟล์หรือโฟลเดอร์",
  unreadable: "อ่านไฟล์ไม่ได้",
  "too-large": "ไฟล์ใหญ่เกิน 50 MB",
  "not-truetype": "ไม่ใช่ไฟล์ฟอนต์ TrueType (.ttf)",
  "no-faces": "ในโฟลเดอร์ไม่มีไฟล์ .ttf ทั้งตัวปกติและตัวหนา",
  "bad-font": "ไฟล์ฟอนต์เสียหรืออ่านเป็นฟอนต์ไม่ได้",
};
const REASON_EN: Record<PdfFontProblem, string> = {
  missing: "file or folder not found",
  unreadable: "cannot read the file",
  "too-large": "larger than 50 MB",
  "not-truetype": "not a TrueType font (.ttf)",
  "no-faces": "the folder has no regular and bold .ttf files",
  "bad-font": "the file cannot be read as a font",
};

export type PdfFontResult =
  | { readonly state: "none" }
  | {
      readonly state: "ok";
      readonly fonts: FontSet;
      /** the files' bytes, for the documents' input key */
      readonly bytes: readonly Uint8Array[];
      /** the files read (absolute) and the folder the faces were picked from, if one was named: what a rerun checks */
      readonly paths: readonly string[];
      readonly folder?: string;
    }
  | { readonly state: "error"; readonly diagnostic: Diagnostic };

class Problem extends Error {
  constructor(readonly problem: PdfFontProblem) {
    super(problem);
  }
}

const FACE_WORDS = { bold: /bold/i, italic: /italic|oblique/i };

/** The faces of a folder by their file names: "THSarabunNew Bold.ttf" is bold, one without bold/italic is regular. */
async function facesInFolder(dir: string): Promise<PdfFontFiles> {
  const names = (await readdir(dir).catch(() => Promise.reject(new Problem("unreadable")))).filter((n) => /\.ttf$/i.test(n)).sort();
  const pick = (bold: boolean, italic: boolean): string | undefined => {
    const n = names.find((x) => FACE_WORDS.bold.test(x) === bold && FACE_WORDS.italic.test(x) === italic);
    return n === undefined ? undefined : join(dir, n);
  };
  const regular = pick(false, false);
  const bold = pick(true, false);
  if (!regular || !bold) throw new Problem("no-faces");
  const italic = pick(false, true);
  const boldItalic = pick(true, true);
  return { regular, bold, ...(italic ? { italic } : {}), ...(boldItalic ? { boldItalic } : {}) };
}

/** A TrueType file (0x00010000 or "true"), not too large; its bytes. */
async function checkedFont(path: string): Promise<Uint8Array> {
  const st = await stat(path).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) throw new Problem(st.code === "ENOENT" || st.code === "ENOTDIR" ? "missing" : "unreadable");
  if (!st.isFile()) throw new Problem("not-truetype");
  if (st.size > MAX_FONT_BYTES) throw new Problem("too-large");
  const bytes = await readFile(path).then((b) => new Uint8Array(b), () => Promise.reject(new Problem("unreadable")));
  const tag = bytes.length >= 12 ? String.fromCharCode(...bytes.subarray(0, 4)) : "";
  if (tag !== "\u0000\u0001\u0000\u0000" && tag !== "true") throw new Problem("not-truetype");
  return bytes;
}

/** Reads and checks the organisation's PDF font, when one is configured. */
export async function loadOrgPdfFont(org: OrgInput, cwd: string): Promise<PdfFontResult> {
  const setting = org.org.settings?.pdf_font;
  if (setting === undefined) return { state: "none" };
  const base = resolve(cwd, dirname(org.orgFile));
  const shown = typeof setting === "string" ? setting : setting.regular;
  const key = typeof setting === "string" ? [] : ["regular"];
  try {
    let files: PdfFontFiles;
    let folder: string | undefined;
    if (typeof setting === "string") {
      const abs = resolve(base, setting);
      const st = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
      if (st instanceof Error) throw new Problem(st.code === "ENOENT" || st.code === "ENOTDIR" ? "missing" : "unreadable");
      // a single file serves as regular and bold
      if (st.isDirectory()) folder = abs;
      files = st.isDirectory() ? await facesInFolder(abs) : { regular: abs, bold: abs };
    } else {
      files = {
        regular: resolve(base, setting.regular),
        bold: resolve(base, setting.bold),
        ...(setting.italic ? { italic: resolve(base, setting.italic) } : {}),
        ...(setting.bold_italic ? { boldItalic: resolve(base, setting.bold_italic) } : {}),
      };
    }
    const paths = [files.regular, files.bold, files.italic, files.boldItalic].filter((p): p is string => p !== undefined);
    const bytes = await Promise.all(paths.map(checkedFont));
    const fonts = await loadPdfFonts(files).catch(() => Promise.reject(new Problem("bad-font")));
    return { state: "ok", fonts, bytes, paths, ...(folder ? { folder } : {}) };
  } catch (e) {
    const problem = e instanceof Problem ? e.problem : "unreadable";
    return {
      state: "error",
      diagnostic: error("E_PDF_FONT", { path: shown, reasonTh: REASON_TH[problem], reasonEn: REASON_EN[problem] }, nodePos(org.orgLoaded, ["settings", "pdf_font", ...key])),
    };
  }
}
