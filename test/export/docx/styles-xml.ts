/** word/styles.xml as the exporter writes it, and one w:style element of it, for the style tests. */
import { inflateRawSync } from "node:zlib";
import type { DocxContext } from "../../../src/export/docx/context.js";
import { fixedParts } from "../../../src/export/docx/fixed-parts.js";

export async function stylesXml(c: Pick<DocxContext, "family" | "baseSizePt">): Promise<string> {
  const styles = (await fixedParts(c)).find((p) => p.path === "word/styles.xml");
  if (!styles) throw new Error("no word/styles.xml among the fixed parts");
  return inflateRawSync(styles.compressed).toString("utf8");
}

export function styleElement(xml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, "s").exec(xml);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}
