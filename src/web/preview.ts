/**
 * The preview pane: the PDF the pipeline made, drawn page by page with pdf.js,
 * each page a canvas with pdf.js's text layer over it (so text can be
 * selected, and tests read what the clerk would see). A new document is drawn
 * off-screen and swapped in whole, so the pane never flashes empty; while the
 * input has errors the last good pages stay, marked as out of date.
 */
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy } from "pdfjs-dist";
import { assetUrl } from "./api.js";

let workerSet = false;

export class PreviewPane {
  private generation = 0;
  private doc: PDFDocumentProxy | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly notice: HTMLElement,
  ) {}

  /** Draws `bytes` (a PDF) in place of what is shown; resolves when the new pages are in the page. */
  async show(bytes: ArrayBuffer): Promise<boolean> {
    if (!workerSet) {
      GlobalWorkerOptions.workerSrc = assetUrl("pdf.worker.mjs");
      workerSet = true;
    }
    const generation = ++this.generation;
    const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false }).promise;
    if (generation !== this.generation) {
      void doc.destroy();
      return false;
    }
    const width = Math.max(320, this.host.clientWidth - 24);
    const pages = document.createElement("div");
    pages.className = "pages";
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = width / base.width;
      const viewport = page.getViewport({ scale });
      const box = document.createElement("div");
      box.className = "page";
      box.dataset.page = String(n);
      box.style.width = `${Math.floor(viewport.width)}px`;
      box.style.height = `${Math.floor(viewport.height)}px`;
      box.style.setProperty("--scale-factor", String(scale));
      box.style.setProperty("--total-scale-factor", String(scale));
      const canvas = document.createElement("canvas");
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const textDiv = document.createElement("div");
      textDiv.className = "textLayer";
      box.append(canvas, textDiv);
      pages.append(box);
      await page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) }).promise;
      await new TextLayer({ textContentSource: await page.getTextContent(), container: textDiv, viewport }).render();
      if (generation !== this.generation) {
        void doc.destroy();
        return false;
      }
    }
    const scroll = this.host.scrollTop;
    this.host.replaceChildren(pages);
    this.host.scrollTop = scroll;
    const old = this.doc;
    this.doc = doc;
    if (old) void old.destroy();
    this.setNotice("", "");
    return true;
  }

  hasPages(): boolean {
    return this.doc !== undefined;
  }

  clear(): void {
    this.generation++;
    this.host.replaceChildren();
    const old = this.doc;
    this.doc = undefined;
    if (old) void old.destroy();
  }

  setNotice(text: string, kind: "" | "stale" | "loading" | "none" | "error"): void {
    this.notice.textContent = text;
    this.notice.dataset.kind = kind;
    this.notice.hidden = text === "";
    this.host.classList.toggle("stale", kind === "stale");
  }
}
