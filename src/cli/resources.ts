/**
 * The files the tool ships (templates/, fonts/) and the user's own template
 * copy, read once per process. Works from src/ (tests) and dist/ alike: both
 * sit two levels under the package root.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { FontSet } from "../export/exporter.js";

export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, "templates");
export const FONTS_DIR = join(PACKAGE_ROOT, "fonts");

/** Every file under a template folder, keyed by its path relative to the folder's parent ("templates/memo/memo.hbs"). */
export async function readTemplateFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const base = join(dir, "..");
  const walk = async (d: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(hbs|yaml)$/.test(e.name)) files.set(relative(base, p), await readFile(p, "utf8"));
    }
  };
  await walk(dir);
  return files;
}

interface SizeEntry {
  readonly scale: number;
}

let fontCache: Promise<FontSet> | undefined;

/** The bundled Sarabun family; loaded once per process (or worker). */
export function loadBundledFonts(): Promise<FontSet> {
  fontCache ??= (async () => {
    const sizes = JSON.parse(await readFile(join(FONTS_DIR, "sizes.json"), "utf8")) as Record<string, SizeEntry>;
    const read = async (name: string) => new Uint8Array(await readFile(join(FONTS_DIR, name)));
    const [regular, bold, italic, boldItalic] = await Promise.all(
      ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf"].map(read),
    );
    return { family: "Sarabun", sizeScale: sizes["Sarabun"]?.scale ?? 0.75, regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
  })();
  return fontCache;
}
