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
export type ExporterRegistry<K extends string = string> = { readonly [F in K]: Exporter & { readonly format: F } };

export const EXPORTERS = {
  pdf: pdfExporter,
  docx: docxExporter,
} as const satisfies ExporterRegistry;

export type Format = keyof typeof EXPORTERS;

/** In the order --format help and reports list them. */
export const FORMATS = Object.keys(EXPORTERS) as Format[];

export function isFormat(s: string): s is Format {
  return Object.prototype.hasOwnProperty.call(EXPORTERS, s);
}

export function exporterFor(format: Format): Exporter {
  return EXPORTERS[format];
}
