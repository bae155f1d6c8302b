/**
 * Step two of reading the markup: the element tree → DocModel. Checks every
 * element against the closed vocabulary (elements.ts) and collects all
 * problems instead of stopping at the first; positions are resolved later.
 */
import {
  A4_PORTRAIT_OFFICIAL,
  type Align,
  type Approval,
  type Block,
  type CellBlock,
  type DocModel,
  type Heading,
  type Image,
  type ListBlock,
  type ListItem,
  type Margins,
  type MemoHeader,
  type PageNumbering,
  type Paragraph,
  type ParagraphStyle,
  type Section,
  type Signature,
  type Spacer,
  type Table,
  type TableCell,
  type TableRow,
  type VAlign,
} from "../../model/document.js";
import type { MarkupErrorCode } from "../errors.js";
import { CONTENT, ELEMENTS, isElementName, parseAttrValue, type AttrValue, type ElementName } from "./elements.js";
import type { Needle } from "./locate.js";
import type { TreeElement, TreeNode } from "./read-tree.js";
import { collapseText, normalizeRuns, type Piece, type RunStyle } from "./runs.js";

export interface BuildError {
  readonly code: MarkupErrorCode;
  readonly message: string;
  /** Output line, for the message only. */
  readonly line: number;
  readonly needle: Needle;
  readonly element?: string;
  readonly attribute?: string;
}

export type BuildResult = { readonly ok: true; readonly doc: DocModel } | { readonly ok: false; readonly errors: readonly BuildError[] };

type Attrs = ReadonlyMap<string, AttrValue>;

export function buildModel(roots: readonly TreeNode[]): BuildResult {
  const b = new Builder();
  const docs = b.children(roots, "the top level", CONTENT.root);
  const doc = docs[0] ? b.document(docs[0]) : undefined;
  if (docs.length === 0 && b.errors.length === 0) {
    b.fail("E_TEMPLATE_MARKUP", "the output has no <document> element", 1, { type: "element", name: "document" });
  }
  if (docs.length > 1) {
    const second = docs[1];
    b.fail("E_TEMPLATE_MARKUP", "more than one <document> element", second?.line ?? 1, { type: "element", name: "document" });
  }
  // Reported in output order, which is the order a person reads the template in.
  const errors = [...b.errors].sort((x, y) => x.line - y.line);
  return errors.length === 0 && doc ? { ok: true, doc } : { ok: false, errors };
}

class Builder {
  readonly errors: BuildError[] = [];

  fail(code: MarkupErrorCode, message: string, line: number, needle: Needle, element?: string, attribute?: string): void {
    this.errors.push({
      code,
      message: `${message} (output line ${line})`,
      line,
      needle,
      ...(element !== undefined ? { element } : {}),
      ...(attribute !== undefined ? { attribute } : {}),
    });
  }

  /** The element children of `nodes` that are allowed here; reports the rest. */
  children(nodes: readonly TreeNode[], where: string, allowed: readonly ElementName[]): TreeElement[] {
    const out: TreeElement[] = [];
    for (const n of nodes) {
      if (n.kind === "text") {
        if (n.text.trim() !== "") this.strayText(n.text, n.line, where);
      } else if (this.allowed(n, where, allowed)) {
        out.push(n);
      }
    }
    return out;
  }

  strayText(text: string, line: number, where: string): void {
    const snippet = collapseText(text).slice(0, 20);
    this.fail("E_TEMPLATE_MARKUP", `text "${snippet}" is not allowed directly inside ${where}`, line, {
      type: "literal",
      text: text.trim().split("\n")[0]?.slice(0, 20) ?? "",
    });
  }

  allowed(el: TreeElement, where: string, allowed: readonly ElementName[]): boolean {
    if ((allowed as readonly string[]).includes(el.name)) return true;
    const what = isElementName(el.name) ? `<${el.name}> is not allowed inside ${where}` : `unknown element <${el.name}>`;
    this.fail("E_TEMPLATE_ELEMENT", `${what}; allowed here: ${allowed.map((a) => `<${a}>`).join(" ")}`, el.line, {
      type: "element",
      name: el.name,
    }, el.name);
    return false;
  }

