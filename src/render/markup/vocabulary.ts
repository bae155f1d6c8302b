/**
 * The closed vocabulary, enforced: which elements may stand where, which
 * attributes each takes and of what type (elements.ts). Every problem is
 * collected, not only the first; positions are resolved later (locate.ts).
 */
import type { MarkupErrorCode } from "../errors.js";
import { ELEMENTS, isElementName, parseAttrValue, type AttrSpec, type AttrsOf, type AttrType, type AttrValue, type ElementName, type ParsedAttr } from "./elements.js";
import type { Needle } from "./locate.js";
import type { TreeElement, TreeNode } from "./read-tree.js";
import { collapseText } from "./runs.js";

export interface BuildError {
  readonly code: MarkupErrorCode;
  readonly message: string;
  /** Output line, for the message only. */
  readonly line: number;
  readonly needle: Needle;
  readonly element?: string;
  readonly attribute?: string;
}

/** An element whose name has been checked to be one of `N`; a union for several, so a switch on the name narrows it. */
export type Named<N extends ElementName> = N extends ElementName ? TreeElement & { readonly name: N } : never;

/** Each element's required attribute names, listed once: attrs() runs for every element of every document. */
const REQUIRED = new WeakMap<object, readonly string[]>();

function requiredOf(spec: Readonly<Record<string, AttrSpec>>): readonly string[] {
  let names = REQUIRED.get(spec);
  if (!names) REQUIRED.set(spec, (names = Object.entries(spec).filter(([, s]) => s.required).map(([n]) => n)));
  return names;
}

/**
 * Parsed attribute values by type and text: the same few texts (align="center", widths="4.2 1.4 5.4", pt="6",
 * shaded="true") come in every document, and a number is read by a trim, a digit replace and a regular
 * expression. The values are immutable (a numbers list is only read: the model is given copies of it), so one
 * result serves every element. Bounded per type: a value from the data (a rowspan, a title) fills it once.
 */
const PARSED = new WeakMap<AttrType, Map<string, ParsedAttr>>();
const PARSED_PER_TYPE = 512;

function cachedAttrValue(raw: string, type: AttrType): ParsedAttr {
  let byText = PARSED.get(type);
  if (!byText) PARSED.set(type, (byText = new Map()));
  let v = byText.get(raw);
  if (v === undefined) {
    v = parseAttrValue(raw, type);
    // Shared by every element and document from now on: frozen, so a change in place fails instead of leaking.
    if (Array.isArray(v)) Object.freeze(v);
    if (byText.size < PARSED_PER_TYPE) byText.set(raw, v);
  }
  return v;
}

function hasAttr(el: TreeElement, name: string): boolean {
  for (let i = 0; i < el.attrs.length; i++) if (el.attrs[i]!.name === name) return true;
  return false;
}

export class VocabularyChecker {
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
  children<N extends ElementName>(nodes: readonly TreeNode[], where: string, allowed: readonly N[]): Named<N>[] {
    const out: Named<N>[] = [];
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

  allowed<N extends ElementName>(el: TreeElement, where: string, allowed: readonly N[]): el is Named<N> {
    if ((allowed as readonly string[]).includes(el.name)) return true;
    const what = isElementName(el.name) ? `<${el.name}> is not allowed inside ${where}` : `unknown element <${el.name}>`;
    this.fail("E_TEMPLATE_ELEMENT", `${what}; allowed here: ${allowed.map((a) => `<${a}>`).join(" ")}`, el.line, {
      type: "element",
      name: el.name,
    }, el.name);
    return false;
  }

  /** Validated attribute values; unknown, missing and malformed ones are reported and left out. */
  attrs<N extends ElementName>(el: Named<N>): AttrsOf<N> {
    const spec: Readonly<Record<string, AttrSpec>> = ELEMENTS[el.name].attrs;
    const out: Record<string, AttrValue> = {};
    // Most elements (a cell's <p>, <td>, <tr>, <b>) are written without attributes: nothing to parse then, only the required ones to report.
    if (el.attrs.length === 0) {
      for (const name of requiredOf(spec)) this.fail("E_TEMPLATE_ATTRIBUTE", `<${el.name}> needs the attribute ${name}`, el.line, { type: "element", name: el.name }, el.name, name);
      return out as AttrsOf<N>;
    }
    for (const a of el.attrs) {
      const s = spec[a.name];
      if (!s) {
        const names = Object.keys(spec);
        const allowed = names.length ? `allowed: ${names.join(", ")}` : "it takes no attributes";
        this.fail("E_TEMPLATE_ATTRIBUTE", `unknown attribute ${a.name} on <${el.name}>; ${allowed}`, el.line, { type: "attribute", element: el.name, name: a.name }, el.name, a.name);
        continue;
      }
      // Texts and names need no parsing (most attributes); the rest go through a cache of parsed values.
      if (s.type.kind === "string") {
        out[a.name] = a.value;
        continue;
      }
      const v = cachedAttrValue(a.value, s.type);
      if (v.ok) out[a.name] = v.value;
      else this.fail("E_TEMPLATE_ATTRIBUTE", `<${el.name} ${a.name}>: ${v.reason}`, el.line, { type: "attribute", element: el.name, name: a.name, value: a.value }, el.name, a.name);
    }
    for (const name of requiredOf(spec)) {
      if (!hasAttr(el, name)) {
        this.fail("E_TEMPLATE_ATTRIBUTE", `<${el.name}> needs the attribute ${name}`, el.line, { type: "element", name: el.name }, el.name, name);
      }
    }
    // The one cast: every value kept was parsed by parseAttrValue against this element's own spec.
    return out as AttrsOf<N>;
  }

  /** An element that takes no content: anything inside is reported. */
  empty(el: TreeElement): void {
    this.children(el.children, `<${el.name}>`, []);
  }

  /** Text-only elements (<position>, <option>, <comment>): the model keeps them as plain strings. */
  plainText(el: Named<"position" | "option" | "comment">): string {
    this.attrs(el);
    let text = "";
    for (const c of el.children) {
      if (c.kind === "text") text += c.text;
      else this.fail("E_TEMPLATE_ELEMENT", `<${el.name}> holds plain text only, found <${c.name}>`, c.line,
        { type: "element", name: c.name }, c.name);
    }
    return collapseText(text);
  }
}
