/**
 * DOCX → PDF through LibreOffice headless, the way test/export/docx/libreoffice.test.ts
 * does it: a private profile (so a running soffice or a broken user profile
 * does not interfere) and a fontconfig file that adds the bundled Sarabun,
 * since the DOCX names the family without embedding it. soffice missing is an
 * error, never a skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ROOT } from "./load-example.js";

const FONTS_DIR = join(ROOT, "fonts");

/** Converts `docxPath` into `workDir` and returns the PDF's path. */
export function docxToPdf(docxPath: string, workDir: string): string {
  const fontsConf = join(workDir, "fonts.conf");
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${FONTS_DIR}</dir>` +
      `<cachedir>${join(workDir, "fc-cache")}</cachedir></fontconfig>`,
  );
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${join(workDir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", workDir, docxPath],
    { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, stdio: "pipe", timeout: 110_000 },
  );
  const pdf = join(workDir, basename(docxPath).replace(/\.docx$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
  return pdf;
}
