/**
 * The markup reader as it was before it scanned character codes (sticky regular expressions, every text kept as
 * written): the oracle of test/render/markup/read-tree.test.ts and, through it, of the whole render path
 * (test/render/render-equivalence.test.ts).
 */
import { decodeEntities } from "../../src/render/markup/entities.js";
import type { ReadTreeResult, TreeAttr, TreeNode } from "../../src/render/markup/read-tree.js";

interface Open {
  readonly name: string;
  readonly attrs: TreeAttr[];
  readonly children: TreeNode[];
  readonly line: number;
}

/** The reader as it was (regular expressions), errors included. */
export function referenceTree(text: string): ReadTreeResult {
  const NAME = /[a-z][a-z0-9-]*/y;
  const ATTR = /\s*([a-z][a-z0-9-]*)="([^"<]*)"/y;
  const TAG_END = /\s*(\/?)>/y;
  const root: Open = { name: "", attrs: [], children: [], line: 1 };
  const stack: Open[] = [root];
  let pos = 0;
  let line = 1;
  const advanceTo = (next: number): void => {
    for (let k = pos; k < next; k++) if (text.charCodeAt(k) === 10) line++;
    pos = next;
  };
  const fail = (message: string, needle: unknown, element?: string): ReadTreeResult =>
    ({ ok: false, error: element === undefined ? { message, line, needle } : { message, line, needle, element } }) as ReadTreeResult;
  while (pos < text.length) {
    const top = stack[stack.length - 1]!;
    const lt = text.indexOf("<", pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const decoded = decodeEntities(text.slice(pos, textEnd));
      const startLine = line;
      advanceTo(textEnd);
      if (!decoded.ok) return fail(`unknown or malformed entity ${decoded.bad} (write &amp; for a literal &)`, { type: "literal", text: decoded.bad });
      top.children.push({ kind: "text", text: decoded.text, line: startLine });
      continue;
    }
    if (text.startsWith("</", pos)) {
      NAME.lastIndex = pos + 2;
      const name = NAME.exec(text)?.[0];
      const end = name === undefined ? -1 : pos + 2 + name.length;
      if (name === undefined || text[end] !== ">") return fail("malformed closing tag", { type: "literal", text: text.slice(pos, pos + 12) });
      if (stack.length === 1 || top.name !== name) {
        const message = stack.length === 1 ? `closing tag </${name}> without an opening tag` : `closing tag </${name}> does not match the open <${top.name}> (output line ${top.line})`;
        return fail(message, { type: "literal", text: `</${name}>` }, name);
      }
      stack.pop();
      stack[stack.length - 1]!.children.push({ kind: "element", name: top.name, attrs: top.attrs, children: top.children, line: top.line });
      advanceTo(end + 1);
      continue;
    }
    NAME.lastIndex = pos + 1;
    const name = NAME.exec(text)?.[0];
    if (name === undefined) return fail("a '<' that does not start a tag (write &lt; for a literal <)", { type: "literal", text: text.slice(pos, pos + 2) });
    const tagLine = line;
    let cursor = pos + 1 + name.length;
    const attrs: TreeAttr[] = [];
    for (;;) {
      TAG_END.lastIndex = cursor;
      const close = TAG_END.exec(text);
      if (close) {
        if (close[1] === "/") top.children.push({ kind: "element", name, attrs, children: [], line: tagLine });
        else stack.push({ name, attrs, children: [], line: tagLine });
        advanceTo(TAG_END.lastIndex);
        break;
      }
      ATTR.lastIndex = cursor;
      const a = ATTR.exec(text);
      if (!a || !/\s/.test(text[cursor] ?? "")) {
        advanceTo(cursor);
        return fail(`malformed tag <${name}>: attributes are name="value" separated by spaces`, { type: "element", name }, name);
      }
      const attrName = a[1] ?? "";
      const value = decodeEntities(a[2] ?? "");
      if (!value.ok) return fail(`unknown or malformed entity ${value.bad} in attribute ${attrName}`, { type: "literal", text: value.bad }, name);
      if (attrs.some((x) => x.name === attrName)) return fail(`attribute ${attrName} given twice on <${name}>`, { type: "attribute", element: name, name: attrName }, name);
      attrs.push({ name: attrName, value: value.text });
      cursor = ATTR.lastIndex;
    }
  }
  const unclosed = stack[stack.length - 1]!;
  if (stack.length > 1) return fail(`<${unclosed.name}> (output line ${unclosed.line}) is never closed`, { type: "element", name: unclosed.name }, unclosed.name);
  return { ok: true, roots: root.children };
}

