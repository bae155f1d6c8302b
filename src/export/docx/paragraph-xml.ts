/**
 * w:p and its w:pPr as XML text, for the body's paragraphs and for the
 * styles in styles.xml. Properties are written in the order CT_PPr
 * requires (Word rejects a file whose order is wrong), attributes in the
 * order docx.js wrote them, so files keep the shape earlier versions had.
 */
export type TabType = "left" | "center" | "right";

export interface TabStop {
  readonly type: TabType;
  readonly position: number;
  readonly leader?: "dot";
}

export interface Spacing {
  readonly before?: number;
  readonly after?: number;
  readonly line?: number;
  readonly lineRule?: "auto" | "exact" | "atLeast";
}

export interface Indent {
  readonly left?: number;
  readonly hanging?: number;
  readonly firstLine?: number;
}

export interface ParagraphProps {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly tabs?: readonly TabStop[];
  readonly spacing?: Spacing;
  readonly indent?: Indent;
  /** A w:jc value: left, center, right, thaiDistribute. */
  readonly align?: string;
  /** w:outlineLvl: 0 for a level-1 heading (styles.xml). */
  readonly outlineLevel?: number;
  /** The paragraph mark's w:rPr (from rPr()). */
  readonly markRun?: string;
}

const onOff = (name: string, on: boolean): string => (on ? `<w:${name}/>` : `<w:${name} w:val="false"/>`);

function attr(name: string, value: number | string | undefined): string {
  return value === undefined ? "" : ` w:${name}="${value}"`;
}

export function pPrContent(p: ParagraphProps): string {
  let out = "";
  if (p.style !== undefined) out += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext !== undefined) out += onOff("keepNext", p.keepNext);
  if (p.keepLines !== undefined) out += onOff("keepLines", p.keepLines);
  if (p.tabs !== undefined && p.tabs.length > 0) {
    out += "<w:tabs>";
    for (const t of p.tabs) out += `<w:tab w:val="${t.type}" w:pos="${t.position}"${attr("leader", t.leader)}/>`;
    out += "</w:tabs>";
  }
  const s = p.spacing;
  if (s !== undefined) out += `<w:spacing${attr("after", s.after)}${attr("before", s.before)}${attr("line", s.line)}${attr("lineRule", s.lineRule)}/>`;
  const i = p.indent;
  if (i !== undefined) out += `<w:ind${attr("left", i.left)}${attr("hanging", i.hanging)}${attr("firstLine", i.firstLine)}/>`;
  if (p.align !== undefined) out += `<w:jc w:val="${p.align}"/>`;
  if (p.outlineLevel !== undefined) out += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  if (p.markRun !== undefined) out += p.markRun;
  return out;
}

/** A paragraph from its properties and its runs' XML; `<w:p/>` when it has neither. */
export function paragraphXml(p: ParagraphProps, runs: string): string {
  const props = pPrContent(p);
  if (props === "" && runs === "") return "<w:p/>";
  return `<w:p>${props === "" ? "" : `<w:pPr>${props}</w:pPr>`}${runs}</w:p>`;
}

/**
 * Ends a section on this paragraph: w:sectPr goes last in its w:pPr. The
 * paragraph must be one paragraphXml wrote (its first w:pPr is its own).
 */
export function withSectionProperties(paragraph: string, sectPr: string): string {
  if (paragraph === "<w:p/>") return `<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  if (paragraph.startsWith("<w:p><w:pPr>")) {
    const end = paragraph.indexOf("</w:pPr>");
    return paragraph.slice(0, end) + sectPr + paragraph.slice(end);
  }
  return `<w:p><w:pPr>${sectPr}</w:pPr>${paragraph.slice("<w:p>".length)}`;
}
