/**
 * The form for the parts clerks touch most: the ten scores and the published
 * figures, the memo header (ที่, วันที่, เรื่อง, เรียน), the signer and the
 * approval chain, the measures table's rows. It shows the server's view of
 * the editor's text (POST /api/form) and sends back each field the clerk
 * changes; the server writes it into the YAML with the `yaml` Document API,
 * so the text stays the source of truth and keeps its comments and layout.
 */
import type { Field, FormView } from "../serve/form-edit.js";
import type { FormEdit } from "./api.js";
import { t, type StringKey } from "./i18n.js";

export type { FormView };

/** Called with one field's new value when the clerk leaves the field. */
export type OnEdit = (edit: FormEdit) => void;

const OFFICIAL_LABELS: Readonly<Record<string, StringKey>> = {
  iit: "formIit",
  eit: "formEit",
  oit: "formOit",
  total: "formTotal",
  grade: "formGrade",
  label: "formLabel",
};

const COLUMN_LABELS: Readonly<Record<string, StringKey>> = {
  measure: "colMeasure",
  steps: "colSteps",
  owner: "colOwner",
  deadline: "colDeadline",
  reporting: "colReporting",
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One input for one field; a list of lines (steps, position) is a text box with a line each. */
function input(field: Field, label: string, onEdit: OnEdit, long = false): HTMLElement {
  const wrap = el("label", "form-field");
  if (label) wrap.append(el("span", "form-label", label));
  const isList = Array.isArray(field.value);
  const shown = field.value === null ? "" : Array.isArray(field.value) ? field.value.join("\n") : String(field.value);
  const box = isList || long ? el("textarea") : el("input");
  if (/\.(scores|official)\./.test(field.path)) box.className = "narrow";
  box.dataset.field = field.path;
  box.value = shown;
  let last = shown;
  box.addEventListener("change", () => {
    if (box.value === last) return;
    last = box.value;
    const value = isList ? box.value.split("\n").map((l) => l.trim()).filter((l) => l !== "") : box.value.trim();
    onEdit({ field: field.path, value });
  });
  wrap.append(box);
  return wrap;
}

function group(title: StringKey, ...children: HTMLElement[]): HTMLElement {
  const set = el("fieldset", "form-group");
  set.append(el("legend", undefined, t(title)), ...children);
  return set;
}

function row(...children: HTMLElement[]): HTMLElement {
  const div = el("div", "form-row");
  div.append(...children);
  return div;
}

function table(columns: readonly string[], rows: readonly (readonly Field[])[], onEdit: OnEdit): HTMLTableElement {
  const tbl = el("table", "form-table");
  const head = tbl.createTHead().insertRow();
  for (const c of columns) head.append(el("th", undefined, COLUMN_LABELS[c] ? t(COLUMN_LABELS[c]) : c));
  const body = tbl.createTBody();
  for (const cells of rows) {
    const tr = body.insertRow();
    for (const cell of cells) tr.insertCell().append(input(cell, "", onEdit, true));
  }
  return tbl;
}

function addButton(label: StringKey, onClick: () => void): HTMLButtonElement {
  const b = el("button", "form-add", t(label));
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/**
 * Draws the form for `view`. `onAdd` appends an empty row at a list's path
 * (the server makes it; the form is drawn again from the new text).
 */
export function renderForm(host: HTMLElement, view: FormView, onEdit: OnEdit, onAdd: (edits: FormEdit[]) => void): void {
  const parts: HTMLElement[] = [];

  parts.push(
    group(
      "formScores",
      row(...view.scores.map((f) => input(f, `${f.path.split(".").at(-1)}${f.label ? ` ${f.label}` : ""}`, onEdit))),
      row(...view.official.map((f) => input(f, t(OFFICIAL_LABELS[f.path.split(".").at(-1)!] ?? "formTotal"), onEdit))),
    ),
  );

  if (view.memo.present) {
    parts.push(
      group(
        "formMemo",
        row(input(view.memo.number, t("memoNumber"), onEdit), input(view.memo.date, t("memoDate"), onEdit)),
        row(input(view.memo.subject, t("memoSubject"), onEdit, true)),
        row(input(view.memo.to, t("memoTo"), onEdit)),
      ),
    );
    const chain = view.approvals.items.map((a, i) => {
      const level = el("div", "form-approval");
      level.append(el("span", "form-level", String(i + 1)), input(a.to, t("memoTo"), onEdit), input(a.name, t("signerName"), onEdit), input(a.position, t("signerPosition"), onEdit, true));
      return level;
    });
    const n = view.approvals.items.length;
    parts.push(
      group(
        "formSigner",
        row(input(view.signer.name, t("signerName"), onEdit), input(view.signer.position, t("signerPosition"), onEdit, true)),
        el("h4", undefined, t("approvals")),
        ...chain,
        addButton("addApproval", () =>
          onAdd([
            { field: `${view.approvals.path}.${n}.to`, value: "" },
            { field: `${view.approvals.path}.${n}.signer.name`, value: "" },
            { field: `${view.approvals.path}.${n}.signer.position`, value: "" },
          ]),
        ),
      ),
    );
  }

  if (view.measures.present) {
    const n = view.measures.rows.length;
    parts.push(
      group(
        "formMeasures",
        table(view.measures.columns, view.measures.rows.map((r) => r.cells), onEdit),
        addButton("addRow", () => onAdd([{ field: `${view.measures.path}.${n}.${view.measures.columns[0] ?? "measure"}`, value: "" }])),
      ),
    );
  }

  host.replaceChildren(...parts);
}
