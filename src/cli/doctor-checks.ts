/**
 * The checks of `itadoc doctor`, each a small function returning data: did it
 * pass, is it required, what was found and, when it failed, what to do (Thai
 * and English). Printing lives in commands/doctor.ts.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { formatDiagnostic, type Lang } from "../diag/format.js";
import { PDF_FONT_FILES } from "./pdf-fonts.js";
import { parseSizeTable } from "../export/pdf/size-table.js";
import { loadInput } from "../pipeline/index.js";
import { loadEmblem } from "./build/emblem.js";
import { loadTemplates } from "./build/resources-load.js";
import { discover, PathNotFound, readErrorDiagnostic, readSources } from "./discover.js";
import { BUILTIN_TEMPLATES, FONTS_DIR } from "./resources.js";
import { DOC_KINDS, KINDS, type DocKind } from "../documents/kinds.js";
import { DEFAULT_OFFICIAL_FONT } from "../model/official-fonts.js";

export interface Check {
  readonly id: string;
  /** A failed required check makes doctor exit 1; optional tools only inform. */
  readonly required: boolean;
  readonly ok: boolean;
  readonly label: { readonly th: string; readonly en: string };
  readonly detail?: string;
  readonly fix?: { readonly th: string; readonly en: string };
}

export const FONT_FILES = ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf"] as const;
const NEEDED_TABLES = ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"];

/** Why these bytes are not a usable TrueType font with Thai letters, or undefined when they are. */
export function fontProblem(b: Uint8Array): string | undefined {
  if (b.length < 12) return "file too short";
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const magic = v.getUint32(0);
  if (magic !== 0x00010000 && magic !== 0x74727565 /* "true" */) return "not a TrueType font (wrong magic number)";
  const numTables = v.getUint16(4);
  if (b.length < 12 + numTables * 16) return "table directory cut short";
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...b.subarray(at, at + 4)), { offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
  }
  const missing = NEEDED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) return `missing tables: ${missing.join(", ")}`;
  for (const [tag, t] of tables) if (t.offset + t.length > b.length) return `table ${tag} runs past the end of the file`;
  return hasThai(v, tables.get("cmap")!.offset) ? undefined : "no Thai letters (U+0E01 ก) in the cmap";
}

