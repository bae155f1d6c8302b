/**
 * The page of `itadoc serve`: pick an organisation and a year, edit its YAML
 * (or the form), see the validator's messages under their lines and the
 * document beside them, save without ever overwriting someone else's edit.
 */
import { api, ApiError, type ApiDiagnostic, type FormEdit, type FormView, type SchemaKey, type Tree, type TreeOrg } from "./api.js";
import { askConflict } from "./conflict.js";
import { Drafts } from "./drafts.js";
import { YamlEditor } from "./editor.js";
import { renderForm } from "./form.js";
import { lang, setLang, t, type StringKey } from "./i18n.js";
import { PreviewPane } from "./preview.js";
import { topLevelKeys } from "./sections.js";

/** How long after the last keystroke the page checks and redraws: short enough to feel live, long enough not to render every key. */
const SETTLE_MS = 120;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
};

interface Open {
  readonly path: string;
  /** The file's text and hash as last read from or written to disk. */
  diskText: string;
  baseHash: string;
}

class App {
  private tree: Tree | undefined;
  private schema: readonly SchemaKey[] = [];
  private open: Open | undefined;
  private readonly editor: YamlEditor;
  private readonly preview: PreviewPane;
  private drafts: Drafts;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private checkAbort: AbortController | undefined;
  private previewAbort: AbortController | undefined;
  private previewSeq = 0;
  private loading = false;

  constructor() {
    this.editor = new YamlEditor($("editor"), {
      schema: () => this.schema,
      onChange: () => this.changed(),
      onSave: () => void this.save(),
    });
    this.preview = new PreviewPane($("preview-pages"), $("preview-notice"));
    this.drafts = new Drafts(window.localStorage, "");
  }

