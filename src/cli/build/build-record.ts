/**
 * An organisation's last clean build, kept in its manifest, so that a rerun
 * decides from file bytes, before anything is parsed, that the organisation
 * has nothing to do. The record holds what was asked (a hash of the
 * request: kinds, formats, years, the files the folder lists, the template
 * set and tool version), the sha256 of every file the build read (org.yaml,
 * year files, the emblem and PDF font org.yaml names, the listing of a font
 * folder), the documents made with their keys, and the diagnostics the
 * input produced, replayed so that a rerun says what the first run said.
 *
 * Trust: the record only lets a build skip work that the manifest's per-
 * document keys and output hashes already allow; an output a clerk edited,
 * truncated or deleted still fails OutputFolder.upToDate and the
 * organisation is built in full. Input bytes are compared by hash, never by
 * size or mtime: copies, `git checkout` and unzip reset or keep mtimes, and
 * the files are small (reading them is a few percent of a no-change rerun).
 * A record that does not validate is ignored (the build just does the work).
 */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { CODES, type Code } from "../../diag/codes.js";
import type { Diagnostic, Severity } from "../../diag/diagnostic.js";
import { isDocKind, type DocKind } from "../../documents/kind-names.js";
import { isFormat, type Format } from "../../export/formats.js";
import { readRegularFileSync } from "../read-regular.js";

export interface RecordedDoc {
  /** The year file it was made from, as in the build's report. */
  readonly file: string;
  readonly kind: DocKind;
  readonly format: Format;
  /** Its output name in the folder ("2563-memo.docx"). */
  readonly name: string;
  /** Its manifest key when it was made. */
  readonly key: string;
}

/** A file the build read (path relative to the working folder, sha256 of its bytes) or a folder it listed. */
export type Dependency = { readonly file: string; readonly sha256: string } | { readonly dir: string; readonly listing: string };

