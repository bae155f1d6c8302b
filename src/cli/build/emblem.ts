/**
 * The emblem configured in org.yaml (settings.emblem): read it and make sure
 * it is an image both exporters can place. Not configured is fine (the memo
 * is made without it, and a note says so: the program ships no emblem, so the
 * examples cannot have one and `--strict` must not fail on it); configured but unusable is an error for
 * the memo, because a memo silently missing its Garuda would go to sign-off.
 */
import { readFile, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { error, info, type Diagnostic } from "../../diag/diagnostic.js";
import type { OrgInput } from "../../input/load-organisation.js";
import { nodePos } from "../../input/validate-input.js";

/** A scanned Garuda is a few hundred kilobytes; 5 MB refuses a photo or a wrong file before it bloats every memo. */
export const MAX_EMBLEM_BYTES = 5 * 1024 * 1024;
/** Larger than any sensible scan; also guards the exporters against absurd header values. */
const MAX_EMBLEM_PX = 10_000;

export type EmblemProblem = "missing" | "unreadable" | "too-large" | "not-image" | "bad-size";

const REASON_TH: Record<EmblemProblem, string> = {
  missing: "ไม่พบไฟล์",
  unreadable: "อ่านไฟล์ไม่ได้",
  "too-large": "ไฟล์ใหญ่เกิน 5 MB",
  "not-image": "ไม่ใช่ไฟล์ภาพ PNG หรือ JPEG",
  "bad-size": "ขนาดภาพ (พิกเซล) ไม่ถูกต้อง",
};
const REASON_EN: Record<EmblemProblem, string> = {
  missing: "file not found",
  unreadable: "cannot read the file",
  "too-large": "larger than 5 MB",
  "not-image": "not a PNG or JPEG image",
  "bad-size": "the image's pixel size is invalid",
};

/** PNG or JPEG with a plausible pixel size, judged from the bytes alone. */
export function emblemProblem(bytes: Uint8Array): EmblemProblem | undefined {
  const size = imageSize(bytes);
  if (!size) return "not-image";
  if (size.width < 1 || size.height < 1 || size.width > MAX_EMBLEM_PX || size.height > MAX_EMBLEM_PX) return "bad-size";
  return undefined;
}

function imageSize(b: Uint8Array): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 24 && PNG.every((x, i) => b[i] === x) && String.fromCharCode(...b.subarray(12, 16)) === "IHDR") {
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the segments to the first start-of-frame marker, which holds the size.
    let i = 2;
    while (i + 9 < b.length && b[i] === 0xff) {
      const m = b[i + 1]!;
      if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return { height: v.getUint16(i + 5), width: v.getUint16(i + 7) };
      i += 2 + v.getUint16(i + 2);
    }
  }
  return undefined;
}

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
  const fail = (p: EmblemProblem): EmblemResult => ({
    state: "error",
    diagnostic: error("E_EMBLEM", { path, reasonTh: REASON_TH[p], reasonEn: REASON_EN[p] }, nodePos(org.orgLoaded, ["settings", "emblem"])),
  });
  const st = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
  if (st instanceof Error) return fail(st.code === "ENOENT" || st.code === "ENOTDIR" ? "missing" : "unreadable");
  if (!st.isFile()) return fail("not-image");
  if (st.size > MAX_EMBLEM_BYTES) return fail("too-large");
  const bytes = await readFile(abs).then((b) => new Uint8Array(b), () => undefined);
  if (!bytes) return fail("unreadable");
  const problem = emblemProblem(bytes);
  return problem ? fail(problem) : { state: "ok", bytes };
}
