/**
 * The preview pane: the PDF the pipeline made, drawn page by page with pdf.js,
 * each page a canvas with pdf.js's text layer over it (so text can be
 * selected, and tests read what the clerk would see).
 *
 * A new version is drawn into the pages already shown, one page at a time,
 * each page off-screen first and then swapped in whole: the pane never
 * flashes empty. Only the pages in view are drawn at once; a page out of view
 * is drawn when it scrolls into view (a six-page memo redrawn whole on every
 * pause in typing cost about three times the work). While the input has
 * errors the last good pages stay, marked as out of date.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, TextLayer, type PDFDocumentProxy, type PDFPageProxy } from "pdfjs-dist";
import { assetUrl } from "./api.js";

let worker: PDFWorker | undefined;

/** One pdf.js worker for the page's life: starting one per preview would load its 1 MB script every time. */
function pdfWorker(): PDFWorker {
  if (!worker) {
    GlobalWorkerOptions.workerSrc = assetUrl("pdf.worker.mjs");
    worker = new PDFWorker();
  }
  return worker;
}

export interface Drawn {
  /** performance.now() when the pages in view showed the new version. */
  readonly visibleAt: number;
}

export class PreviewPane {
  private generation = 0;
  private doc: PDFDocumentProxy | undefined;
  /** Pages of the shown version not drawn yet, by box: drawn when they come into view. */
  private readonly pending = new Map<Element, () => Promise<boolean>>();
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly notice: HTMLElement,
  ) {
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const draw = e.isIntersecting ? this.pending.get(e.target) : undefined;
        if (draw) {
          this.pending.delete(e.target);
          void draw();
        }
      }
    }, { root: host, rootMargin: "200px 0px" });
  }

  /** Draws `bytes` (a PDF) in place of what is shown; undefined when a newer version came first. */
  async show(bytes: ArrayBuffer): Promise<Drawn | undefined> {
    const generation = ++this.generation;
    const doc = await getDocument({ data: new Uint8Array(bytes), worker: pdfWorker(), isEvalSupported: false, enableXfa: false }).promise;
    if (generation !== this.generation) {
      void doc.destroy();
      return undefined;
    }
    const width = Math.max(320, this.host.clientWidth - 24);
    const boxes = this.boxesFor(doc.numPages, width);
    const order = this.drawingOrder(boxes);
    const inView = new Set(order.slice(0, Math.max(1, this.visibleCount(boxes))));
    const pages: PDFPageProxy[] = [];
    const drawOne = async (i: number): Promise<boolean> => {
      const page = (pages[i] ??= await doc.getPage(i + 1));
      if (generation !== this.generation) return false;
      await drawPage(page, boxes[i]!, width);
      if (generation === this.generation) boxes[i]!.classList.remove("outdated");
      return generation === this.generation;
    };
    for (const i of order.filter((i) => inView.has(i))) if (!(await drawOne(i))) return this.dropped(doc);
    const visibleAt = performance.now();
    this.adopt(doc);
    this.setNotice("", "");
    this.pending.clear();
    for (const i of order.filter((i) => !inView.has(i))) {
      const box = boxes[i]!;
      box.classList.add("outdated");
      this.pending.set(box, async () => {
        const ok = await drawOne(i);
        if (ok) box.classList.remove("outdated");
        return ok;
      });
      // Re-observing reports the box's state now: one already in view is drawn at once.
      this.observer.unobserve(box);
      this.observer.observe(box);
    }
    return { visibleAt };
  }

  private dropped(doc: PDFDocumentProxy): undefined {
    if (doc !== this.doc) void doc.destroy();
    return undefined;
  }

  private adopt(doc: PDFDocumentProxy): void {
    const old = this.doc;
    this.doc = doc;
    if (old && old !== doc) void old.destroy();
  }

  /** The page boxes, as many as the new version has pages (kept ones show the old page until redrawn). */
  private boxesFor(n: number, width: number): HTMLElement[] {
    let pages = this.host.querySelector<HTMLElement>(":scope > .pages");
    if (!pages) {
      pages = document.createElement("div");
      pages.className = "pages";
      this.host.replaceChildren(pages);
    }
    while (pages.children.length > n) {
      this.observer.unobserve(pages.lastElementChild!);
      this.pending.delete(pages.lastElementChild!);
      pages.lastElementChild!.remove();
    }
    while (pages.children.length < n) {
      const box = document.createElement("div");
      box.className = "page";
      box.dataset.page = String(pages.children.length + 1);
      // An A4 page's size until drawn, so that pages below the fold take their room and come into view on scrolling.
      box.style.width = `${Math.floor(width)}px`;
      box.style.height = `${Math.floor((width * 297) / 210)}px`;
      pages.append(box);
    }
    return [...pages.children] as HTMLElement[];
  }

  /** Pages in view first (top to bottom), then the rest in order. */
  private drawingOrder(boxes: readonly HTMLElement[]): number[] {
    const view = this.host.getBoundingClientRect();
    const visible = (b: HTMLElement): boolean => {
      const r = b.getBoundingClientRect();
      return r.height > 0 && r.bottom > view.top && r.top < view.bottom;
    };
    const all = boxes.map((_, i) => i);
    const seen = all.filter((i) => visible(boxes[i]!));
    return seen.length ? [...seen, ...all.filter((i) => !seen.includes(i))] : all;
  }

  private visibleCount(boxes: readonly HTMLElement[]): number {
    const view = this.host.getBoundingClientRect();
    return boxes.filter((b) => {
      const r = b.getBoundingClientRect();
      return r.height > 0 && r.bottom > view.top && r.top < view.bottom;
    }).length;
  }

  hasPages(): boolean {
    return this.doc !== undefined;
  }

  clear(): void {
    this.generation++;
    this.pending.clear();
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

/** One page drawn off-screen at the pane's width, then put in its box in one step. */
async function drawPage(page: PDFPageProxy, box: HTMLElement, width: number): Promise<void> {
  const scale = width / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const text = document.createElement("div");
  text.className = "textLayer";
  const [content] = await Promise.all([page.getTextContent(), page.render({ canvas, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) }).promise]);
  // The text layer measures its runs against the box's scale: set it before laying out, off-screen.
  const staging = document.createElement("div");
  staging.className = "page staging";
  staging.style.setProperty("--scale-factor", String(scale));
  staging.style.setProperty("--total-scale-factor", String(scale));
  staging.append(text);
  await new TextLayer({ textContentSource: content, container: text, viewport }).render();
  box.style.width = `${Math.floor(viewport.width)}px`;
  box.style.height = `${Math.floor(viewport.height)}px`;
  box.style.setProperty("--scale-factor", String(scale));
  box.style.setProperty("--total-scale-factor", String(scale));
  box.replaceChildren(canvas, text);
}
