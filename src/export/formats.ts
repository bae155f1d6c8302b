/**
 * The output formats: one exporter per format, and nothing else decides what
 * a format is. `Format` is derived from this map, so a format cannot be
 * named (in --format, a kind's primary format, the manifest) without an
 * exporter that writes its bytes.
 *
 * Each entry loads its exporter when a document of that format is first
 * made: `--version`, `--help`, `validate` and the main thread of `build`
 * name the formats without loading pdfkit, fontkit or docx (about 0.2 s of
 * a start), and a DOCX-only build never loads the PDF writer.
 */
import type { Exporter } from "./exporter.js";

/** Each entry loads an Exporter of its own key: `{ html: EXPORTERS.docx }` does not compile. */
export type ExporterRegistry<T> = { readonly [F in keyof T]: () => Promise<Exporter & { readonly format: F }> };

/** Checks, at compile time, that every entry of a map of exporter loaders loads an Exporter whose format is its key. */
export function exporterRegistry<T extends ExporterRegistry<T>>(registry: T): T {
  return registry;
}

export const EXPORTERS = exporterRegistry({
  pdf: async () => (await import("./pdf/index.js")).pdfExporter,
  docx: async () => (await import("./docx/index.js")).docxExporter,
});

export type Format = keyof typeof EXPORTERS;

/** In the order --format help and reports list them. */
export const FORMATS = Object.keys(EXPORTERS) as Format[];

export function isFormat(s: string): s is Format {
  return Object.prototype.hasOwnProperty.call(EXPORTERS, s);
}

const loaded = new Map<Format, Promise<Exporter>>();

/** The format's exporter, loaded on first use and kept for the process (or worker). */
export function exporterFor(format: Format): Promise<Exporter> {
  let e = loaded.get(format);
  if (!e) {
    e = EXPORTERS[format]();
    loaded.set(format, e);
  }
  return e;
}
