/**
 * One organisation's output folder as itadoc may touch it: a file is
 * replaced or removed only when its bytes are still the ones itadoc wrote
 * (sha256 in the manifest). A document a clerk edited in place is kept and
 * the new one is written beside it (`2563-memo.itadoc-new.docx`); a
 * truncated, deleted or unrecorded output is never taken as up to date.
 */
import { createHash } from "node:crypto";
import { lstatSync } from "node:fs";
import { lstat, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { warning, type Diagnostic } from "../../diag/diagnostic.js";
import { isMissing, readRegularFileSync } from "../read-regular.js";
import { writeAtomic } from "../write-atomic.js";
import type { BuildRecord } from "./build-record.js";
import { writeManifest, type Manifest } from "./manifest.js";

/** Larger than any document itadoc makes; a bigger file at a document's name is not one of ours. */
const OUTPUT_LIMIT = 512 * 1024 * 1024;

/** Names tried, in order, for the new document when a clerk's edit holds the usual name. */
const BESIDE = ["itadoc-new", "itadoc-new-2", "itadoc-new-3", "itadoc-new-4", "itadoc-new-5"];

/** "2563-memo.docx" → "2563-memo.itadoc-new.docx" (the format stays last, so the file still opens with a double-click). */
export function besideName(name: string, tag: string): string {
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${tag}${name.slice(dot)}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** True only when lstat finds no entry at all; any other answer (an error such as ENOTDIR included) leaves it to the read. */
function nothingAt(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

export class OutputFolder {
  /** The manifest to save: what is now proven to be itadoc's in this folder. */
  readonly manifest: Manifest;
  changed = false;
  /** The organisation's last clean build (build-record.ts), saved with the manifest; undefined after a build with errors. */
  record: BuildRecord | undefined;
  private readonly storedRecord: string | undefined;

  constructor(
    private readonly outDir: string,
    private readonly stored: Manifest,
    private readonly cwd: string,
    private readonly diagnostics: Diagnostic[],
    storedRecord?: BuildRecord,
  ) {
    this.manifest = new Map(stored);
    this.record = storedRecord;
    this.storedRecord = storedRecord && JSON.stringify(storedRecord);
  }

  /**
   * sha256 of the file now at `name`, or undefined if there is no regular file there (a FIFO or link is not read).
   * Read with synchronous calls: a rerun hashes every output in a row, and the promise round trips cost more than the reading.
   * `likelyAbsent`: no record says itadoc wrote it (a first build's every document), so nothing is usually there: an
   * lstat tells that without the error object a failed open makes (~8 µs each, bench/RESULTS.md wip/front8). A name on
   * record is read at once (a rerun: one call less per document). Anything at the name, a link included, is judged by the read.
   */
  private async hashOf(name: string, likelyAbsent = false): Promise<string | undefined> {
    const path = join(this.outDir, name);
    if (likelyAbsent && nothingAt(path)) return undefined;
    const r = readRegularFileSync(path, OUTPUT_LIMIT, { noFollow: true });
    return r.ok ? sha256(r.bytes) : isMissing(r) ? undefined : "not-a-document";
  }

  private exists(name: string): Promise<boolean> {
    return lstat(join(this.outDir, name)).then(() => true, () => false);
  }

  /** Where this document's current copy lives: its own name, or a copy beside a clerk's edit that still holds it. */
  private async currentName(name: string): Promise<string> {
    if (this.stored.has(name)) return name;
    const beside = BESIDE.map((t) => besideName(name, t)).find((b) => this.stored.has(b));
    return beside && (await this.exists(name)) ? beside : name;
  }

  /** Made from `key`, and on disk with exactly the bytes written then? Only then may a build skip it. */
  async upToDate(name: string, key: string): Promise<boolean> {
    const current = await this.currentName(name);
    const entry = this.stored.get(current);
    return entry !== undefined && entry.key === key && (await this.hashOf(current)) === entry.sha256;
  }

  /** The path of the current copy (for "unchanged …" lines). */
  async currentPath(name: string): Promise<string> {
    return join(this.outDir, await this.currentName(name));
  }

  /** May itadoc put `bytes` at `name`? Yes if nothing is there, the file is still its own, or it already holds these bytes. */
  private async mayReplace(name: string, newHash: string): Promise<{ ok: boolean; same: boolean }> {
    const onDisk = await this.hashOf(name, !this.manifest.has(name));
    if (onDisk === undefined) return { ok: true, same: false };
    return { ok: onDisk === newHash || onDisk === this.manifest.get(name)?.sha256, same: onDisk === newHash };
  }

  /**
   * Writes a document; returns the path written. `because`: the input the
   * warning points at when a clerk's edit is kept.
   */
  async write(name: string, bytes: Uint8Array, key: string, because: string): Promise<string> {
    const hash = sha256(bytes);
    // The names beside it are made only when the usual one holds a clerk's edit.
    for (let i = 0; i <= BESIDE.length; i++) {
      const candidate = i === 0 ? name : besideName(name, BESIDE[i - 1]!);
      const { ok, same } = await this.mayReplace(candidate, hash);
      if (!ok) {
        // The clerk's file is theirs now: itadoc no longer claims it, so it is never removed later either.
        if (this.manifest.delete(candidate)) this.changed = true;
        continue;
      }
      if (!same) await writeAtomic(join(this.outDir, candidate), bytes);
      this.manifest.set(candidate, { key, sha256: hash });
      this.changed = true;
      if (candidate === name) await this.dropBesideCopies(name);
      else this.diagnostics.push(warning("W_OUTPUT_EDITED", { path: this.rel(name), written: this.rel(candidate) }, { file: because, line: 0, col: 0 }));
      return join(this.outDir, candidate);
    }
    throw Object.assign(new Error(`${name}: every name beside it is taken by an edited file`), { code: "EEXIST" });
  }

  /** Once the document is back under its own name, the copies written beside a clerk's edit are out of date: removed if unchanged. */
  private async dropBesideCopies(name: string): Promise<void> {
    // Nearly always there are none: no names to make then.
    if (!this.hasBesideCopies()) return;
    for (const b of BESIDE.map((t) => besideName(name, t))) {
      const entry = this.manifest.get(b);
      if (!entry) continue;
      this.manifest.delete(b);
      if ((await this.hashOf(b)) === entry.sha256) await rm(join(this.outDir, b)).catch(() => undefined);
    }
  }

  /**
   * Documents an earlier run made whose input now has errors are removed,
   * with a warning, so an out-of-date memo cannot pass for a current one, but
   * only while their bytes are still itadoc's: an edited one is kept and named.
   */
  async withdraw(match: (name: string) => boolean, because: string): Promise<void> {
    for (const [name, entry] of [...this.manifest].filter(([n]) => match(n))) {
      this.manifest.delete(name);
      this.changed = true;
      const onDisk = await this.hashOf(name);
      if (onDisk === undefined) continue;
      const path = this.rel(name);
      if (onDisk !== entry.sha256) this.diagnostics.push(warning("W_STALE_KEPT", { path }, { file: because, line: 0, col: 0 }));
      else if (await rm(join(this.outDir, name)).then(() => true, () => false)) this.diagnostics.push(warning("W_STALE_REMOVED", { path }, { file: because, line: 0, col: 0 }));
    }
  }

  /** Does the manifest hold any copy written beside a clerk's edit (a name with an itadoc-new tag)? */
  private hasBesideCopies(): boolean {
    for (const n of this.manifest.keys()) if (n.includes(".itadoc-new")) return true;
    return false;
  }

  async save(): Promise<void> {
    const recordChanged = (this.record && JSON.stringify(this.record)) !== this.storedRecord;
    if (this.changed || recordChanged) await writeManifest(this.outDir, this.manifest, this.record).catch(() => undefined);
  }

  private rel(name: string): string {
    return relative(this.cwd, join(this.outDir, name));
  }
}
