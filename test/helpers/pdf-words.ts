/** Every word poppler extracts from a PDF with its box (pdftotext -bbox); poppler missing is an error, never a skip. */
import { execFileSync } from "node:child_process";

export interface PdfWord {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly yMax: number;
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

export function pdfWords(pdf: string): PdfWord[] {
  const xml = execFileSync("pdftotext", ["-enc", "UTF-8", "-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return xml.split(/<page /).slice(1).flatMap((page, p) =>
    Array.from(page.matchAll(/<word xMin="([^"]+)" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)<\/word>/g), (m) => ({
      page: p + 1,
      text: unescape(m[4]!),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      yMax: Number(m[3]),
    })),
  );
}
