/**
 * What itadoc wrote in one organisation's output folder: for each document,
 * the key of the inputs it was made from and the sha256 of the bytes
 * written. It is the only proof that a file is itadoc's own, so nothing in
 * it is trusted as read: the file is read only if it is a regular file of
 * bounded size, and an entry counts only if its name is a plain document
 * name inside this folder. A missing, oversized or malformed manifest just
 * means "nothing here is proven ours; build everything". Beside the
 * documents it keeps the organisation's last clean build under "$build"
 * (build-record.ts), which lets a rerun skip the organisation unparsed.
 */
import { join } from "node:path";
import { warning, type Diagnostic } from "../../diag/diagnostic.js";
import { FORMATS } from "../build-options.js";
import { isMissing, readRegularFileSync } from "../read-regular.js";
import { writeAtomic } from "../write-atomic.js";
import { parseRecord, type BuildRecord } from "./build-record.js";

export interface ManifestEntry {
  /** Hash of everything the document was made from (inputs, templates, tool version). */
  readonly key: string;
  /** sha256 (hex) of the bytes itadoc wrote. */
  readonly sha256: string;
}

export type Manifest = Map<string, ManifestEntry>;

export const MANIFEST_NAME = ".itadoc-manifest.json";

/** The key of the organisation's last clean build (build-record.ts); no document name can take it (no format ending). */
export const RECORD_KEY = "$build";

/** A record larger than this is not kept (the organisation is then checked in full each run): the manifest stays far below its limit. */
const RECORD_LIMIT = 512 * 1024;

/** A folder has a few dozen documents (≈150 bytes each); anything near this is not a manifest itadoc wrote. */
export const MANIFEST_LIMIT = 2 * 1024 * 1024;

const EXTENSIONS = new RegExp(`\\.(${FORMATS.join("|")})$`);

/**
 * A name itadoc may have written: a plain file name in the folder (no path
 * separator, `..`, drive letter, control character or leading dot) ending in
 * a document format. Anything else is never removed or replaced.
 */
export function isOwnOutputName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    EXTENSIONS.test(name) &&
    !name.startsWith(".") &&
    !name.includes("..") &&
    // separators of every platform, a drive letter's colon, NUL and other control characters
    !/[/\\:\u0000-\u001f\u007f]/.test(name)
  );
}

const SHA256 = /^[0-9a-f]{64}$/;

function isEntry(v: unknown): v is ManifestEntry {
  if (!v || typeof v !== "object") return false;
  const e = v as Record<string, unknown>;
  return typeof e.key === "string" && e.key.length <= 128 && typeof e.sha256 === "string" && SHA256.test(e.sha256);
}

/** `shownAs`: the manifest's path as the user sees it (relative to the working folder), for the warnings. */
export async function readManifest(outDir: string, shownAs: string): Promise<{ manifest: Manifest; record?: BuildRecord; warnings: Diagnostic[] }> {
  const manifest: Manifest = new Map();
  const r = readRegularFileSync(join(outDir, MANIFEST_NAME), MANIFEST_LIMIT, { noFollow: true });
  if (!r.ok) {
    if (isMissing(r)) return { manifest, warnings: [] };
    const why = r.why === "too-large" ? "size" : r.why === "not-regular" ? "not-file" : "read";
    return { manifest, warnings: [ignored(shownAs, why, r.why === "too-large" ? r.size : undefined)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(r.bytes));
  } catch {
    return { manifest, warnings: [ignored(shownAs, "json")] };
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return { manifest, warnings: [ignored(shownAs, "json")] };
  const refused: string[] = [];
  let record: BuildRecord | undefined;
  for (const [name, value] of Object.entries(data)) {
    // A record that does not validate is dropped quietly: it only ever saves work, the build then does it.
    if (name === RECORD_KEY) record = parseRecord(value, isOwnOutputName);
    else if (isOwnOutputName(name) && isEntry(value)) manifest.set(name, { key: value.key, sha256: value.sha256 });
    // A name with a plain key string is what itadoc 0.1 wrote: dropped quietly, its files are checked by their bytes.
    else if (!(isOwnOutputName(name) && typeof value === "string")) refused.push(name);
  }
  const warnings = refused.length
    ? [warning("W_MANIFEST_ENTRY", { path: shownAs, count: refused.length, example: JSON.stringify(refused[0]!.slice(0, 80)) }, { file: shownAs, line: 0, col: 0 })]
    : [];
  return { manifest, ...(record ? { record } : {}), warnings };
}

function ignored(shownAs: string, why: string, size?: number): Diagnostic {
  return warning("W_MANIFEST_IGNORED", { path: shownAs, why, ...(size !== undefined ? { size: (size / 1024 / 1024).toFixed(1), limit: MANIFEST_LIMIT / 1024 / 1024 } : {}) }, { file: shownAs, line: 0, col: 0 });
}

export async function writeManifest(outDir: string, m: Manifest, record?: BuildRecord): Promise<void> {
  const sorted: Record<string, unknown> = Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, e]) => [name, { key: e.key, sha256: e.sha256 }]));
  if (record && JSON.stringify(record).length <= RECORD_LIMIT) sorted[RECORD_KEY] = record;
  await writeAtomic(join(outDir, MANIFEST_NAME), new TextEncoder().encode(JSON.stringify(sorted, null, 1) + "\n"));
}