/** Looks U+0E01 up in the cmap's format-4 (BMP) subtables. */
function hasThai(v: DataView, cmap: number): boolean {
  const n = v.getUint16(cmap + 2);
  for (let i = 0; i < n; i++) {
    const sub = cmap + v.getUint32(cmap + 4 + i * 8 + 4);
    if (sub + 14 > v.byteLength || v.getUint16(sub) !== 4) continue;
    const segs = v.getUint16(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segs * 2 + 2;
    for (let s = 0; s < segs; s++) {
      if (starts + s * 2 + 2 > v.byteLength) break;
      if (v.getUint16(ends + s * 2) >= 0x0e01 && v.getUint16(starts + s * 2) <= 0x0e01) return true;
    }
  }
  return false;
}

export async function checkFonts(dir = FONTS_DIR): Promise<Check> {
  const label = { th: "ฟอนต์ที่มากับโปรแกรม (Laksaman ที่ฝังใน PDF, Sarabun)", en: "bundled fonts (Laksaman embedded in PDFs, Sarabun)" };
  const problems: string[] = [];
  for (const name of [...PDF_FONT_FILES, ...FONT_FILES]) {
    const bytes = await readFile(join(dir, name)).catch((e: NodeJS.ErrnoException) => e);
    if (bytes instanceof Error) problems.push(`${name}: ${bytes.code ?? bytes.message}`);
    else {
      const p = fontProblem(new Uint8Array(bytes));
      if (p) problems.push(`${name}: ${p}`);
    }
  }
  const sizes = await readFile(join(dir, "sizes.json"), "utf8").then((t) => parseSizeTable(JSON.parse(t) as unknown)).catch(() => undefined);
  // the bundled families: Sarabun (cli/resources.ts loadBundledFonts) and Laksaman (the PDFs)
  if (!sizes || !sizes.has("Sarabun") || !sizes.has("Laksaman")) problems.push("sizes.json: missing or unreadable");
  if (problems.length === 0) return { id: "fonts", required: true, ok: true, label, detail: `${PDF_FONT_FILES.length + FONT_FILES.length} TTF, sizes.json (${dir})` };
  return {
    id: "fonts",
    required: true,
    ok: false,
    label,
    detail: problems.join("; "),
    fix: { th: `ติดตั้งโปรแกรมใหม่ (npm ci) เพื่อให้ได้ไฟล์ใน ${dir} ครบและไม่เสียหาย`, en: `reinstall (npm ci) so that ${dir} is complete and intact` },
  };
}

/**
 * The template set: it loads without errors; and, for a --templates folder, it has a template for
 * every kind the registry knows. A folder copied from an earlier version lacks the newer kinds
 * (e.g. progress): its builds fail for those documents only, so that is a warning with what to copy.
 */
export async function checkTemplates(dir: string | undefined, cwd: string, lang: Lang): Promise<Check[]> {
  const label = dir ? { th: `แม่แบบเอกสารใน ${dir}`, en: `templates in ${dir}` } : { th: "แม่แบบเอกสารที่มากับโปรแกรม", en: "built-in templates" };
  const t = await loadTemplates(dir, cwd);
  if (t.ok) {
    const loaded: Check = { id: "templates", required: true, ok: true, label, detail: [...t.set.kinds.keys()].sort().join(", ") };
    const missing = DOC_KINDS.filter((k) => !t.set.kinds.has(k));
    return dir && missing.length > 0 ? [loaded, missingKindsCheck(dir, missing, lang)] : [loaded];
  }
  return [{
    id: "templates",
    required: true,
    ok: false,
    label,
    detail: t.errors.map((d) => formatDiagnostic(d, lang).split("\n")[0]).join("\n"),
    fix: dir
      ? { th: "แก้แม่แบบตามบรรทัดที่ระบุ หรือไม่ใช้ --templates เพื่อใช้แม่แบบเดิมของโปรแกรม", en: "fix the template at the line given, or drop --templates to use the built-in ones" }
      : { th: "ติดตั้งโปรแกรมใหม่ (npm ci)", en: "reinstall (npm ci)" },
  }];
}

/** Not required: the other kinds still build; a document of a missing kind fails with "no template for document kind". */
function missingKindsCheck(dir: string, missing: readonly DocKind[], lang: Lang): Check {
  const names = missing.map((k) => `${k} (${lang === "th" ? KINDS[k].th : KINDS[k].en}): ${join(dir, k, `${k}.hbs`)}`);
  const folders = missing.map((k) => join(BUILTIN_TEMPLATES, k)).join(", ");
  return {
    id: "templates-kinds",
    required: false,
    ok: false,
    label: { th: `แม่แบบเอกสารใน ${dir} ไม่ครบทุกประเภทเอกสาร`, en: `templates in ${dir} lack a kind of document` },
    detail: `${lang === "th" ? "ไม่มีแม่แบบของ" : "no template for"} ${names.join("; ")}`,
    fix: {
      th: `โฟลเดอร์แม่แบบนี้อาจคัดลอกมาจากรุ่นก่อน: คัดลอกโฟลเดอร์ ${folders} จากแม่แบบที่มากับโปรแกรมไปไว้ใน ${dir} (เอกสารประเภทอื่นยังสร้างได้ตามปกติ)`,
      en: `this folder may be a copy from an earlier version: copy ${folders} from the built-in templates into ${dir} (the other kinds still build)`,
    },
  };
}

/** The emblem of each organisation under `paths`: configured and usable passes; not configured passes with a note. */
export async function checkEmblems(paths: readonly string[], cwd: string, lang: Lang): Promise<Check[]> {
  let folders;
  try {
    folders = await discover(paths, cwd);
  } catch (e) {
    if (!(e instanceof PathNotFound)) throw e;
    return [{ id: "emblem", required: true, ok: false, label: { th: `ตราครุฑของ ${e.path}`, en: `emblem of ${e.path}` }, detail: lang === "th" ? "ไม่พบไฟล์หรือโฟลเดอร์" : "no such file or folder", fix: { th: "ตรวจสอบชื่อโฟลเดอร์หน่วยงาน", en: "check the organisation folder's name" } }];
  }
  const checks: Check[] = [];
  for (const folder of folders) {
    const label = { th: `ตราครุฑของ ${folder.dir}`, en: `emblem of ${folder.dir}` };
    const src = await readSources(folder, cwd);
    const loaded = loadInput(folder.dir, src.org, []);
    const problems = [...src.readErrors.filter((r) => r.path === folder.orgPath).map(readErrorDiagnostic), ...loaded.errors];
    if (!loaded.org) {
      checks.push({ id: "emblem", required: true, ok: false, label, detail: problems.map((d) => formatDiagnostic(d, lang).split("\n")[0]).join("\n"), fix: { th: "แก้ org.yaml ก่อน (itadoc validate บอกรายละเอียด)", en: "fix org.yaml first (itadoc validate has the details)" } });
      continue;
    }
    const r = await loadEmblem(loaded.org, cwd, false, []);
    if (r.state === "ok") checks.push({ id: "emblem", required: true, ok: true, label, detail: `${loaded.org.org.settings?.emblem} (${r.bytes.length} bytes)` });
    else if (r.state === "none") checks.push({ id: "emblem", required: false, ok: true, label, detail: lang === "th" ? "ไม่ได้กำหนด settings.emblem: บันทึกข้อความจะไม่มีตราครุฑ" : "settings.emblem not set: memos will have no emblem" });
    else checks.push({ id: "emblem", required: true, ok: false, label, detail: formatDiagnostic(r.diagnostic, lang).split("\n")[0], fix: { th: "แก้ settings.emblem ใน org.yaml ให้ชี้ไปยังไฟล์ PNG หรือ JPEG ไม่เกิน 5 MB", en: "point settings.emblem in org.yaml at a PNG or JPEG of at most 5 MB" } });
  }
  return checks;
}

/** The faces the DOCX files of the organisations under `paths` name (settings.font), the default first; unreadable folders count as the default. */
export async function docxFontsOf(paths: readonly string[], cwd: string): Promise<string[]> {
  const families = new Set<string>([DEFAULT_OFFICIAL_FONT]);
  if (paths.length === 0) return [...families];
  const folders = await discover(paths, cwd).catch(() => []);
  for (const folder of folders) {
    const src = await readSources(folder, cwd);
    const font = loadInput(folder.dir, src.org, []).org?.org.settings?.font;
    if (font) families.add(font);
  }
  return [...families];
}

/** First line a program prints for its version flag, or its error code when it cannot be run. */
function runVersion(cmd: string, args: readonly string[]): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    execFile(cmd, [...args], { timeout: 60_000, encoding: "utf8" }, (err, stdout, stderr) => {
      const text = `${stdout}\n${stderr}`.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? "";
      if (err && (err as NodeJS.ErrnoException).code === "ENOENT") resolve({ ok: false, text: "not found" });
      // pdftotext -v exits 0 or 99 depending on the poppler version; what counts is that it ran and printed.
      else resolve({ ok: text.length > 0 && !(err && (err as { killed?: boolean }).killed), text: text || String(err?.message ?? "") });
    });
  });
}

