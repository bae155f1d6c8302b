/**
 * Step one of reading the markup: text → a tree of elements and text, with
 * the output line of each node. Knows the syntax (tags, attributes, entities)
 * but not which elements exist; elements.ts and build-model.ts decide that.
 */
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
  /** Entities already decoded; whitespace not yet collapsed. */
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

interface OpenElement {
  readonly name: string;
  readonly attrs: TreeAttr[];
  readonly children: TreeNode[];
  readonly line: number;
}

const NAME = /[a-z][a-z0-9-]*/y;
const ATTR = /\s*([a-z][a-z0-9-]*)="([^"<]*)"/y;
const TAG_END = /\s*(\/?)>/y;

export function readTree(text: string): ReadTreeResult {
  const root: OpenElement = { name: "", attrs: [], children: [], line: 1 };
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
  const fail = (message: string, needle: Needle, element?: string): ReadTreeResult => ({
    ok: false,
    error: element === undefined ? { message, line, needle } : { message, line, needle, element },
  });

  while (pos < text.length) {
    const top = stack[stack.length - 1] ?? root;
    const lt = text.indexOf("<", pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const raw = text.slice(pos, textEnd);
      const decoded = decodeEntities(raw);
      const startLine = line;
      advanceTo(textEnd);
      if (!decoded.ok) {
        return fail(`unknown or malformed entity ${decoded.bad} (write &amp; for a literal &)`, {
          type: "literal",
          text: decoded.bad,
        });
      }
      top.children.push({ kind: "text", text: decoded.text, line: startLine });
      continue;
    }

    if (text.startsWith("</", pos)) {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(text);
      const name = m?.[0];
      const end = name === undefined ? -1 : pos + 2 + name.length;
      if (name === undefined || text[end] !== ">") {
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
      const parent = stack[stack.length - 1] ?? root;
      parent.children.push({ kind: "element", name: top.name, attrs: top.attrs, children: top.children, line: top.line });
      advanceTo(end + 1);
      continue;
    }

    NAME.lastIndex = pos + 1;
    const m = NAME.exec(text);
    const name = m?.[0];
    if (name === undefined) {
      return fail("a '<' that does not start a tag (write &lt; for a literal <)", {
        type: "literal",
        text: text.slice(pos, pos + 2),
      });
    }
    const tagLine = line;
    let cursor = pos + 1 + name.length;
    const attrs: TreeAttr[] = [];
    for (;;) {
      TAG_END.lastIndex = cursor;
      const close = TAG_END.exec(text);
      if (close) {
        const el: OpenElement = { name, attrs, children: [], line: tagLine };
        if (close[1] === "/") {
          top.children.push({ kind: "element", name, attrs, children: [], line: tagLine });
        } else {
          stack.push(el);
        }
        advanceTo(TAG_END.lastIndex);
        break;
      }
      ATTR.lastIndex = cursor;
      const a = ATTR.exec(text);
      if (!a || !/\s/.test(text[cursor] ?? "")) {
        advanceTo(cursor);
        return fail(
          `malformed tag <${name}>: attributes are name="value" separated by spaces`,
          { type: "element", name },
          name,
        );
      }
      const attrName = a[1] ?? "";
      const value = decodeEntities(a[2] ?? "");
      if (!value.ok) {
        return fail(`unknown or malformed entity ${value.bad} in attribute ${attrName}`, { type: "literal", text: value.bad }, name);
      }
      if (attrs.some((x) => x.name === attrName)) {
        return fail(`attribute ${attrName} given twice on <${name}>`, { type: "attribute", element: name, name: attrName }, name);
      }
      attrs.push({ name: attrName, value: value.text });
      cursor = ATTR.lastIndex;
    }
  }

  const unclosed = stack[stack.length - 1];
  if (stack.length > 1 && unclosed) {
    return fail(`<${unclosed.name}> (output line ${unclosed.line}) is never closed`, { type: "element", name: unclosed.name }, unclosed.name);
  }
  return { ok: true, roots: root.children };
}
