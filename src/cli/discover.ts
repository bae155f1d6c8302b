/**
 * Command-line paths → organisation folders and their files. A folder with an
 * org.yaml is an organisation; any other folder is searched below; a year
 * file stands for its folder, restricted to that year's documents.
 */
import { readdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { error, warning, type Diagnostic } from "../diag/diagnostic.js";
import type { SourceFile } from "../input/load-organisation.js";
import { MAX_FILE_BYTES } from "../input/max-file-bytes.js";
import { expandGlob, isGlob } from "./glob.js";
import { FILE_KIND_EN, FILE_KIND_TH, readRegularFileSync, type FileKind } from "./read-regular.js";

export interface OrgFolder {
  readonly dir: string;
  readonly orgPath?: string;
  readonly yearPaths: readonly string[];
  /** Year files the user named; undefined: every year file of the folder. */
  readonly only?: ReadonlySet<string>;
  /** .yaml files of the folder that are neither org.yaml nor a year file ("2564 copy.yaml"): not read, but said. */
  readonly ignoredPaths?: readonly string[];
}

const YEAR_NAME = /^[0-9]{4}\.ya?ml$/;
const SKIP_DIR = /^(\.|node_modules$|dist$|out$)/;

export class PathNotFound extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

export async function discover(paths: readonly string[], cwd: string): Promise<OrgFolder[]> {
  const byDir = new Map<string, OrgFolder>();
  /** A folder named as a whole wins over single files named in it; single files accumulate. */
  const add = async (dir: string, only?: string) => {
    const prev = byDir.get(dir) ?? (await readOrgFolder(dir, cwd));
    if (only === undefined) {
      const { only: _whole, ...folder } = prev;
      byDir.set(dir, folder);
    } else if (!byDir.has(dir) || prev.only !== undefined) {
      byDir.set(dir, { ...prev, only: new Set([...(prev.only ?? []), only]) });
    }
  };
  const expanded: string[] = [];
  for (const p of paths) {
    const matches = isGlob(p) ? await expandGlob(p, cwd) : [];
    if (isGlob(p) && matches.length === 0) throw new PathNotFound(p);
    expanded.push(...(matches.length > 0 ? matches : [p]));
  }
  for (const p of expanded) {
    const abs = resolve(cwd, p);
    const st = await stat(abs).catch(() => undefined);
    if (!st) throw new PathNotFound(p);
    if (st.isDirectory()) {
      for (const dir of await findOrgDirs(abs)) await add(dir);
    } else if (basename(abs) === "org.yaml" || basename(abs) === "org.yml") {
      await add(dirname(abs));
    } else {
      await add(dirname(abs), rel(cwd, abs));
    }
  }
  return [...byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Folders are listed with synchronous calls: a national tree has thousands, and a promise round trip each cost ten times the listing. */
async function findOrgDirs(dir: string): Promise<string[]> {
  const entries = readdirSync(dir, { withFileTypes: true });
  // Anything named org.yaml or like a year file counts (a symlink, a FIFO): reading it then says what is wrong, nothing is skipped silently.
  if (entries.some((e) => !e.isDirectory() && (e.name === "org.yaml" || e.name === "org.yml"))) return [dir];
  const found: string[] = [];
  // A folder of year files without org.yaml is still reported (E_ORG_MISSING), not silently skipped.
  if (entries.some((e) => !e.isDirectory() && YEAR_NAME.test(e.name))) found.push(dir);
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory() && !SKIP_DIR.test(e.name)) found.push(...(await findOrgDirs(join(dir, e.name))));
  }
  return found;
}

async function readOrgFolder(absDir: string, cwd: string): Promise<OrgFolder> {
  const names = readdirSync(absDir).sort();
  const org = names.find((n) => n === "org.yaml" || n === "org.yml");
  return {
    dir: rel(cwd, absDir),
    ...(org ? { orgPath: rel(cwd, join(absDir, org)) } : {}),
    yearPaths: names.filter((n) => YEAR_NAME.test(n)).map((n) => rel(cwd, join(absDir, n))),
    ignoredPaths: names.filter((n) => /\.ya?ml$/i.test(n) && !YEAR_NAME.test(n) && n !== org).map((n) => rel(cwd, join(absDir, n))),
  };
}

function rel(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return r === "" ? "." : r;
}

export interface ReadError {
  readonly path: string;
  readonly reason: string;
  /** Set when the file was not read because it is larger than MAX_FILE_BYTES. */
  readonly size?: number;
  /** Set when the file is not a regular file (FIFO, device, socket, folder): refused before any read. */
  readonly kind?: FileKind;
  /** Set when the user named a file whose name is neither org.yaml nor a year file: nothing would be made of it. */
  readonly misnamed?: boolean;
}

export function readErrorDiagnostic(r: ReadError): Diagnostic {
  const pos = { file: r.path, line: 0, col: 0 };
  if (r.misnamed) return error("E_INPUT_NAME", { name: basename(r.path) }, pos);
  if (r.kind !== undefined) return error("E_FILE_NOT_REGULAR", { kindTh: FILE_KIND_TH[r.kind], kindEn: FILE_KIND_EN[r.kind] }, pos);
  return r.size !== undefined ? error("E_FILE_TOO_LARGE", { size: r.size, limit: MAX_FILE_BYTES }, pos) : error("E_FILE_READ", { reason: r.reason }, pos);
}

/** Files of the folder that were found but not read (W_FILE_IGNORED), when the whole folder is built. */
export function ignoredDiagnostics(folder: OrgFolder): Diagnostic[] {
  if (folder.only) return [];
  return (folder.ignoredPaths ?? []).map((p) => warning("W_FILE_IGNORED", { name: basename(p) }, { file: p, line: 0, col: 0 }));
}

export async function readSources(folder: OrgFolder, cwd: string): Promise<{ org?: SourceFile; years: SourceFile[]; readErrors: ReadError[] }> {
  const readErrors: ReadError[] = [];
  // A file named on the command line that is not a year file would silently make nothing: say so.
  for (const p of folder.only ?? []) if (!folder.yearPaths.includes(p) && p !== folder.orgPath) readErrors.push({ path: p, reason: "name", misnamed: true });
  const read = async (p: string): Promise<SourceFile | undefined> => {
    // Refused before reading: a misnamed 5 GB file, a FIFO or /dev/zero must not be read to be refused.
    // Synchronous: an organisation's two or three small files, read in a row by the build (bench/RESULTS.md, t17in).
    const r = readRegularFileSync(join(cwd, p), MAX_FILE_BYTES);
    if (r.ok) return { path: p, bytes: r.bytes };
    if (r.why === "not-regular") readErrors.push({ path: p, reason: r.kind, kind: r.kind });
    else if (r.why === "too-large") readErrors.push({ path: p, reason: "too large", size: r.size });
    else readErrors.push({ path: p, reason: r.code });
    return undefined;
  };
  const org = folder.orgPath ? await read(folder.orgPath) : undefined;
  const years = (await Promise.all(folder.yearPaths.map(read))).filter((s): s is SourceFile => s !== undefined);
  return { ...(org ? { org } : {}), years, readErrors };
}