export async function checkLibreOffice(cmd = "soffice"): Promise<Check> {
  const r = await runVersion(cmd, ["--version"]);
  return {
    id: "libreoffice",
    required: false,
    ok: r.ok,
    label: { th: "LibreOffice (ไม่บังคับ: แปลง DOCX เป็น PDF เพื่อตรวจดู)", en: "LibreOffice (optional: converts DOCX to PDF to check it)" },
    detail: r.text,
    ...(r.ok ? {} : { fix: { th: "ติดตั้ง LibreOffice (เช่น apt-get install libreoffice-writer-nogui) ถ้าต้องการ", en: "install LibreOffice (e.g. apt-get install libreoffice-writer-nogui) if wanted" } }),
  };
}

export async function checkPdftotext(cmd = "pdftotext"): Promise<Check> {
  const r = await runVersion(cmd, ["-v"]);
  return {
    id: "pdftotext",
    required: false,
    ok: r.ok,
    label: { th: "pdftotext (ไม่บังคับ: ใช้ในการทดสอบ)", en: "pdftotext (optional: used by the tests)" },
    detail: r.text,
    ...(r.ok ? {} : { fix: { th: "ติดตั้ง poppler-utils ถ้าต้องการรันการทดสอบ", en: "install poppler-utils to run the tests" } }),
  };
}

export function checkNode(version: string = process.versions.node): Check {
  const major = Number(version.split(".")[0]);
  const ok = Number.isInteger(major) && major >= 20;
  return {
    id: "node",
    required: true,
    ok,
    label: { th: "Node.js 20 ขึ้นไป", en: "Node.js 20 or later" },
    detail: `v${version}`,
    ...(ok ? {} : { fix: { th: "ติดตั้ง Node.js รุ่น 20 ขึ้นไป (https://nodejs.org)", en: "install Node.js 20 or later (https://nodejs.org)" } }),
  };
}
