/**
 * The pictures one document embeds: each distinct image once, named as Word
 * names them (media/image1.png, image2.png, image1.jpg: numbered per type),
 * with its relationship id, plus the counter for drawing ids (wp:docPr),
 * which must be unique within the document.
 */
import type { ImageInfo } from "./image-info.js";

export interface MediaFile {
  /** Path inside the package: "word/media/image1.png". */
  readonly path: string;
  /** Target from word/document.xml: "media/image1.png". */
  readonly target: string;
  readonly rId: string;
  readonly bytes: Uint8Array;
}

/** A chart part (word/charts/chartN.xml) and what it embeds (its data workbook). */
export interface ChartPart {
  readonly path: string;
  /** Target from word/document.xml: "charts/chart1.xml". */
  readonly target: string;
  /** Ids of their own ("rIdChart1"), so adding a chart moves no other relationship id. */
  readonly rId: string;
  readonly xml: string;
  /** Further package parts the chart brings: its relationships, the workbook. */
  readonly extra: ReadonlyMap<string, string | Uint8Array>;
}

export class MediaCollector {
  private readonly files: MediaFile[] = [];
  private readonly chartParts: ChartPart[] = [];
  private readonly perType = new Map<string, number>();
  private drawings = 0;

  /** Relationship ids of pictures start after the ones the document's other parts take. */
  constructor(private readonly firstRelId: number) {}

  /** The relationship id of these bytes, adding them the first time they are seen. */
  add(bytes: Uint8Array, type: ImageInfo["type"]): string {
    const known = this.files.find((f) => f.bytes === bytes || sameBytes(f.bytes, bytes));
    if (known !== undefined) return known.rId;
    const n = (this.perType.get(type) ?? 0) + 1;
    this.perType.set(type, n);
    const target = `media/image${n}.${type}`;
    const file: MediaFile = { path: `word/${target}`, target, rId: `rId${this.firstRelId + this.files.length}`, bytes };
    this.files.push(file);
    return file.rId;
  }

  /** The number the next chart will have (chartN.xml). */
  nextChartNumber(): number {
    return this.chartParts.length + 1;
  }

  /** Adds a chart part made for number nextChartNumber(); returns its relationship id. */
  addChart(xml: string, extra: ReadonlyMap<string, string | Uint8Array>): string {
    const n = this.chartParts.length + 1;
    const target = `charts/chart${n}.xml`;
    const rId = `rIdChart${n}`;
    this.chartParts.push({ path: `word/${target}`, target, rId, xml, extra });
    return rId;
  }

  get charts(): readonly ChartPart[] {
    return this.chartParts;
  }

  nextDrawingId(): number {
    return ++this.drawings;
  }

  get all(): readonly MediaFile[] {
    return this.files;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
