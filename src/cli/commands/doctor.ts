/**
 * itadoc doctor: is this machine ready to make documents? Bundled fonts,
 * templates (or --templates DIR), Node.js, the emblem of each organisation
 * named, whether the faces the DOCX and PDF name are installed (fc-match),
 * and the optional LibreOffice and pdftotext. Exit 0 when every
 * required check passes, 1 otherwise.
 */
import { checkEmblems, checkFonts, checkLibreOffice, checkNode, checkPdftotext, checkTemplates, docxFontsOf, type Check } from "../doctor-checks.js";
import { checkDocxFont, checkPdfFont } from "../doctor-font-checks.js";
import { FONTS_DIR } from "../resources.js";
import { loadBundledPdfFonts } from "../pdf-fonts.js";
import { Exit, type CliIO } from "../io.js";

export interface DoctorOptions {
  readonly paths: readonly string[];
  readonly templates?: string;
  readonly json: boolean;
}

export async function runDoctor(opts: DoctorOptions, io: CliIO): Promise<number> {
  // The family the PDFs embed (Laksaman), not the Sarabun set the DOCX exporter measures with.
  const pdfFamily = await loadBundledPdfFonts().then((f) => f.family, () => undefined);
  const [node, fonts, templates, emblems, soffice, pdftotext, docxFonts, pdfFont] = await Promise.all([
    checkNode(),
    checkFonts(),
    checkTemplates(opts.templates, io.cwd, io.lang),
    opts.paths.length > 0 ? checkEmblems(opts.paths, io.cwd, io.lang) : Promise.resolve([] as Check[]),
    checkLibreOffice(),
    checkPdftotext(),
    docxFontsOf(opts.paths, io.cwd).then((families) => Promise.all(families.map((f) => checkDocxFont(f)))),
    pdfFamily === undefined ? Promise.resolve([] as Check[]) : checkPdfFont(pdfFamily, FONTS_DIR).then((c) => [c]),
  ]);
  const checks = [node, fonts, ...templates, ...emblems, ...docxFonts, ...pdfFont, soffice, pdftotext];
  const ok = checks.every((c) => c.ok || !c.required);
  if (opts.json) {
    io.out(JSON.stringify({ ok, command: "doctor", checks: checks.map((c) => ({ id: c.id, required: c.required, ok: c.ok, label: c.label[io.lang], detail: c.detail ?? null, fix: c.fix?.[io.lang] ?? null })) }, null, 2));
    return ok ? Exit.ok : Exit.invalidInput;
  }
  const th = io.lang === "th";
  for (const c of checks) {
    const mark = c.ok ? "✓" : c.required ? "✗" : "-";
    io.out(`${mark} ${c.label[io.lang]}${c.detail ? `: ${c.detail.split("\n").join("\n    ")}` : ""}`);
    if (!c.ok && c.fix) io.out(`    ${th ? "วิธีแก้" : "fix"}: ${c.fix[io.lang]}`);
  }
  io.out(
    ok
      ? th ? "พร้อมใช้งาน: ผ่านทุกรายการที่จำเป็น" : "ready: every required check passed"
      : th ? "ยังไม่พร้อม: แก้รายการที่มีเครื่องหมาย ✗ ก่อน" : "not ready: fix the checks marked ✗ first",
  );
  return ok ? Exit.ok : Exit.invalidInput;
}
