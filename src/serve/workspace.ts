/**
 * The served folder as the page sees it: its organisations and their year
 * files, and an organisation's sources with the page's edited text in place
 * of one file's bytes (nothing is written to the clerk's folder to check or
 * preview an edit).
 */
import { basename, dirname, join } from "node:path";
import { DOC_KINDS } from "../documents/kinds.js";
import { parse } from "yaml";
import { discover, readSources, type OrgFolder, type ReadError } from "../cli/discover.js";
import type { SourceFile } from "../pipeline/index.js";
import { readRegularFile } from "../cli/read-regular.js";
import { MAX_FILE_BYTES } from "../input/max-file-bytes.js";

export interface TreeYear {
  readonly year: number;
  readonly path: string;
  /** The document kinds this year file has a section of (memo, measures…), in the registry's order. */
  readonly kinds: readonly string[];
}
export interface TreeOrg {
  readonly dir: string;
  readonly name: string;
  readonly orgPath?: string;
  readonly years: readonly TreeYear[];
}

/** Paths in the API are '/'-separated whatever the system's separator. */
export const apiPath = (p: string): string => p.split(/[\\/]/).join("/");

export async function listOrganisations(root: string): Promise<TreeOrg[]> {
  const folders = await discover(["."], root);
  const out: TreeOrg[] = [];
  for (const f of folders) out.push({ dir: apiPath(f.dir), name: await orgName(root, f), ...(f.orgPath ? { orgPath: apiPath(f.orgPath) } : {}), years: await yearsOf(root, f) });
  return out;
}

async function yearsOf(root: string, f: OrgFolder): Promise<TreeYear[]> {
  const years: TreeYear[] = [];
  for (const p of f.yearPaths) {
    const top = await topLevel(root, p);
    years.push({ year: Number(/([0-9]{4})\.ya?ml$/.exec(p)![1]), path: apiPath(p), kinds: DOC_KINDS.filter((k) => top?.[k] !== undefined && top[k] !== null) });
  }
  return years.sort((a, b) => a.year - b.year);
}

/** The file's top-level mapping, or undefined when it cannot be read or parsed (the check says why). */
async function topLevel(root: string, rel: string): Promise<Record<string, unknown> | undefined> {
  const r = await readRegularFile(join(root, rel), MAX_FILE_BYTES, { noFollow: true });
  if (!r.ok) return undefined;
  try {
    const v = parse(new TextDecoder().decode(r.bytes), { maxAliasCount: 100 }) as unknown;
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** organisation.name from org.yaml, or the folder's name when it cannot be read (the check then says why). */
async function orgName(root: string, f: OrgFolder): Promise<string> {
  const fallback = f.dir === "." ? basename(root) : basename(f.dir);
  if (!f.orgPath) return fallback;
  const name = ((await topLevel(root, f.orgPath))?.organisation as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name.trim() ? name : fallback;
}

/** The organisation folder a data file belongs to (the folder that holds it). */
export async function folderOf(root: string, rel: string): Promise<OrgFolder | undefined> {
  const dir = dirname(rel);
  const found = await discover([dir], root).catch(() => []);
  return found.find((f) => apiPath(f.dir) === apiPath(dir));
}

export interface EditedSources {
  readonly folder: OrgFolder;
  readonly org?: SourceFile;
  readonly years: readonly SourceFile[];
  readonly readErrors: readonly ReadError[];
}

/** The folder's files as read, with `rel` replaced by `text` (added when the file is not on disk yet). */
export async function sourcesWithEdit(root: string, folder: OrgFolder, rel: string, text: string): Promise<EditedSources> {
  const src = await readSources(folder, root);
  const bytes = new TextEncoder().encode(text);
  const edited: SourceFile = { path: rel, bytes };
  const isOrg = folder.orgPath !== undefined && apiPath(folder.orgPath) === rel;
  const years = isOrg ? src.years : [...src.years.filter((s) => apiPath(s.path) !== rel), edited];
  return {
    folder,
    ...(isOrg ? { org: edited } : src.org ? { org: src.org } : {}),
    years: years.map((s) => ({ ...s, path: apiPath(s.path) })),
    // The edited file's own read problem (it was not readable on disk) does not matter: its text came from the page.
    readErrors: src.readErrors.filter((r) => apiPath(r.path) !== rel),
  };
}
