/**
 * Step two of reading the markup: the element tree → DocModel. The vocabulary
 * is enforced by vocabulary.ts (all problems collected, not only the first;
 * positions are resolved later), the table grid by table-grid.ts, the memo's
 * blocks are made in memo-blocks.ts; this module dispatches and assembles.
 */
import {
  A4_PORTRAIT_OFFICIAL,
  assertNever,
  type Block,
  type CellBlock,
  type DocModel,
  type Heading,
  type Image,
  type ListBlock,
  type ListItem,
  type Margins,
  type PageNumbering,
  type Paragraph,
  type Section,
  type Table,
  type TableCell,
  type TableRow,
} from "../../model/document.js";
import type { Numerals } from "../../thai/digits.js";
import { chart } from "./chart-block.js";
import { CONTENT } from "./elements.js";
import { approval, memoHeader, signature } from "./memo-blocks.js";
import { opt, putOpt, type Mutable } from "./optional.js";
import type { TreeElement, TreeNode } from "./read-tree.js";
import { normalizeRuns, type Piece, type RunStyle } from "./runs.js";
import { gridProblems } from "./table-grid.js";
import { VocabularyChecker, type BuildError, type Named } from "./vocabulary.js";

export type { BuildError } from "./vocabulary.js";

export type BuildResult = { readonly ok: true; readonly doc: DocModel } | { readonly ok: false; readonly errors: readonly BuildError[] };

type SectionChild = (typeof CONTENT.section)[number];
type InlineElement = (typeof CONTENT.inline)[number];

export function buildModel(roots: readonly TreeNode[]): BuildResult {
  const b = new Builder();
  const docs = b.v.children(roots, "the top level", CONTENT.root);
  const doc = docs[0] ? b.document(docs[0]) : undefined;
  if (docs.length === 0 && b.v.errors.length === 0) {
    b.v.fail("E_TEMPLATE_MARKUP", "the output has no <document> element", 1, { type: "element", name: "document" });
  }
  if (docs.length > 1) {
    const second = docs[1];
    b.v.fail("E_TEMPLATE_MARKUP", "more than one <document> element", second?.line ?? 1, { type: "element", name: "document" });
  }
  // Reported in output order, which is the order a person reads the template in.
  const errors = [...b.v.errors].sort((x, y) => x.line - y.line);
  return errors.length === 0 && doc ? { ok: true, doc } : { ok: false, errors };
}

/** The style of text outside any <b>, <i>, <u>, <size>: one object for all (a style is never changed, only spread into a new one). */
const NO_STYLE: RunStyle = Object.freeze({});

const INLINE: ReadonlySet<string> = new Set(CONTENT.inline);

function isInline(el: TreeElement): el is Named<InlineElement> {
  return INLINE.has(el.name);
}

class Builder {
  readonly v = new VocabularyChecker();
  /** The document's digits, for texts the builder makes itself (a chart's values and axis). */
  numerals: Numerals = "thai";

  document(el: Named<"document">): DocModel | undefined {
    const a = this.v.attrs(el);
    this.numerals = a.numerals === "arabic" ? "arabic" : "thai";
    const sections = this.v.children(el.children, "<document>", CONTENT.document).map((s) => this.section(s));
    if (sections.length === 0) {
      this.v.fail("E_TEMPLATE_MARKUP", "<document> has no <section>", el.line, { type: "element", name: "document" }, "document");
    }
    const position = a["page-numbers"] ?? "none";
    const numerals = a.numerals === "arabic" ? "arabic" : "thai";
    const pageNumbers: PageNumbering | undefined =
      position === "top-center" || position === "bottom-center"
        ? { position, from: a["page-numbers-from"] ?? 2, numerals, format: a["page-number-format"] ?? "- {n} -" }
        : undefined;
    return {
      meta: {
        title: a.title ?? "",
        ...opt("subject", a.subject),
        ...opt("author", a.author),
        ...opt("keywords", a.keywords),
        lang: "th-TH",
      },
      baseSizePt: a.size ?? 16,
      ...(pageNumbers ? { pageNumbers } : {}),
      sections,
    };
  }

  section(el: Named<"section">): Section {
    const a = this.v.attrs(el);
    const m = a.margins;
    const margins: Margins = m
      ? { topCm: m[0] ?? 0, rightCm: m[1] ?? 0, bottomCm: m[2] ?? 0, leftCm: m[3] ?? 0 }
      : A4_PORTRAIT_OFFICIAL.margins;
    const orientation = a.orientation === "landscape" ? "landscape" : "portrait";
    const blocks = this.v.children(el.children, "<section>", CONTENT.section).flatMap((c) => this.block(c));
    return { page: { size: "A4", orientation, margins }, blocks };
  }

  /** One case per element a section may hold; the compiler names any left out. */
  block(el: Named<SectionChild>): Block[] {
    switch (el.name) {
      case "h":
        return [this.heading(el)];
      case "p":
        return [this.paragraph(el)];
      case "list":
        return [this.list(el)];
      case "table":
        return this.table(el);
      case "memo-header":
        return [memoHeader(this.v, el)];
      case "signature":
        return [signature(this.v, el)];
      case "approval":
        return approval(this.v, el);
      case "image":
        return this.image(el);
      case "chart":
        return chart(this.v, el, this.numerals);
      case "page-break":
        this.v.attrs(el);
        this.v.empty(el);
        return [{ type: "pageBreak" }];
      case "spacer": {
        const a = this.v.attrs(el);
        this.v.empty(el);
        return [{ type: "spacer", heightPt: a.pt ?? 0 }];
      }
      default:
        return assertNever(el);
    }
  }

