/**
 * The emblem configured in org.yaml (settings.emblem): read it and make sure
 * it is an image both exporters can place. Not configured is fine (the memo
 * is made without it, and a note says so: the program ships no emblem, so the
 * examples cannot have one and `--strict` must not fail on it); configured but unusable is an error for
 * the memo, because a memo silently missing its Garuda would go to sign-off.
 */
import { dirname, resolve } from "node:path";
import { error, info, type Diagnostic } from "../../diag/diagnostic.js";
import type { OrgInput } from "../../input/load-organisation.js";
import { nodePos } from "../../input/validate-input.js";
import { FILE_KIND_EN, FILE_KIND_TH, readRegularFile } from "../read-regular.js";
import { checkImage, MAX_EMBLEM_PIXELS, type ImageFault } from "./image-check.js";

/** A scanned Garuda is a few hundred kilobytes; 5 MB refuses a photo or a wrong file before it bloats every memo. */
export const MAX_EMBLEM_BYTES = 5 * 1024 * 1024;

export interface Reason {
  readonly th: string;
  readonly en: string;
}

const n = (x: number) => x.toLocaleString("en-US");

/** Why the image cannot be used, in the clerk's words (the technical detail of a damaged file in parentheses). */
function faultReason(f: ImageFault): Reason {
  switch (f.fault) {
    case "not-image":
      return { th: "ไม่ใช่ไฟล์ภาพ PNG หรือ JPEG", en: "not a PNG or JPEG image" };
    case "bad-size":
      return { th: `ขนาดภาพ (${f.width}×${f.height} พิกเซล) ไม่ถูกต้อง`, en: `the image's pixel size (${f.width}×${f.height}) is invalid` };
    case "too-many-pixels":
      return {
        th: `ภาพมีขนาด ${f.width}×${f.height} พิกเซล เกินขีดจำกัด ${n(MAX_EMBLEM_PIXELS)} พิกเซล (ย่อภาพให้เล็กลง เช่น 800×800)`,
        en: `the image is ${f.width}×${f.height} pixels, more than the limit of ${n(MAX_EMBLEM_PIXELS)} pixels (shrink it, e.g. to 800×800)`,
      };
    case "damaged":
      return { th: `ไฟล์ภาพเสียหายหรือไม่ครบ (${f.detail})`, en: `the image file is damaged or incomplete (${f.detail})` };
  }
}

const MISSING: Reason = { th: "ไม่พบไฟล์", en: "file not found" };
const TOO_LARGE: Reason = { th: "ไฟล์ใหญ่เกิน 5 MB", en: "larger than 5 MB" };

export type EmblemResult =
  | { readonly state: "none" }
  | { readonly state: "ok"; readonly bytes: Uint8Array }
  | { readonly state: "error"; readonly diagnostic: Diagnostic };

/** Reads and checks the organisation's emblem; the warning for "not configured" is added to `diagnostics` when a memo is asked for. */
export async function loadEmblem(org: OrgInput, cwd: string, wantsMemo: boolean, diagnostics: Diagnostic[]): Promise<EmblemResult> {
  const path = org.org.settings?.emblem;
  if (!path) {
    if (wantsMemo) diagnostics.push(info("W_EMBLEM_MISSING", { path: "" }, { file: org.orgFile, line: 0, col: 0 }));
    return { state: "none" };
  }
  const abs = resolve(cwd, dirname(org.orgFile), path);
  const fail = (r: Reason): EmblemResult => ({
    state: "error",
    diagnostic: error("E_EMBLEM", { path, reasonTh: r.th, reasonEn: r.en }, nodePos(org.orgLoaded, ["settings", "emblem"])),
  });
  const read = await readCheckedImage(abs);
  return "reason" in read ? fail(read.reason) : { state: "ok", bytes: read.bytes };
}

/** A PNG or JPEG file both exporters can place (the emblem, a section's picture), or why not in the clerk's words. */
export async function readCheckedImage(abs: string): Promise<{ readonly bytes: Uint8Array } | { readonly reason: Reason }> {
  const read = await readRegularFile(abs, MAX_EMBLEM_BYTES);
  if (!read.ok) {
    if (read.why === "too-large") return { reason: TOO_LARGE };
    if (read.why === "not-regular") return { reason: { th: `ไม่ใช่ไฟล์ภาพ แต่เป็น${FILE_KIND_TH[read.kind]}`, en: `not an image file but ${FILE_KIND_EN[read.kind]}` } };
    return { reason: read.code === "ENOENT" || read.code === "ENOTDIR" ? MISSING : { th: `อ่านไฟล์ไม่ได้ (${read.code})`, en: `cannot read the file (${read.code})` } };
  }
  const checked = checkImage(read.bytes);
  return "fault" in checked ? { reason: faultReason(checked) } : { bytes: read.bytes };
}
