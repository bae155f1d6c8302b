import type { DocModel } from "../model/document.js";
import type { OfficialFont } from "../model/official-fonts.js";

/** The four faces of one family, as bytes loaded once per process (or worker). */
export interface FontSet {
  /** Family name written into PDF font tables ("Sarabun"); a DOCX names ExportOptions.docxFont instead. */
  readonly family: string;
  /** Official-face points × sizeScale = this family's points (fonts/sizes.json). */
  readonly sizeScale: number;
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
}

/** Everything that decides the output bytes is passed in; exporters never read files or the clock. */
export interface ExportOptions {
  readonly fonts: FontSet;
  /** Fixed creation date written into the file's metadata. */
  readonly createdAt: Date;
  /** Image bytes by the model's image reference (e.g. the emblem). A missing ref is skipped. */
  readonly images?: ReadonlyMap<string, Uint8Array>;
  /** The face a DOCX names (org.yaml settings.font); default TH SarabunPSK. The PDF embeds `fonts`. */
  readonly docxFont?: OfficialFont;
}

/** One output format's writer; the formats are the entries of EXPORTERS (formats.ts). */
export interface Exporter {
  /** Its key in EXPORTERS, which is also the file extension. */
  readonly format: string;
  export(doc: DocModel, options: ExportOptions): Promise<Uint8Array>;
}
