import { z } from "zod";
import { OFFICIAL_FONTS } from "../../model/official-fonts.js";
import { choice, numerals, text } from "./scalars.js";
import { Wording } from "./layout.js";

/** Organisation types as clerks write them; short forms are normalised. */
export const ORG_TYPES = [
  "เทศบาลนคร",
  "เทศบาลเมือง",
  "เทศบาลตำบล",
  "องค์การบริหารส่วนตำบล",
  "องค์การบริหารส่วนจังหวัด",
  "กรุงเทพมหานคร",
  "เมืองพัทยา",
  "อบต.",
  "อบจ.",
] as const;

const SHORT_FORMS: Record<string, string> = { "อบต.": "องค์การบริหารส่วนตำบล", "อบจ.": "องค์การบริหารส่วนจังหวัด" };

export const Organisation = z.strictObject({
  id: text.optional(),
  name: text,
  type: choice(ORG_TYPES).transform((t) => SHORT_FORMS[t] ?? t),
  office: text.optional(),
  district: text,
  province: text,
  division: text,
  mayor_title: text,
});
export type Organisation = z.infer<typeof Organisation>;

/** The organisation's own TrueType font for the PDFs: a folder of .ttf files, or the files themselves (cli/build/pdf-font-setting.ts). */
export const PdfFontSetting = z.union([text, z.strictObject({ regular: text, bold: text, italic: text.optional(), bold_italic: text.optional() })]);
export type PdfFontSetting = z.infer<typeof PdfFontSetting>;

export const Settings = z.strictObject({
  numerals: numerals.optional(),
  emblem: text.optional(),
  /** The face the DOCX names (default TH SarabunPSK); an unknown one is E_ENUM with the allowed list. */
  font: choice(OFFICIAL_FONTS).optional(),
  pdf_font: PdfFontSetting.optional(),
});
export type Settings = z.infer<typeof Settings>;

export const OrgFile = z.strictObject({
  organisation: Organisation,
  settings: Settings.optional(),
  /** Printed names and fixed texts for every document of the organisation (documents/layout/wording.ts). */
  wording: Wording.optional(),
});
export type OrgFile = z.infer<typeof OrgFile>;