  heading(el: Named<"h">): Heading {
    const a = this.v.attrs(el);
    const level = Number(a.level ?? "1");
    const h: Mutable<Heading> = { type: "heading", level: level === 2 ? 2 : level === 3 ? 3 : 1, runs: this.runs(el) };
    putOpt(h, "align", a.align);
    putOpt(h, "spaceBeforePt", a.before);
    putOpt(h, "spaceAfterPt", a.after);
    return h;
  }

  paragraph(el: Named<"p">): Paragraph {
    const a = this.v.attrs(el);
    const p: Mutable<Paragraph> = { type: "paragraph", runs: this.runs(el) };
    putOpt(p, "style", a.style);
    putOpt(p, "align", a.align);
    putOpt(p, "firstLineIndentCm", a.indent);
    putOpt(p, "leftIndentCm", a.left);
    putOpt(p, "spaceBeforePt", a.before);
    putOpt(p, "spaceAfterPt", a.after);
    putOpt(p, "keepWithNext", a["keep-with-next"]);
    return p;
  }

  list(el: Named<"list">): ListBlock {
    const a = this.v.attrs(el);
    const items: ListItem[] = this.v.children(el.children, "<list>", CONTENT.list).map((li) => {
      const la = this.v.attrs(li);
      return { marker: la.marker ?? "", runs: this.runs(li) };
    });
    return { type: "list", items, ...opt("leftIndentCm", a.left) };
  }

  table(el: Named<"table">): Table[] {
    const a = this.v.attrs(el);
    const widths = a.widths;
    const rows: TableRow[] = this.v.children(el.children, "<table>", CONTENT.table).map((tr) => {
      this.v.attrs(tr);
      return { cells: this.v.children(tr.children, "<tr>", CONTENT.tr).map((td) => this.cell(td)) };
    });
    const headerRows = a["header-rows"] ?? 0;
    if (headerRows > rows.length) {
      this.v.fail("E_TEMPLATE_ATTRIBUTE", `header-rows="${headerRows}" but the table has ${rows.length} rows`, el.line,
        { type: "attribute", element: "table", name: "header-rows" }, "table", "header-rows");
    }
    if (!widths) return [];
    for (const problem of gridProblems(rows, widths.length)) this.v.fail("E_TEMPLATE_MARKUP", problem, el.line, { type: "element", name: "table" }, "table");
    return [{
      type: "table",
      columns: widths.map((w) => ({ width: w })),
      headerRows,
      rows,
      ...opt("sizePt", a.size),
      ...opt("borders", a.borders),
    }];
  }

  cell(el: Named<"td">): TableCell {
    const a = this.v.attrs(el);
    let hasBlocks = false;
    for (const c of el.children) {
      if (c.kind === "element" && (c.name === "p" || c.name === "list")) {
        hasBlocks = true;
        break;
      }
    }
    let blocks: CellBlock[];
    if (hasBlocks) {
      blocks = this.v.children(el.children, "<td> that holds <p> or <list>", CONTENT.cellBlocks).map((c) =>
        c.name === "list" ? this.list(c) : this.paragraph(c),
      );
    } else {
      blocks = [{ type: "paragraph", runs: this.runs(el) }];
    }
    if (blocks.length === 0) blocks = [{ type: "paragraph", runs: [] }];
    const cell: Mutable<TableCell> = { blocks };
    putOpt(cell, "colSpan", a.colspan);
    putOpt(cell, "rowSpan", a.rowspan);
    putOpt(cell, "align", a.align);
    putOpt(cell, "vAlign", a.valign);
    putOpt(cell, "shaded", a.shaded);
    return cell;
  }

  image(el: Named<"image">): Image[] {
    const a = this.v.attrs(el);
    this.v.empty(el);
    const { ref, width: widthCm, height: heightCm } = a;
    if (ref === undefined || widthCm === undefined || heightCm === undefined) return [];
    return [{ type: "image", ref, widthCm, heightCm, ...opt("align", a.align) }];
  }

  runs(el: TreeElement): ReturnType<typeof normalizeRuns> {
    const pieces: Piece[] = [];
    this.collect(el.children, NO_STYLE, el, pieces);
    return normalizeRuns(pieces);
  }

  /** `owner`: the paragraph, heading, item or cell the runs are in, named in a message (made only then: runs are made per cell). */
  collect(nodes: readonly TreeNode[], style: RunStyle, owner: TreeElement, out: Piece[]): void {
    for (const n of nodes) {
      if (n.kind === "text") {
        out.push({ text: n.text, style });
        continue;
      }
      if (!isInline(n)) {
        this.v.allowed(n, `<${owner.name}>`, CONTENT.inline);
        continue;
      }
      this.collect(n.children, this.inlineStyle(n, style), owner, out);
    }
  }

  inlineStyle(el: Named<InlineElement>, style: RunStyle): RunStyle {
    switch (el.name) {
      case "b":
        this.v.attrs(el);
        return { ...style, bold: true };
      case "i":
        this.v.attrs(el);
        return { ...style, italic: true };
      case "u":
        this.v.attrs(el);
        return { ...style, underline: true };
      case "size":
        return { ...style, ...opt("sizePt", this.v.attrs(el).pt) };
      default:
        return assertNever(el);
    }
  }
}
