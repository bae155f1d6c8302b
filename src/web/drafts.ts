/**
 * Unsaved edits kept in the browser's storage, one per served folder and file,
 * so a reload, a closed tab or a crash loses nothing. A draft remembers the
 * hash of the file it was made from: saving a restored draft still goes
 * through the server's conflict check against that version.
 */
export interface Draft {
  readonly text: string;
  readonly baseHash: string;
  /** When it was last written (ms since the epoch): shown to the clerk, never written to a document. */
  readonly savedAt: number;
}

export class Drafts {
  constructor(
    private readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem">,
    private readonly scope: string,
  ) {}

  private key(path: string): string {
    return `itadoc.draft\u0000${this.scope}\u0000${path}`;
  }

  get(path: string): Draft | undefined {
    const raw = this.storage.getItem(this.key(path));
    if (!raw) return undefined;
    try {
      const d = JSON.parse(raw) as Partial<Draft>;
      return typeof d.text === "string" && typeof d.baseHash === "string" ? { text: d.text, baseHash: d.baseHash, savedAt: Number(d.savedAt) || 0 } : undefined;
    } catch {
      return undefined;
    }
  }

  put(path: string, draft: Draft): void {
    try {
      this.storage.setItem(this.key(path), JSON.stringify(draft));
    } catch {
      // Storage full or refused: the edit is still in the editor; only the reload safety net is lost.
    }
  }

  remove(path: string): void {
    this.storage.removeItem(this.key(path));
  }
}
