/**
 * The form for the parts clerks touch most (scores, memo header, signer and
 * approvals, measures rows). It shows the server's view of the file (GET
 * /api/form) and sends back only the fields the clerk changed; the server
 * writes them into the YAML with its document API, so the text stays the
 * source of truth and keeps its comments.
 *
 * Fields are drawn from the data's shape: a map is a group, a list of maps a
 * table, anything else one input. A field's name is its dotted path
 * (`memo.subject`, `measures.rows.2.owner`).
 */
import type { FormEdit, FormFields, FormValue } from "./api.js";
import { t, type StringKey } from "./i18n.js";

const SECTION_TITLES: Readonly<Record<string, StringKey>> = {
  scores: "formScores",
  assessment: "formScores",
  memo: "formMemo",
  header: "formMemo",
  signer: "formSigner",
  approvals: "formSigner",
  measures: "formMeasures",
};

type Leaf = string | number | boolean | null;

function isLeaf(v: FormValue): v is Leaf {
  return v === null || typeof v !== "object";
}

function isRecord(v: FormValue): v is { readonly [k: string]: FormValue } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function input(path: string, value: Leaf, label: string): HTMLElement {
  const wrap = document.createElement("label");
  wrap.className = "form-field";
  const caption = document.createElement("span");
  caption.textContent = label;
  const long = typeof value === "string" && value.length > 60;
  const el = long ? document.createElement("textarea") : document.createElement("input");
  el.name = path;
  el.dataset.field = path;
  el.dataset.kind = typeof value === "number" ? "number" : "text";
  el.dataset.original = value === null ? "" : String(value);
  if (el instanceof HTMLInputElement && typeof value === "number") el.inputMode = "decimal";
  el.value = value === null ? "" : String(value);
  wrap.append(caption, el);
  return wrap;
}

function table(path: string, rows: readonly FormValue[]): HTMLElement {
  const cols = [...new Set(rows.flatMap((r) => (isRecord(r) ? Object.keys(r).filter((k) => isLeaf(r[k]!)) : [])))];
  const tbl = document.createElement("table");
  tbl.className = "form-table";
  const head = tbl.createTHead().insertRow();
  for (const c of cols) {
    const th = document.createElement("th");
    th.textContent = c;
    head.append(th);
  }
  const body = tbl.createTBody();
  rows.forEach((row, i) => {
    const tr = body.insertRow();
    for (const c of cols) {
      const td = tr.insertCell();
      const v = isRecord(row) ? row[c] : undefined;
      const cell = input(`${path}.${i}.${c}`, v !== undefined && isLeaf(v) ? v : null, "");
      td.append(cell);
    }
  });
  return tbl;
}

function group(path: string, key: string, value: FormValue, depth: number): HTMLElement {
  if (isLeaf(value)) return input(path, value, key);
  if (Array.isArray(value)) {
    if (value.every(isLeaf)) return input(path, value.join("\n"), key);
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = key;
    set.append(legend, table(path, value));
    return set;
  }
  const set = document.createElement("fieldset");
  set.className = `form-group depth-${depth}`;
  const legend = document.createElement("legend");
  const title = depth === 0 ? SECTION_TITLES[key] : undefined;
  legend.textContent = title ? `${t(title)} (${key})` : key;
  set.append(legend);
  for (const [k, v] of Object.entries(value as Record<string, FormValue>)) set.append(group(`${path}.${k}`, k, v, depth + 1));
  return set;
}

export function renderForm(host: HTMLElement, fields: FormFields): void {
  const parts = Object.entries(fields).map(([k, v]) => group(k, k, v, 0));
  host.replaceChildren(...parts);
  if (parts.length === 0) {
    const p = document.createElement("p");
    p.textContent = t("formNone");
    host.append(p);
  }
}

/** The fields the clerk changed, typed as they were shown (a number stays a number when it reads as one). */
export function changedFields(host: HTMLElement): FormEdit[] {
  const edits: FormEdit[] = [];
  for (const el of host.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("[data-field]")) {
    if (el.value === el.dataset.original) continue;
    const raw = el.value.trim();
    const asNumber = el.dataset.kind === "number" && raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    edits.push({ field: el.dataset.field!, value: asNumber ?? el.value });
  }
  return edits;
}