  /** Validated attribute values; unknown, missing and malformed ones are reported and left out. */
  attrs(el: TreeElement & { name: ElementName }): Attrs {
    const spec: Readonly<Record<string, { type: Parameters<typeof parseAttrValue>[1]; required?: boolean }>> =
      ELEMENTS[el.name].attrs;
    const out = new Map<string, AttrValue>();
    for (const a of el.attrs) {
      const s = spec[a.name];
      const needle: Needle = { type: "attribute", element: el.name, name: a.name };
      if (!s) {
        const names = Object.keys(spec);
        const allowed = names.length ? `allowed: ${names.join(", ")}` : "it takes no attributes";
        this.fail("E_TEMPLATE_ATTRIBUTE", `unknown attribute ${a.name} on <${el.name}>; ${allowed}`, el.line, needle, el.name, a.name);
        continue;
      }
      const v = parseAttrValue(a.value, s.type);
      if (v.ok) out.set(a.name, v.value);
      else this.fail("E_TEMPLATE_ATTRIBUTE", `<${el.name} ${a.name}>: ${v.reason}`, el.line, { ...needle, value: a.value }, el.name, a.name);
    }
    for (const [name, s] of Object.entries(spec)) {
      if (s.required && !el.attrs.some((a) => a.name === name)) {
        this.fail("E_TEMPLATE_ATTRIBUTE", `<${el.name}> needs the attribute ${name}`, el.line, { type: "element", name: el.name }, el.name, name);
      }
    }
    return out;
  }

  document(el: TreeElement): DocModel | undefined {
    const a = this.attrs(named(el, "document"));
    const sections = this.children(el.children, "<document>", CONTENT.document).map((s) => this.section(s));
    if (sections.length === 0) {
      this.fail("E_TEMPLATE_MARKUP", "<document> has no <section>", el.line, { type: "element", name: "document" }, "document");
    }
    const position = str(a, "page-numbers") ?? "none";
    const numerals = str(a, "numerals") === "arabic" ? "arabic" : "thai";
    const pageNumbers: PageNumbering | undefined =
      position === "top-center" || position === "bottom-center"
        ? { position, from: num(a, "page-numbers-from") ?? 2, numerals, format: str(a, "page-number-format") ?? "- {n} -" }
        : undefined;
    return {
      meta: {
        title: str(a, "title") ?? "",
        ...opt("subject", str(a, "subject")),
        ...opt("author", str(a, "author")),
        ...opt("keywords", str(a, "keywords")),
        lang: "th-TH",
      },
      baseSizePt: num(a, "size") ?? 16,
      ...(pageNumbers ? { pageNumbers } : {}),
      sections,
    };
  }

  section(el: TreeElement): Section {
    const a = this.attrs(named(el, "section"));
    const m = a.get("margins");
    const margins: Margins = Array.isArray(m)
      ? { topCm: m[0] ?? 0, rightCm: m[1] ?? 0, bottomCm: m[2] ?? 0, leftCm: m[3] ?? 0 }
      : A4_PORTRAIT_OFFICIAL.margins;
    const orientation = str(a, "orientation") === "landscape" ? "landscape" : "portrait";
    const blocks = this.children(el.children, "<section>", CONTENT.section).flatMap((c) => this.block(c));
    return { page: { size: "A4", orientation, margins }, blocks };
  }

