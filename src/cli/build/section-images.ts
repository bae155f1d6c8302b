/**
 * The pictures that `sections:` entries of type image name (a file beside
 * the year file): read and checked once per run, placed in the exporters'
 * image map under the reference the composer gave them. A picture that
 * cannot be used stops that document only, with the entry's line:col.
 */
import { dirname, resolve } from "node:path";
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import { DOC_KINDS } from "../../documents/kinds.js";
import { imageRef } from "../../documents/layout/compose.js";
import type { OrgInput } from "../../input/load-organisation.js";
import { nodePos } from "../../input/validate-input.js";
import { readCheckedImage } from "./emblem.js";

export interface SectionImages {
  /** Problems per document, keyed by sectionImageKey(file, kind). */
  readonly errors: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Bytes of every picture read, for the build's input hash. */
  readonly bytes: readonly Uint8Array[];
  /** Every picture read with its path, so a rerun notices a changed picture (the build record's inputs). */
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

export const sectionImageKey = (file: string, kind: string): string => `${file}\0${kind}`;

export async function loadSectionImages(org: OrgInput, cwd: string, images: Map<string, Uint8Array>): Promise<SectionImages> {
  const errors = new Map<string, Diagnostic[]>();
  const bytes: Uint8Array[] = [];
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const entry of org.years.values()) {
    for (const kind of DOC_KINDS) {
      const sections = (entry.data[kind] as { sections?: readonly { type: string; file?: string }[] } | undefined)?.sections ?? [];
      for (const [i, s] of sections.entries()) {
        if (s.type !== "image" || !s.file || images.has(imageRef(s.file))) continue;
        const path = resolve(cwd, dirname(entry.file), s.file);
        const read = await readCheckedImage(path);
        if ("bytes" in read) {
          images.set(imageRef(s.file), read.bytes);
          bytes.push(read.bytes);
          files.push({ path, bytes: read.bytes });
          continue;
        }
        const key = sectionImageKey(entry.file, kind);
        const d = error("E_SECTION_IMAGE", { path: s.file, reasonTh: read.reason.th, reasonEn: read.reason.en }, nodePos(entry.loaded, [kind, "sections", i, "file"]));
        errors.set(key, [...(errors.get(key) ?? []), d]);
      }
    }
  }
  return { errors, bytes, files };
}
