/**
 * The official Thai faces a DOCX may name (org.yaml settings.font). Thai
 * government PCs carry TH SarabunPSK (cabinet resolution of 2553); TH Sarabun
 * New and TH SarabunIT๙ are its siblings with the same metrics. The model's
 * sizes are points of these faces, so a DOCX writes them unscaled.
 */
export const OFFICIAL_FONTS = ["TH SarabunPSK", "TH Sarabun New", "TH SarabunIT๙"] as const;
export type OfficialFont = (typeof OFFICIAL_FONTS)[number];
export const DEFAULT_OFFICIAL_FONT: OfficialFont = "TH SarabunPSK";
