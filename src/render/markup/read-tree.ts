/**
 * Step one of reading the markup: text → a tree of elements and text, with
 * the output line of each node. Knows the syntax (tags, attributes, entities)
 * but not which elements exist; elements.ts and build-model.ts decide that.
 */
import { ELEMENTS } from "./elements.js";
import { decodeEntities } from "./entities.js";
import type { Needle } from "./locate.js";

export interface TreeAttr {
  readonly name: string;
  /** Entities already decoded. */
  readonly value: string;
}

export interface TreeElement {
  readonly kind: "element";
  readonly name: string;
  readonly attrs: readonly TreeAttr[];
  readonly children: readonly TreeNode[];
  /** 1-based line in the rendered output (for messages only). */
  readonly line: number;
}

export interface TreeText {
  readonly kind: "text";
  /**
   * Entities already decoded; whitespace not yet collapsed, except that a text of spaces, tabs and line ends
   * only (the template's indentation between tags) is read as one space, what it collapses to everywhere (runs.ts,
   * vocabulary.ts): no copy is made of it.
   */
  readonly text: string;
  readonly line: number;
}

export type TreeNode = TreeElement | TreeText;

/** A syntax problem, located later in the template sources through its needle. */
export interface TreeError {
  readonly message: string;
  readonly line: number;
  readonly needle: Needle;
  readonly element?: string;
}

export type ReadTreeResult =
  | { readonly ok: true; readonly roots: readonly TreeNode[] }
  | { readonly ok: false; readonly error: TreeError };

/** An element being read: the same object becomes the tree's node when it closes (its children array filled in place). */
interface OpenElement {
  readonly kind: "element";
  readonly name: string;
  readonly attrs: readonly TreeAttr[];
  readonly children: TreeNode[];
  readonly line: number;
}

/** Children and attributes of an element written without any (a self-closing tag; <td>, <b>): one shared empty list. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * The vocabulary's element and attribute names by first letter, so that a name read from the markup is the
 * listed string rather than a fresh copy cut from it (a document has thousands of <td>, <p>, align=…). Only a
 * matter of copies: which names exist is still decided by elements.ts and vocabulary.ts, and any other name
 * is cut from the text as before.
 */
const NAMES_BY_LETTER: readonly (readonly string[])[] = (() => {
  const names = new Set<string>();
  for (const [element, spec] of Object.entries(ELEMENTS)) {
    names.add(element);
    for (const attr of Object.keys(spec.attrs)) names.add(attr);
  }
  const byLetter: string[][] = Array.from({ length: 26 }, () => []);
  for (const name of names) byLetter[name.charCodeAt(0) - 97]?.push(name);
  return byLetter;
})();

/** The name text[start, end) (a name: its first character is a-z). */
function nameAt(text: string, start: number, end: number): string {
  const length = end - start;
  const names = NAMES_BY_LETTER[text.charCodeAt(start) - 97] ?? NONE;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name.length === length && text.startsWith(name, start)) return name;
  }
  return text.slice(start, end);
}

/** Whether text[start, end) is all spaces, tabs and line ends (the whitespace runs.ts collapses), and not empty. */
function onlyLayoutSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 10 || c === 9 || c === 13 || c === 12)) return false;
  }
  return end > start;
}

// The syntax is read by scanning character codes: a name is [a-z][a-z0-9-]*, an attribute
// \s*name="value" (no " or < in the value), a tag ends in optional space, an optional / and >
// (space as \s in a regular expression). These were sticky regular expressions, whose every
// exec made a match array; the reader runs over every character of every document's markup.

/** JavaScript's \s (white space and line terminators), by code unit. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where the name starting at `at` ends; `at` itself when no name starts there. */
function nameEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (!(c >= 97 && c <= 122)) return at;
  let i = at + 1;
  for (;;) {
    const d = text.charCodeAt(i);
    if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 45) i++;
    else return i;
  }
}

function spacesEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The closing quote of an attribute value that starts at `at`, or -1 (a < or the end of the text first). */
function valueEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i;
    if (c === 60) return -1;
  }
  return -1;
}

