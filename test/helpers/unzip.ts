/** A zip's file entries in their stored order (folders skipped), read with fflate. */
import { unzipSync } from "fflate";
import type { ZipEntry } from "../../src/export/docx/zip.js";

export function readZip(zip: Uint8Array): ZipEntry[] {
  return Object.entries(unzipSync(zip))
    .filter(([path]) => !path.endsWith("/"))
    .map(([path, data]) => ({ path, data }));
}