  block(el: TreeElement): Block[] {
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
        return [this.memoHeader(el)];
      case "signature":
        return [this.signature(el)];
      case "approval":
        return this.approval(el);
      case "image":
        return this.image(el);
      case "page-break":
        this.attrs(named(el, "page-break"));
        this.empty(el);
        return [{ type: "pageBreak" }];
      case "spacer": {
        const a = this.attrs(named(el, "spacer"));
        this.empty(el);
        const s: Spacer = { type: "spacer", heightPt: num(a, "pt") ?? 0 };
        return [s];
      }
      default:
        return [];
    }
  }

  heading(el: TreeElement): Heading {
    const a = this.attrs(named(el, "h"));
    const level = Number(str(a, "level") ?? "1");
    return {
      type: "heading",
      level: level === 2 ? 2 : level === 3 ? 3 : 1,
      runs: this.runs(el),
      ...opt("align", str(a, "align") as Align | undefined),
      ...opt("spaceBeforePt", num(a, "before")),
      ...opt("spaceAfterPt", num(a, "after")),
    };
  }

  paragraph(el: TreeElement): Paragraph {
    const a = this.attrs(named(el, "p"));
    return {
      type: "paragraph",
      runs: this.runs(el),
      ...opt("style", str(a, "style") as ParagraphStyle | undefined),
      ...opt("align", str(a, "align") as Align | undefined),
      ...opt("firstLineIndentCm", num(a, "indent")),
      ...opt("leftIndentCm", num(a, "left")),
      ...opt("spaceBeforePt", num(a, "before")),
      ...opt("spaceAfterPt", num(a, "after")),
      ...opt("keepWithNext", bool(a, "keep-with-next")),
    };
  }

  list(el: TreeElement): ListBlock {
    const a = this.attrs(named(el, "list"));
    const items: ListItem[] = this.children(el.children, "<list>", CONTENT.list).map((li) => {
      const la = this.attrs(named(li, "li"));
      return { marker: str(la, "marker") ?? "", runs: this.runs(li) };
    });
    return { type: "list", items, ...opt("leftIndentCm", num(a, "left")) };
  }

  table(el: TreeElement): Table[] {
    const a = this.attrs(named(el, "table"));
    const widths = a.get("widths");
    const rows: TableRow[] = this.children(el.children, "<table>", CONTENT.table).map((tr) => {
      this.attrs(named(tr, "tr"));
      return { cells: this.children(tr.children, "<tr>", CONTENT.tr).map((td) => this.cell(td)) };
    });
    const headerRows = num(a, "header-rows") ?? 0;
    if (headerRows > rows.length) {
      this.fail("E_TEMPLATE_ATTRIBUTE", `header-rows="${headerRows}" but the table has ${rows.length} rows`, el.line,
        { type: "attribute", element: "table", name: "header-rows" }, "table", "header-rows");
    }
    if (!Array.isArray(widths)) return [];
    this.checkGrid(el, rows, widths.length);
    return [{
      type: "table",
      columns: widths.map((w: number) => ({ width: w })),
      headerRows,
      rows,
      ...opt("sizePt", num(a, "size")),
      ...opt("borders", bool(a, "borders")),
    }];
  }

  /** Every row must fill exactly the declared columns, counting cells spanned from rows above. */
  checkGrid(el: TreeElement, rows: readonly TableRow[], columns: number): void {
    const carried: number[] = new Array<number>(columns).fill(0);
    rows.forEach((row, r) => {
      let col = 0;
      const next = carried.map((n) => Math.max(0, n - 1));
      for (const cell of row.cells) {
        while (col < columns && (carried[col] ?? 0) > 0) col++;
        const span = cell.colSpan ?? 1;
        if (col + span > columns) {
          col += span;
          break;
        }
        for (let k = col; k < col + span; k++) next[k] = (cell.rowSpan ?? 1) - 1;
        col += span;
      }
      while (col < columns && (carried[col] ?? 0) > 0) col++;
      if (col !== columns) {
        this.fail("E_TEMPLATE_MARKUP", `table row ${r + 1} fills ${col} of the ${columns} columns given in widths`, el.line,
          { type: "element", name: "table" }, "table");
      }
      carried.splice(0, columns, ...next);
    });
    if (carried.some((n) => n > 0)) {
      this.fail("E_TEMPLATE_MARKUP", "a rowspan reaches past the last row of the table", el.line, { type: "element", name: "table" }, "table");
    }
  }

  cell(el: TreeElement): TableCell {
    const a = this.attrs(named(el, "td"));
    const hasBlocks = el.children.some((c) => c.kind === "element" && (c.name === "p" || c.name === "list"));
    let blocks: CellBlock[];
    if (hasBlocks) {
      blocks = this.children(el.children, "<td> that holds <p> or <list>", CONTENT.cellBlocks).map((c) =>
        c.name === "list" ? this.list(c) : this.paragraph(c),
      );
    } else {
      blocks = [{ type: "paragraph", runs: this.runs(el) }];
    }
    if (blocks.length === 0) blocks = [{ type: "paragraph", runs: [] }];
    return {
      blocks,
      ...opt("colSpan", num(a, "colspan")),
      ...opt("rowSpan", num(a, "rowspan")),
      ...opt("align", str(a, "align") as Align | undefined),
      ...opt("vAlign", str(a, "valign") as VAlign | undefined),
      ...opt("shaded", bool(a, "shaded")),
    };
  }

  memoHeader(el: TreeElement): MemoHeader {
    const a = this.attrs(named(el, "memo-header"));
    this.empty(el);
    return {
      type: "memoHeader",
      ...opt("emblem", str(a, "emblem")),
      title: str(a, "title") ?? "บันทึกข้อความ",
      division: str(a, "division") ?? "",
      number: str(a, "number") ?? "",
      date: str(a, "date") ?? "",
      subject: str(a, "subject") ?? "",
      labels: {
        division: str(a, "label-division") ?? "ส่วนราชการ",
        number: str(a, "label-number") ?? "ที่",
        date: str(a, "label-date") ?? "วันที่",
        subject: str(a, "label-subject") ?? "เรื่อง",
      },
    };
  }

  signature(el: TreeElement): Signature {
    const a = this.attrs(named(el, "signature"));
    const positions = this.children(el.children, "<signature>", CONTENT.signature).map((p) => this.plainText(p));
    return {
      type: "signature",
      name: collapseText(str(a, "name") ?? ""),
      positions,
      ...opt("date", str(a, "date")),
      signLines: num(a, "sign-lines") ?? 3,
    };
  }

  approval(el: TreeElement): Approval[] {
    const a = this.attrs(named(el, "approval"));
    const parts = this.children(el.children, "<approval>", CONTENT.approval);
    const signers = parts.filter((p) => p.name === "signature");
    if (signers.length !== 1) {
      this.fail("E_TEMPLATE_MARKUP", `<approval> needs exactly one <signature>, found ${signers.length}`, el.line,
        { type: "element", name: "approval" }, "approval");
    }
    const signer = signers[0];
    if (!signer) return [];
    return [{
      type: "approval",
      to: str(a, "to") ?? "",
      salutation: str(a, "salutation") ?? "เรียน",
      options: parts.filter((p) => p.name === "option").map((p) => this.plainText(p)),
      comments: parts.filter((p) => p.name === "comment").map((p) => this.plainText(p)),
      commentLines: num(a, "comment-lines") ?? 0,
      signer: this.signature(signer),
    }];
  }

  image(el: TreeElement): Image[] {
    const a = this.attrs(named(el, "image"));
    this.empty(el);
    const ref = str(a, "ref");
    const widthCm = num(a, "width");
    const heightCm = num(a, "height");
    if (ref === undefined || widthCm === undefined || heightCm === undefined) return [];
    return [{ type: "image", ref, widthCm, heightCm, ...opt("align", str(a, "align") as Align | undefined) }];
  }

  /** Text-only elements (<position>, <option>, <comment>): the model keeps them as plain strings. */
  plainText(el: TreeElement): string {
    this.attrs(named(el, el.name as ElementName));
    let text = "";
    for (const c of el.children) {
      if (c.kind === "text") text += c.text;
      else this.fail("E_TEMPLATE_ELEMENT", `<${el.name}> holds plain text only, found <${c.name}>`, c.line,
        { type: "element", name: c.name }, c.name);
    }
    return collapseText(text);
  }

  empty(el: TreeElement): void {
    this.children(el.children, `<${el.name}>`, []);
  }

  runs(el: TreeElement): ReturnType<typeof normalizeRuns> {
    const pieces: Piece[] = [];
    this.collect(el.children, {}, `<${el.name}>`, pieces);
    return normalizeRuns(pieces);
  }

  collect(nodes: readonly TreeNode[], style: RunStyle, where: string, out: Piece[]): void {
    for (const n of nodes) {
      if (n.kind === "text") {
        out.push({ text: n.text, style });
        continue;
      }
      if (!this.allowed(n, where, CONTENT.inline)) continue;
      const a = this.attrs(named(n, n.name as ElementName));
      const inner: RunStyle =
        n.name === "b" ? { ...style, bold: true }
        : n.name === "i" ? { ...style, italic: true }
        : n.name === "u" ? { ...style, underline: true }
        : { ...style, ...opt("sizePt", num(a, "pt")) };
      this.collect(n.children, inner, where, out);
    }
  }
}

function named<N extends ElementName>(el: TreeElement, _name: N): TreeElement & { name: N } {
  return el as TreeElement & { name: N };
}

function str(a: Attrs, name: string): string | undefined {
  const v = a.get(name);
  return typeof v === "string" ? v : undefined;
}

function num(a: Attrs, name: string): number | undefined {
  const v = a.get(name);
  return typeof v === "number" ? v : undefined;
}

function bool(a: Attrs, name: string): boolean | undefined {
  const v = a.get(name);
  return typeof v === "boolean" ? v : undefined;
}

/** Optional fields are left out rather than set to undefined, so models compare equal to golden JSON. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