export function readTree(text: string): ReadTreeResult {
  const root: OpenElement = { kind: "element", name: "", attrs: NONE, children: [], line: 1 };
  const stack: OpenElement[] = [root];
  let pos = 0;
  let line = 1;
  // Lines counted by jumping from one newline to the next (indexOf) rather than testing every character;
  // the next newline is kept, so the text is searched once in all however many steps the reading takes.
  let newline = text.indexOf("\n");
  const advanceTo = (next: number): void => {
    while (newline >= 0 && newline < next) {
      line++;
      newline = text.indexOf("\n", newline + 1);
    }
    pos = next;
  };
  // The next & likewise: a text or attribute value with none before its end is taken as it is, not decoded.
  let amp = text.indexOf("&");
  const ampBefore = (from: number, end: number): boolean => {
    if (amp >= 0 && amp < from) amp = text.indexOf("&", from);
    return amp >= 0 && amp < end;
  };
  const fail = (message: string, needle: Needle, element?: string): ReadTreeResult => ({
    ok: false,
    error: element === undefined ? { message, line, needle } : { message, line, needle, element },
  });

  while (pos < text.length) {
    const top = stack[stack.length - 1] ?? root;
    const lt = text.indexOf("<", pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const startLine = line;
      let value: string;
      if (onlyLayoutSpace(text, pos, textEnd)) value = " ";
      else if (!ampBefore(pos, textEnd)) value = text.slice(pos, textEnd);
      else {
        const decoded = decodeEntities(text.slice(pos, textEnd));
        if (!decoded.ok) {
          advanceTo(textEnd);
          return fail(`unknown or malformed entity ${decoded.bad} (write &amp; for a literal &)`, {
            type: "literal",
            text: decoded.bad,
          });
        }
        value = decoded.text;
      }
      advanceTo(textEnd);
      top.children.push({ kind: "text", text: value, line: startLine });
      continue;
    }

    if (text.startsWith("</", pos)) {
      const end = nameEnd(text, pos + 2);
      const name = end === pos + 2 ? undefined : nameAt(text, pos + 2, end);
      if (name === undefined || text.charCodeAt(end) !== 62 /* > */) {
        return fail("malformed closing tag", { type: "literal", text: text.slice(pos, pos + 12) });
      }
      if (stack.length === 1 || top.name !== name) {
        const message =
          stack.length === 1
            ? `closing tag </${name}> without an opening tag`
            : `closing tag </${name}> does not match the open <${top.name}> (output line ${top.line})`;
        return fail(message, { type: "literal", text: `</${name}>` }, name);
      }
      stack.pop();
      (stack[stack.length - 1] ?? root).children.push(top);
      advanceTo(end + 1);
      continue;
    }

    const nameTo = nameEnd(text, pos + 1);
    const name = nameTo === pos + 1 ? undefined : nameAt(text, pos + 1, nameTo);
    if (name === undefined) {
      return fail("a '<' that does not start a tag (write &lt; for a literal <)", {
        type: "literal",
        text: text.slice(pos, pos + 2),
      });
    }
    const tagLine = line;
    let cursor = nameTo;
    let attrs: TreeAttr[] | undefined;
    for (;;) {
      const after = spacesEnd(text, cursor);
      const selfClosing = text.charCodeAt(after) === 47; /* / */
      const gt = selfClosing ? after + 1 : after;
      if (text.charCodeAt(gt) === 62 /* > */) {
        if (selfClosing) {
          top.children.push({ kind: "element", name, attrs: attrs ?? NONE, children: NONE, line: tagLine });
        } else {
          stack.push({ kind: "element", name, attrs: attrs ?? NONE, children: [], line: tagLine });
        }
        advanceTo(gt + 1);
        break;
      }
      const attrTo = nameEnd(text, after);
      const quoted = attrTo > after && text.charCodeAt(attrTo) === 61 /* = */ && text.charCodeAt(attrTo + 1) === 34; /* " */
      const close = quoted ? valueEnd(text, attrTo + 2) : -1;
      if (close < 0 || !isSpace(text.charCodeAt(cursor))) {
        advanceTo(cursor);
        return fail(
          `malformed tag <${name}>: attributes are name="value" separated by spaces`,
          { type: "element", name },
          name,
        );
      }
      const attrName = nameAt(text, after, attrTo);
      let value: string;
      if (!ampBefore(attrTo + 2, close)) value = text.slice(attrTo + 2, close);
      else {
        const decoded = decodeEntities(text.slice(attrTo + 2, close));
        if (!decoded.ok) {
          return fail(`unknown or malformed entity ${decoded.bad} in attribute ${attrName}`, { type: "literal", text: decoded.bad }, name);
        }
        value = decoded.text;
      }
      if (attrs?.some((x) => x.name === attrName)) {
        return fail(`attribute ${attrName} given twice on <${name}>`, { type: "attribute", element: name, name: attrName }, name);
      }
      (attrs ??= []).push({ name: attrName, value });
      cursor = close + 1;
    }
  }

  const unclosed = stack[stack.length - 1];
  if (stack.length > 1 && unclosed) {
    return fail(`<${unclosed.name}> (output line ${unclosed.line}) is never closed`, { type: "element", name: unclosed.name }, unclosed.name);
  }
  return { ok: true, roots: root.children };
}
