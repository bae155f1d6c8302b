/**
 * Progress of a long build: a bar redrawn in place on a terminal, a plain
 * line every few seconds otherwise (CI logs, redirected output).
 */
import type { CliIO } from "./io.js";

export class Progress {
  private lastPlain = 0;
  private readonly started: number;

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
    private readonly now: () => number = Date.now,
    private readonly plainEveryMs = 5000,
  ) {
    this.started = now();
  }

  update(done: number, docs: number, failed: number): void {
    const elapsed = (this.now() - this.started) / 1000;
    const rate = elapsed > 0 ? docs / elapsed : 0;
    const left = done > 0 ? Math.round((elapsed / done) * (this.total - done)) : 0;
    const th = this.io.lang === "th";
    const text = th
      ? `${done}/${this.total} หน่วยงาน · เอกสาร ${docs} · ${rate.toFixed(1)} ฉบับ/วินาที · ผิดพลาด ${failed} · เหลือประมาณ ${left} วินาที`
      : `${done}/${this.total} organisations · ${docs} documents · ${rate.toFixed(1)} docs/s · ${failed} failed · ~${left} s left`;
    if (this.io.isTTY) {
      const width = 24;
      const filled = this.total > 0 ? Math.round((done / this.total) * width) : width;
      this.io.err(`\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${text}\u001b[K`, true);
    } else if (this.now() - this.lastPlain >= this.plainEveryMs || done === this.total) {
      this.lastPlain = this.now();
      this.io.err(text);
    }
  }

  finish(): void {
    if (this.io.isTTY) this.io.err("", false);
  }
}
