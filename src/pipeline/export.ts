/** Step 4: a document model → the bytes of one format, through that format's exporter (export/formats.ts). */
import type { ExportOptions } from "../export/exporter.js";
import { exporterFor, type Format } from "../export/formats.js";
import type { DocModel } from "../model/document.js";

export async function exportDocument(doc: DocModel, format: Format, options: ExportOptions): Promise<Uint8Array> {
  return (await exporterFor(format)).export(doc, options);
}
