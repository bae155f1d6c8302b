/**
 * DOCX → PDF through LibreOffice headless, the way test/export/docx/libreoffice.test.ts
 * does it: a private profile (so a running soffice or a broken user profile
 * does not interfere) and a fontconfig file, written beside it, that adds a
 * metric stand-in for TH SarabunPSK (stand-in-font.ts), since the DOCX names
 * the official face without embedding it. soffice or the stand-in's source
 * font missing is an error, never a skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { writeStandInFonts } from "./stand-in-font.js";

/** The fontconfig file that `docxToPdf` runs LibreOffice with: the system's fonts plus the stand-in. */
export function standInFontConfig(workDir: string, family = "TH SarabunPSK"): string {
  const fontsDir = join(workDir, "stand-in-fonts");
  mkdirSync(fontsDir, { recursive: true });
  writeStandInFonts(fontsDir, family);
  const fontsConf = join(workDir, "fonts.conf");
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontsDir}</dir>` +
      `<cachedir>${join(workDir, "fc-cache")}</cachedir></fontconfig>`,
  );
  return fontsConf;
}

/** Converts `docxPath` into `workDir` and returns the PDF's path. */
export function docxToPdf(docxPath: string, workDir: string): string {
  const fontsConf = standInFontConfig(workDir);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${join(workDir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", workDir, docxPath],
    { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, stdio: "pipe", timeout: 110_000 },
  );
  const pdf = join(workDir, basename(docxPath).replace(/\.docx$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
  return pdf;
}
