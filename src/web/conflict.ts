/**
 * The conflict view: the file changed on disk since the page opened it. Both
 * versions side by side, differing lines marked, and the clerk chooses; the
 * page never picks for them.
 */
import { t } from "./i18n.js";
import { lineDiff } from "./line-diff.js";

export type ConflictChoice = "mine" | "disk" | "cancel";

function column(title: string, lines: readonly string[], changed: ReadonlySet<number>, side: string): HTMLElement {
  const col = document.createElement("section");
  col.className = `conflict-side conflict-${side}`;
  const h = document.createElement("h3");
  h.textContent = title;
  const pre = document.createElement("pre");
  lines.forEach((line, i) => {
    const row = document.createElement("div");
    row.className = changed.has(i) ? "diff-line changed" : "diff-line";
    const no = document.createElement("span");
    no.className = "diff-no";
    no.textContent = String(i + 1);
    const text = document.createElement("span");
    text.textContent = line === "" ? "\u00a0" : line;
    row.append(no, text);
    pre.append(row);
  });
  col.append(h, pre);
  return col;
}

export function askConflict(dialog: HTMLDialogElement, mine: string, disk: string): Promise<ConflictChoice> {
  const a = disk.split("\n");
  const b = mine.split("\n");
  const diff = lineDiff(a, b);
  const title = document.createElement("h2");
  title.textContent = t("conflictTitle");
  const explain = document.createElement("p");
  explain.textContent = t("conflictExplain");
  const sides = document.createElement("div");
  sides.className = "conflict-sides";
  sides.append(column(t("conflictDisk"), a, diff.changedA, "disk"), column(t("conflictMine"), b, diff.changedB, "mine"));
  const buttons = document.createElement("div");
  buttons.className = "conflict-buttons";
  return new Promise((resolve) => {
    const button = (label: string, choice: ConflictChoice, id: string): HTMLButtonElement => {
      const el = document.createElement("button");
      el.type = "button";
      el.id = id;
      el.textContent = label;
      el.addEventListener("click", () => {
        dialog.close();
        resolve(choice);
      });
      return el;
    };
    buttons.append(button(t("conflictKeepMine"), "mine", "conflict-keep-mine"), button(t("conflictTakeDisk"), "disk", "conflict-take-disk"), button(t("cancel"), "cancel", "conflict-cancel"));
    dialog.replaceChildren(title, explain, sides, buttons);
    dialog.addEventListener("cancel", () => resolve("cancel"), { once: true });
    dialog.showModal();
  });
}
