/** Text of a PDF through poppler, page by page. poppler missing is an error, never a skip. */
import { execFileSync } from "node:child_process";

export function pdfPageCount(path: string): number {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pdfinfo gave no page count for ${path}`);
  return pages;
}

/** One string per page, in reading order (no -layout: table cells come out a cell at a time). */
export function pdfPages(path: string): string[] {
  return Array.from({ length: pdfPageCount(path) }, (_, i) =>
    execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), path, "-"], { encoding: "utf8" }),
  );
}

/** pdftotext breaks Thai lines (no spaces between words) and cells anywhere: compare with all whitespace removed. */
export const squash = (s: string): string => s.replace(/\s+/g, "");