  async start(): Promise<void> {
    this.wire();
    try {
      const [tree, schema] = await Promise.all([api.tree(), api.schema().catch(() => ({ keys: [] }))]);
      this.tree = tree;
      this.schema = schema.keys;
      this.drafts = new Drafts(window.localStorage, tree.folder);
      this.fillPickers();
      const first = this.lastOpened() ?? tree.organisations.find((o) => o.years.length)?.years.at(-1)?.path;
      if (first) await this.openFile(first);
      else this.status(t("noFiles"), "error");
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- pickers --------------------------------------------------------------------------------

  private fillPickers(): void {
    const tree = this.tree!;
    const orgSel = $<HTMLSelectElement>("org");
    orgSel.replaceChildren(...tree.organisations.map((o) => new Option(o.name || o.dir, o.dir)));
    const kindSel = $<HTMLSelectElement>("kind");
    const previous = kindSel.value;
    kindSel.replaceChildren(...tree.kinds.map((k) => new Option(k.title, k.id)));
    if (previous && tree.kinds.some((k) => k.id === previous)) kindSel.value = previous;
    this.fillYears();
  }

  private org(): TreeOrg | undefined {
    return this.tree?.organisations.find((o) => o.dir === $<HTMLSelectElement>("org").value);
  }

  private fillYears(selectPath?: string): void {
    const org = this.org();
    const yearSel = $<HTMLSelectElement>("year");
    yearSel.replaceChildren(...(org?.years ?? []).map((y) => new Option(String(y.year), y.path)));
    if (selectPath) yearSel.value = selectPath;
  }

  private selectPath(path: string): void {
    const org = this.tree?.organisations.find((o) => o.years.some((y) => y.path === path));
    if (!org) return;
    $<HTMLSelectElement>("org").value = org.dir;
    this.fillYears(path);
  }

  private lastOpened(): string | undefined {
    const want = new URLSearchParams(location.hash.slice(1)).get("file") ?? undefined;
    const all = this.tree?.organisations.flatMap((o) => o.years.map((y) => y.path)) ?? [];
    return want && all.includes(want) ? want : undefined;
  }

  // ---- opening, editing, drafts -----------------------------------------------------------------

  async openFile(path: string): Promise<void> {
    this.flushDraft();
    const file = await api.readFile(path);
    this.open = { path, diskText: file.text, baseHash: file.hash };
    this.selectPath(path);
    history.replaceState(null, "", `${location.pathname}${location.search}#file=${encodeURIComponent(path)}`);
    this.loading = true;
    this.editor.load(file.text);
    this.loading = false;
    this.preview.clear();
    this.offerDraft();
    this.syncKinds();
    this.updateDirty();
    this.settleNow();
    if (!$("form-pane").hidden) void this.loadForm();
  }

  private offerDraft(): void {
    const banner = $("draft-banner");
    const open = this.open!;
    const draft = this.drafts.get(open.path);
    if (!draft || draft.text === open.diskText) {
      if (draft) this.drafts.remove(open.path);
      banner.hidden = true;
      return;
    }
    const when = new Date(draft.savedAt).toLocaleString(lang() === "th" ? "th-TH" : "en-GB");
    $("draft-text").textContent = t("draftFound", { when });
    banner.hidden = false;
    $("draft-restore").onclick = () => {
      banner.hidden = true;
      // Saving the draft must be checked against the version it was made from, not the one on disk now.
      open.baseHash = draft.baseHash;
      this.editor.replace(draft.text);
    };
    $("draft-discard").onclick = () => {
      banner.hidden = true;
      this.drafts.remove(open.path);
    };
  }

  /** Offers the documents this file has a section for; keeps the chosen one while it is there. */
  private syncKinds(): void {
    const keys = topLevelKeys(this.editor.text());
    const sel = $<HTMLSelectElement>("kind");
    for (const opt of sel.options) opt.disabled = !keys.has(opt.value);
    if (sel.selectedOptions[0]?.disabled) {
      const first = [...sel.options].find((o) => !o.disabled);
      if (first) sel.value = first.value;
    }
  }

  private changed(): void {
    if (this.loading || !this.open) return;
    this.updateDirty();
    this.syncKinds();
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), 250);
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.settle(), SETTLE_MS);
  }

  private flushDraft(): void {
    clearTimeout(this.draftTimer);
    const open = this.open;
    if (!open) return;
    const text = this.editor.text();
    if (text === open.diskText) this.drafts.remove(open.path);
    else this.drafts.put(open.path, { text, baseHash: open.baseHash, savedAt: Date.now() });
  }

  private dirty(): boolean {
    return !!this.open && this.editor.text() !== this.open.diskText;
  }

  private updateDirty(): void {
    const dirty = this.dirty();
    const el = $("dirty");
    el.textContent = dirty ? t("unsaved") : t("upToDate");
    el.dataset.dirty = String(dirty);
    document.title = `${dirty ? "● " : ""}${this.open?.path ?? ""} — itadoc`;
  }

  // ---- check and preview --------------------------------------------------------------------------

  private settleNow(): void {
    clearTimeout(this.settleTimer);
    void this.settle();
  }

  /** The preview's request goes out first: the server answers in turn on one thread, and the preview is what the clerk waits for. */
  private async settle(): Promise<void> {
    await Promise.all([this.refreshPreview(), this.check()]);
  }

  private forThisFile(d: ApiDiagnostic): boolean {
    const path = this.open?.path ?? "";
    return !d.file || d.file === path || d.file.endsWith(`/${path}`) || path.endsWith(`/${d.file}`) || path === d.file.replace(/^\.\//, "");
  }

  private async check(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.checkAbort?.abort();
    const abort = (this.checkAbort = new AbortController());
    const text = this.editor.text();
    try {
      const { diagnostics } = await api.check(open.path, text, abort.signal);
      if (abort.signal.aborted || this.editor.text() !== text) return;
      this.showDiagnostics(diagnostics);
      window.dispatchEvent(new CustomEvent("itadoc:checked", { detail: { count: diagnostics.length } }));
    } catch (e) {
      if (!abort.signal.aborted) this.fail(e);
    }
  }

  private showDiagnostics(diagnostics: readonly ApiDiagnostic[]): void {
    const mine = diagnostics.filter((d) => this.forThisFile(d));
    this.editor.showDiagnostics(mine);
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    const summary = $("diag-summary");
    summary.textContent = errors + warnings === 0 ? t("noErrors") : t("errorCount", { errors, warnings });
    summary.dataset.errors = String(errors);
    // Problems in another file (org.yaml) have no line here: list them with their place.
    const others = diagnostics.filter((d) => !this.forThisFile(d) && d.severity !== "info");
    $("diag-other").replaceChildren(
      ...others.map((d) => {
        const li = document.createElement("li");
        li.className = `diag-${d.severity}`;
        li.textContent = `${d.file}:${d.line ?? "?"}:${d.column ?? "?"} ${d.message}${d.hint ? ` — ${t("hint")}: ${d.hint}` : ""}`;
        return li;
      }),
    );
  }

  private async refreshPreview(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.previewAbort?.abort();
    const abort = (this.previewAbort = new AbortController());
    const seq = ++this.previewSeq;
    const text = this.editor.text();
    const kind = $<HTMLSelectElement>("kind").value;
    if (!this.preview.hasPages()) this.preview.setNotice(t("previewLoading"), "loading");
    try {
      const requestedAt = performance.now();
      const res = await api.preview({ path: open.path, text, kind, format: "pdf" }, abort.signal);
      const receivedAt = performance.now();
      if (abort.signal.aborted || seq !== this.previewSeq) return;
      if (!res.ok) {
        // The check shows these under their lines; a problem with no line here (no such section) is said in the notice.
        const unplaced = res.diagnostics.find((d) => d.severity === "error" && (!d.file || !this.forThisFile(d) || d.code.startsWith("E_SERVE_")));
        const why = unplaced ? ` (${unplaced.message})` : "";
        this.preview.setNotice(`${this.preview.hasPages() ? t("previewStale") : t("previewNone")}${why}`, this.preview.hasPages() ? "stale" : "none");
        window.dispatchEvent(new CustomEvent("itadoc:preview-refused", { detail: { seq } }));
        return;
      }
      const drawn = await this.preview.show(res.bytes);
      if (!drawn) return;
      // The pages in view show this version (tests wait for previewSeq, the benchmark for the event).
      document.body.dataset.previewSeq = String(seq);
      window.dispatchEvent(new CustomEvent("itadoc:preview", { detail: { seq, at: drawn.visibleAt, text, requestedAt, receivedAt } }));
    } catch (e) {
      if (abort.signal.aborted) return;
      if (e instanceof ApiError && e.status === 404) this.preview.setNotice(t("previewNoKind"), "none");
      else if (e instanceof ApiError) this.preview.setNotice(`${e.message}${e.hint ? ` — ${e.hint}` : ""}`, "error");
      else this.fail(e);
    }
  }

  // ---- save, conflict -------------------------------------------------------------------------------

  async save(): Promise<void> {
    const open = this.open;
    if (!open) return;
    let text = this.editor.text();
    let base = open.baseHash;
    try {
      for (;;) {
        const res = await api.saveFile(open.path, text, base);
        if (res.ok) {
          open.diskText = text;
          open.baseHash = res.hash;
          this.drafts.remove(open.path);
          this.status(res.backup ? t("saved", { backup: res.backup }) : t("savedNoBackup"), "ok");
          break;
        }
        const choice = await askConflict($<HTMLDialogElement>("conflict"), text, res.diskText);
        if (choice === "cancel") break;
        if (choice === "disk") {
          open.diskText = res.diskText;
          open.baseHash = res.diskHash;
          this.drafts.remove(open.path);
          this.editor.replace(res.diskText);
          break;
        }
        // "mine": write over the version the clerk has now seen.
        base = res.diskHash;
        text = this.editor.text();
      }
    } catch (e) {
      this.fail(e);
    }
    this.updateDirty();
  }

  // ---- downloads, build, new year -------------------------------------------------------------------

  private async download(format: string): Promise<void> {
    const open = this.open;
    if (!open) return;
    try {
      const res = await api.preview({ path: open.path, text: this.editor.text(), kind: $<HTMLSelectElement>("kind").value, format });
      if (!res.ok) {
        this.showDiagnostics(res.diagnostics);
        this.status(t("previewNone"), "error");
        return;
      }
      const url = URL.createObjectURL(new Blob([res.bytes], { type: res.type }));
      const a = document.createElement("a");
      a.href = url;
      a.download = res.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      this.fail(e);
    }
  }

  private async buildAll(): Promise<void> {
    const org = this.org();
    if (!org) return;
    const bar = $<HTMLProgressElement>("build-progress");
    const button = $<HTMLButtonElement>("build-all");
    bar.hidden = false;
    bar.value = 0;
    button.disabled = true;
    try {
      await api.build(org.dir, (e) => {
        if (e.end) {
          const problems = (e.diagnostics ?? []).filter((d) => d.severity === "error").length;
          const count = e.written?.length ?? 0;
          this.status(problems ? t("buildProblems", { count, problems }) : t("buildDone", { count }), problems ? "error" : "ok");
          bar.value = bar.max;
        } else {
          bar.max = Math.max(1, e.total);
          bar.value = e.done;
          this.status(t("building", { done: e.done, total: e.total, file: e.file ?? "" }), "");
        }
      });
    } catch (e) {
      this.fail(e);
    } finally {
      button.disabled = false;
    }
  }

  private async newYear(): Promise<void> {
    const org = this.org();
    if (!org) return;
    try {
      const { path } = await api.newYear(org.dir);
      this.tree = await api.tree();
      this.fillPickers();
      await this.openFile(path);
      this.status(t("newYearDone", { path }), "ok");
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- form ------------------------------------------------------------------------------------------

  /** Form edits go one after another, each on the text the previous one left. */
  private formQueue: Promise<void> = Promise.resolve();

  private formCall(edits: readonly FormEdit[], redraw: boolean): Promise<void> {
    const run = async (): Promise<void> => {
      const open = this.open;
      if (!open) return;
      try {
        const res = await api.form(open.path, this.editor.text(), edits);
        if (edits.length) this.editor.replace(res.text);
        if (redraw) this.drawForm(res.fields);
        if (edits.length) this.status(t("formApplied"), "ok");
      } catch (e) {
        this.fail(e);
      }
    };
    this.formQueue = this.formQueue.then(run);
    return this.formQueue;
  }

  private drawForm(fields: FormView | undefined): void {
    const host = $("form-fields");
    if (!fields) {
      const p = document.createElement("p");
      p.className = "form-syntax";
      p.textContent = t("formSyntax");
      host.replaceChildren(p);
      return;
    }
    renderForm(host, fields, (edit) => void this.formCall([edit], false), (edits) => void this.formCall(edits, true));
  }

  private loadForm(): Promise<void> {
    return this.formCall([], true);
  }

  private showTab(which: "yaml" | "form"): void {
    $("yaml-pane").hidden = which !== "yaml";
    $("form-pane").hidden = which !== "form";
    $("tab-yaml").setAttribute("aria-selected", String(which === "yaml"));
    $("tab-form").setAttribute("aria-selected", String(which === "form"));
    if (which === "form") void this.loadForm();
  }

  // ---- wiring, status ----------------------------------------------------------------------------------

  private wire(): void {
    $("org").addEventListener("change", () => {
      this.fillYears();
      const path = $<HTMLSelectElement>("year").value;
      if (path) void this.openFile(path).catch((e) => this.fail(e));
    });
    $("year").addEventListener("change", () => void this.openFile($<HTMLSelectElement>("year").value).catch((e) => this.fail(e)));
    $("kind").addEventListener("change", () => {
      this.preview.clear();
      void this.refreshPreview();
    });
    $("save").addEventListener("click", () => void this.save());
    $("download-pdf").addEventListener("click", () => void this.download("pdf"));
    $("download-docx").addEventListener("click", () => void this.download("docx"));
    $("build-all").addEventListener("click", () => void this.buildAll());
    $("new-year").addEventListener("click", () => void this.newYear());
    $("tab-yaml").addEventListener("click", () => this.showTab("yaml"));
    $("tab-form").addEventListener("click", () => this.showTab("form"));
    window.addEventListener("pagehide", () => this.flushDraft());
    // Ctrl-S / Cmd-S anywhere on the page (the form too), not the browser's "save page as".
    window.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s" && !e.defaultPrevented) {
        e.preventDefault();
        void this.save();
      }
    });
  }

  private status(text: string, kind: "" | "ok" | "error"): void {
    const el = $("status");
    el.textContent = text;
    el.dataset.kind = kind;
  }

  private fail(e: unknown): void {
    if (e instanceof ApiError) this.status(`${e.message}${e.hint ? ` — ${t("hint")}: ${e.hint}` : ""}`, "error");
    else this.status(`${t("failed")}: ${e instanceof Error ? e.message : String(e)}`, "error");
  }

  /** For the browser tests and the benchmark: the editor, to place the cursor as a clerk would click. */
  get view() {
    return this.editor.view;
  }
}

function translate(): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n as StringKey);
  document.title = t("title");
}

const langMeta = document.querySelector<HTMLMetaElement>('meta[name="itadoc-lang"]')?.content ?? "th";
setLang(langMeta.startsWith("__") ? "th" : langMeta);
document.documentElement.lang = lang();
translate();
const app = new App();
(window as unknown as { itadoc: App }).itadoc = app;
void app.start();
