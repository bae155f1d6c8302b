/**
 * The validator's diagnostics (1-based line:column, as the CLI prints them) →
 * CodeMirror ranges, and the inline widget that shows each message and hint
 * under its line: a clerk should not have to hover to read what is wrong.
 */
import { type Text, StateEffect, StateField, type Extension, RangeSetBuilder } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, WidgetType } from "@codemirror/view";
import type { Diagnostic as CmDiagnostic } from "@codemirror/lint";
import type { ApiDiagnostic } from "./api.js";
import { t } from "./i18n.js";

/** 1-based line and column → a document offset, clamped into the text (a stale diagnostic must not throw). */
export function offsetOf(doc: Text, line: number | undefined, column: number | undefined): number {
  const l = Math.min(Math.max(1, line ?? 1), doc.lines);
  const info = doc.line(l);
  return Math.min(info.from + Math.max(0, (column ?? 1) - 1), info.to);
}

export function toCm(doc: Text, d: ApiDiagnostic): CmDiagnostic {
  const from = offsetOf(doc, d.line, d.column);
  let to = d.endLine !== undefined ? offsetOf(doc, d.endLine, d.endColumn) : from;
  if (to <= from) to = Math.min(doc.line(doc.lineAt(from).number).to, from + 1);
  if (to < from) to = from;
  return {
    from,
    to,
    severity: d.severity,
    message: d.hint ? `${d.message}\n${t("hint")}: ${d.hint}` : d.message,
    source: d.code,
  };
}

class MessageWidget extends WidgetType {
  constructor(private readonly diags: readonly ApiDiagnostic[]) {
    super();
  }
  override eq(other: MessageWidget): boolean {
    return other.diags.length === this.diags.length && other.diags.every((d, i) => d.message === this.diags[i]!.message && d.hint === this.diags[i]!.hint && d.code === this.diags[i]!.code);
  }
  toDOM(): HTMLElement {
    const box = document.createElement("div");
    box.className = "inline-diags";
    for (const d of this.diags) {
      const row = document.createElement("div");
      row.className = `inline-diag inline-diag-${d.severity}`;
      row.dataset.code = d.code;
      if (d.line !== undefined) row.dataset.line = String(d.line);
      const msg = document.createElement("span");
      msg.className = "inline-diag-message";
      msg.textContent = d.message;
      row.append(msg);
      if (d.hint) {
        const hint = document.createElement("span");
        hint.className = "inline-diag-hint";
        hint.textContent = `${t("hint")}: ${d.hint}`;
        row.append(hint);
      }
      box.append(row);
    }
    return box;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

export const setInlineDiagnostics = StateEffect.define<readonly ApiDiagnostic[]>();

function decorate(doc: Text, diags: readonly ApiDiagnostic[]): DecorationSet {
  const byLine = new Map<number, ApiDiagnostic[]>();
  for (const d of diags) {
    const l = Math.min(Math.max(1, d.line ?? 1), doc.lines);
    byLine.set(l, [...(byLine.get(l) ?? []), d]);
  }
  const builder = new RangeSetBuilder<Decoration>();
  for (const l of [...byLine.keys()].sort((a, b) => a - b)) {
    const line = doc.line(l);
    builder.add(line.from, line.from, Decoration.line({ attributes: { class: `cm-diag-line cm-diag-line-${worst(byLine.get(l)!)}` } }));
    builder.add(line.to, line.to, Decoration.widget({ widget: new MessageWidget(byLine.get(l)!), block: true, side: 1 }));
  }
  return builder.finish();
}

function worst(diags: readonly ApiDiagnostic[]): string {
  return diags.some((d) => d.severity === "error") ? "error" : diags.some((d) => d.severity === "warning") ? "warning" : "info";
}

/** Messages stay under their line while the clerk types; the next check replaces them. */
export function inlineDiagnostics(): Extension {
  return StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(deco, tr) {
      let next = deco.map(tr.changes);
      for (const e of tr.effects) if (e.is(setInlineDiagnostics)) next = decorate(tr.state.doc, e.value);
      return next;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
}
