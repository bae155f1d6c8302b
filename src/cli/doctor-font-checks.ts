/**
 * doctor: are the faces the documents name installed where LibreOffice (and
 * any fontconfig program) looks for them? The DOCX names an official face
 * without embedding it (TH SarabunPSK by default, or org.yaml settings.font);
 * without it LibreOffice substitutes another face. On Debian that is Laksaman,
 * which LibreOffice draws 1.5× too large (the memo grew from 4 to 10 pages),
 * elsewhere Loma or DejaVu. fc-match tells which face a family resolves to.
 */
import { execFile } from "node:child_process";
import type { Check } from "./doctor-checks.js";

/** The family names fontconfig resolves `family` to, or why it could not be asked. */
export function fcMatch(family: string, cmd = "fc-match"): Promise<{ ok: true; families: string[]; file: string } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    execFile(cmd, ["-f", "%{family}\n%{file}\n", family], { timeout: 30_000, encoding: "utf8" }, (err, stdout) => {
      if (err) {
        resolve({ ok: false, reason: (err as NodeJS.ErrnoException).code === "ENOENT" ? "fc-match not found" : err.message.split("\n")[0]! });
        return;
      }
      const [families = "", file = ""] = stdout.split("\n");
      resolve({ ok: true, families: families.split(",").map((f) => f.trim()), file });
    });
  });
}

/** What a font check is for: the face, and the Thai and English purpose and remedy. */
interface FontNeed {
  readonly id: string;
  readonly family: string;
  readonly label: { readonly th: string; readonly en: string };
  readonly fix: { readonly th: string; readonly en: string };
}

async function checkInstalled(need: FontNeed, cmd: string): Promise<Check> {
  const m = await fcMatch(need.family, cmd);
  if (!m.ok) {
    return {
      id: need.id,
      required: false,
      ok: false,
      label: need.label,
      detail: m.reason,
      fix: { th: `ติดตั้ง fontconfig (เช่น apt-get install fontconfig) เพื่อให้ตรวจได้ แล้ว${need.fix.th}`, en: `install fontconfig (e.g. apt-get install fontconfig) to check, then ${need.fix.en}` },
    };
  }
  const ok = m.families.some((f) => f.toLowerCase() === need.family.toLowerCase());
  return {
    id: need.id,
    required: false,
    ok,
    label: need.label,
    detail: ok ? m.file : `fc-match "${need.family}" → ${m.families[0] ?? "?"} (${m.file})`,
    ...(ok ? {} : { fix: need.fix }),
  };
}

/** The official face a DOCX names: missing, LibreOffice lays the document out with another face. */
export function checkDocxFont(family: string, cmd = "fc-match"): Promise<Check> {
  return checkInstalled(
    {
      id: "docx-font",
      family,
      label: { th: `ฟอนต์ ${family} ที่ไฟล์ DOCX ใช้ (สำหรับเปิดหรือแปลง DOCX ด้วย LibreOffice บนเครื่องนี้)`, en: `${family}, the font DOCX files name (to open or convert them with LibreOffice on this machine)` },
      fix: {
        th: `ติดตั้งฟอนต์ ${family} (ฟอนต์ราชการของ SIPA ที่เครื่องของหน่วยงานราชการมีอยู่แล้ว) ลงในเครื่องนี้ แล้วสั่ง fc-cache -f หากไม่ติดตั้ง LibreOffice จะใช้ฟอนต์อื่นแทน ตัวอักษรและจำนวนหน้าจะไม่ตรงกับที่เห็นใน Word`,
        en: `install ${family} (the SIPA government font that government PCs already have) on this machine, then run fc-cache -f; without it LibreOffice uses another font and the text size and page count differ from Word's`,
      },
    },
    cmd,
  );
}

/** The face the PDF embeds (from fonts/): installed, LibreOffice can show a DOCX in the PDF's face too. */
export function checkPdfFont(family: string, fontsDir: string, cmd = "fc-match"): Promise<Check> {
  return checkInstalled(
    {
      id: "pdf-font",
      family,
      label: { th: `ฟอนต์ ${family} ที่ฝังใน PDF (ในระบบ fontconfig, ไม่บังคับ)`, en: `${family}, the font PDFs embed (in fontconfig, optional)` },
      fix: {
        th: `PDF ไม่ต้องใช้ฟอนต์ในระบบ (ฝังมาในไฟล์แล้ว) หากต้องการให้โปรแกรมอื่นใช้ฟอนต์เดียวกัน ให้คัดลอกไฟล์ .ttf จาก ${fontsDir} ไปไว้ที่ ~/.local/share/fonts แล้วสั่ง fc-cache -f`,
        en: `PDFs need no installed font (it is embedded); for other programs to use the same face, copy the .ttf files from ${fontsDir} to ~/.local/share/fonts and run fc-cache -f`,
      },
    },
    cmd,
  );
}
