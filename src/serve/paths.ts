/**
 * A path the page sends ("khon-kaen-city/2564.yaml", relative to the served
 * folder, '/'-separated) → the file on disk, or why not. The page is
 * untrusted input: a path that climbs out of the folder, names a link
 * anywhere on its way, a special file, or anything but a .yaml data file is
 * refused before anything is opened. Links are refused, not followed: a
 * symlinked year file could point at any file of the machine, and saving
 * through it would replace the link's target.
 */
import { lstat } from "node:fs/promises";
import { join, sep } from "node:path";

export type PathRefusal = "outside" | "name" | "link" | "not-regular" | "missing";

export type CheckedPath = { readonly ok: true; readonly abs: string; readonly rel: string; readonly exists: boolean } | { readonly ok: false; readonly why: PathRefusal };

export const PATH_REFUSAL_TH: Record<PathRefusal, string> = {
  outside: "อยู่นอกโฟลเดอร์ที่เปิด",
  name: "ไม่ใช่ไฟล์ข้อมูล .yaml",
  link: "เป็นลิงก์ (symbolic link) ซึ่งอาจชี้ไปยังไฟล์อื่นของเครื่อง",
  "not-regular": "ไม่ใช่ไฟล์ธรรมดา",
  missing: "ไม่พบไฟล์",
};
export const PATH_REFUSAL_EN: Record<PathRefusal, string> = {
  outside: "it lies outside the served folder",
  name: "it is not a .yaml data file",
  link: "it is a symbolic link, which could point at any file of the machine",
  "not-regular": "it is not a regular file",
  missing: "no such file",
};

const DATA_FILE = /\.ya?ml$/;
/** Each segment: no empty, ".", ".." or hidden (".itadoc-backup", ".git") names, no backslash or NUL. */
const BAD_SEGMENT = /^$|^\.|[\\\0]/;

/** Checks every component from the served folder down with lstat, so a link at any level is seen. */
export async function checkDataPath(root: string, rel: unknown, opts: { mustExist: boolean }): Promise<CheckedPath> {
  if (typeof rel !== "string" || rel.length > 1000) return { ok: false, why: "outside" };
  const segments = rel.split("/");
  if (rel.startsWith("/") || /^[A-Za-z]:/.test(rel) || segments.some((s) => BAD_SEGMENT.test(s))) return { ok: false, why: "outside" };
  if (!DATA_FILE.test(rel)) return { ok: false, why: "name" };
  let at = root;
  for (const [i, s] of segments.entries()) {
    at = join(at, s);
    const st = await lstat(at).catch((e: NodeJS.ErrnoException) => e);
    const last = i === segments.length - 1;
    if (st instanceof Error) {
      if (st.code === "ENOENT" && last && !opts.mustExist) return { ok: true, abs: at, rel, exists: false };
      return { ok: false, why: st.code === "ENOENT" || st.code === "ENOTDIR" ? "missing" : "not-regular" };
    }
    if (st.isSymbolicLink()) return { ok: false, why: "link" };
    if (!last && !st.isDirectory()) return { ok: false, why: "missing" };
    if (last && !st.isFile()) return { ok: false, why: "not-regular" };
  }
  if (!at.startsWith(root.endsWith(sep) ? root : root + sep)) return { ok: false, why: "outside" };
  return { ok: true, abs: at, rel, exists: true };
}
