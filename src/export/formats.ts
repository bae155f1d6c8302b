/**
 * The output formats: one exporter per format, and nothing else decides what
 * a format is. `Format` is derived from this map, so a format cannot be
 * named (in --format, a kind's primary format, the manifest) without an
 * exporter that writes its bytes.
 */
import type { Exporter } from "./exporter.js";
import { docxExporter } from "./docx/index.js";
import { pdfExporter } from "./pdf/index.js";

/** Each entry is an Exporter of its own key: `{ html: docxExporter }` does not compile. */
export type ExporterRegistry<T> = { readonly [F in keyof T]: Exporter & { readonly format: F } };

/** Checks, at compile time, that every entry of a map of exporters is an Exporter whose format is its key. */
export function exporterRegistry<T extends ExporterRegistry<T>>(registry: T): T {
  return registry;
}

export const EXPORTERS = exporterRegistry({
  pdf: pdfExporter,
  docx: docxExporter,
});

export type Format = keyof typeof EXPORTERS;

/** In the order --format help and reports list them. */
export const FORMATS = Object.keys(EXPORTERS) as Format[];

export function isFormat(s: string): s is Format {
  return Object.prototype.hasOwnProperty.call(EXPORTERS, s);
}

export function exporterFor(format: Format): Exporter {
  return EXPORTERS[format];
}