export interface BuildRecord {
  readonly request: string;
  readonly deps: readonly Dependency[];
  readonly docs: readonly RecordedDoc[];
  /** Fiscal years with a file in the organisation (for a --year that matches nothing). */
  readonly years: readonly number[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The part of the build settings and task a record depends on (both threads compute it the same way). */
export interface RequestParts {
  readonly toolKey: string;
  readonly cwd: string;
  readonly kinds: readonly string[];
  readonly formats?: readonly string[];
  readonly years?: ReadonlySet<number>;
  readonly folder: { readonly dir: string; readonly orgPath?: string; readonly yearPaths: readonly string[]; readonly only?: ReadonlySet<string>; readonly ignoredPaths?: readonly string[] };
  readonly outDir: string;
}

/**
 * Hash of what was asked of this organisation. Everything that decides which
 * documents are made and what the report says is in it; paths are as the
 * clerk's working folder shows them, so a run from another folder (other
 * paths in the messages) builds in full once.
 */
export function requestKey(p: RequestParts): string {
  const sorted = (xs: Iterable<string | number> | undefined) => (xs ? [...xs].map(String).sort().join(",") : "*");
  return hashHex([
    "record-1",
    p.toolKey,
    p.kinds.join(","),
    p.formats ? p.formats.join(",") : "*",
    sorted(p.years),
    p.folder.dir,
    p.folder.orgPath ?? "",
    p.folder.yearPaths.join("\n"),
    sorted(p.folder.only),
    (p.folder.ignoredPaths ?? []).join("\n"),
    relative(p.cwd, p.outDir),
  ]);
}

/** Codes that tell what happened in the output folder during that run, not what the input says: never replayed. */
const OUTPUT_FOLDER_EVENTS: ReadonlySet<Code> = new Set<Code>(["W_OUTPUT_EDITED", "W_STALE_KEPT", "W_STALE_REMOVED", "W_MANIFEST_IGNORED", "W_MANIFEST_ENTRY"]);

/** The diagnostics a rerun with the same input repeats. */
export function replayable(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => !OUTPUT_FOLDER_EVENTS.has(d.code));
}

/** Larger than any emblem or font a build accepts: a dependency over it has changed (or is not the file it was). */
const DEPENDENCY_LIMIT = 64 * 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function hashHex(parts: readonly string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

/** The names in a folder that the PDF font lookup picks from (pdf-font-setting.ts), hashed. */
export async function listingOf(absDir: string): Promise<string> {
  const names = await readdir(absDir).catch(() => undefined);
  return names ? hashHex(names.filter((n) => /\.ttf$/i.test(n)).sort()) : "unreadable";
}

/** Is this dependency as the record says? A file is read (regular, bounded) and hashed; a folder is listed. */
async function unchanged(dep: Dependency, cwd: string): Promise<boolean> {
  if ("dir" in dep) return (await listingOf(resolve(cwd, dep.dir))) === dep.listing;
  const r = readRegularFileSync(resolve(cwd, dep.file), DEPENDENCY_LIMIT);
  return r.ok && sha256Hex(r.bytes) === dep.sha256;
}

/** Every dependency still as recorded (checked in order, stopping at the first change). */
export async function dependenciesUnchanged(deps: readonly Dependency[], cwd: string): Promise<boolean> {
  for (const d of deps) if (!(await unchanged(d, cwd))) return false;
  return true;
}

export function fileDependency(cwd: string, absOrRel: string, bytes: Uint8Array): Dependency {
  return { file: relative(cwd, resolve(cwd, absOrRel)), sha256: sha256Hex(bytes) };
}

export function folderDependency(cwd: string, absDir: string, listing: string): Dependency {
  return { dir: relative(cwd, absDir), listing };
}

// --- reading a record back: nothing in it is trusted as read -------------------------------------------

const SHA256 = /^[0-9a-f]{64}$/;
const KNOWN_CODES: ReadonlySet<string> = new Set(CODES);
const SEVERITIES: ReadonlySet<string> = new Set<Severity>(["error", "warning", "info"]);
const LIMITS = { deps: 64, docs: 512, years: 200, diagnostics: 5000, params: 40, text: 4096 };

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= LIMITS.text;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const listOf = <T>(v: unknown, max: number, each: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.length <= max && v.every(each);

function isDependency(v: unknown): v is Dependency {
  if (!isObject(v)) return false;
  if ("dir" in v) return isText(v.dir) && typeof v.listing === "string" && (SHA256.test(v.listing) || v.listing === "unreadable");
  return isText(v.file) && typeof v.sha256 === "string" && SHA256.test(v.sha256);
}

function isRecordedDoc(v: unknown, isOutputName: (n: string) => boolean): v is RecordedDoc {
  return isObject(v) && isText(v.file) && typeof v.kind === "string" && isDocKind(v.kind) && typeof v.format === "string" && isFormat(v.format) && isText(v.name) && isOutputName(v.name) && isText(v.key) && v.key.length <= 128;
}

function isDiagnostic(v: unknown): v is Diagnostic {
  if (!isObject(v) || typeof v.code !== "string" || !KNOWN_CODES.has(v.code) || typeof v.severity !== "string" || !SEVERITIES.has(v.severity)) return false;
  const params = v.params;
  if (!isObject(params) || Object.keys(params).length > LIMITS.params) return false;
  if (!Object.values(params).every((x) => isText(x) || (typeof x === "number" && Number.isFinite(x)))) return false;
  if (v.pos === undefined) return true;
  return isObject(v.pos) && isText(v.pos.file) && isCount(v.pos.line) && isCount(v.pos.col);
}

/** The record as read from a manifest, or undefined when it is not one itadoc wrote. */
export function parseRecord(v: unknown, isOutputName: (n: string) => boolean): BuildRecord | undefined {
  if (!isObject(v) || typeof v.request !== "string" || !SHA256.test(v.request)) return undefined;
  if (!listOf(v.deps, LIMITS.deps, isDependency)) return undefined;
  if (!listOf(v.docs, LIMITS.docs, (d): d is RecordedDoc => isRecordedDoc(d, isOutputName))) return undefined;
  if (!listOf(v.years, LIMITS.years, isCount)) return undefined;
  if (!listOf(v.diagnostics, LIMITS.diagnostics, isDiagnostic)) return undefined;
  // Rebuilt field by field: what is kept is exactly what was checked (no __proto__, no extra keys).
  return {
    request: v.request,
    deps: v.deps.map((d) => ("dir" in d ? { dir: d.dir, listing: d.listing } : { file: d.file, sha256: d.sha256 })),
    docs: v.docs.map((d) => ({ file: d.file, kind: d.kind, format: d.format, name: d.name, key: d.key })),
    years: [...v.years],
    diagnostics: v.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      params: Object.fromEntries(Object.entries(d.params)),
      ...(d.pos ? { pos: { file: d.pos.file, line: d.pos.line, col: d.pos.col } } : {}),
    })),
  };
}
