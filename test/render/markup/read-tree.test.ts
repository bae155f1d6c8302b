/**
 * The markup reader scans character codes (src/render/markup/read-tree.ts); it
 * used sticky regular expressions. The reference below is that reader, kept
 * as the oracle: on random markup both give the same tree or the same error.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeEntities } from "../../../src/render/markup/entities.js";
import { isSpace, readTree, type ReadTreeResult, type TreeAttr, type TreeNode } from "../../../src/render/markup/read-tree.js";

interface Open {
  readonly name: string;
  readonly attrs: TreeAttr[];
  readonly children: TreeNode[];
  readonly line: number;
}

/** The reader as it was (regular expressions), errors included. */
function referenceTree(text: string): ReadTreeResult {
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

describe("the markup reader", () => {
  test("its space is a regular expression's \\s, for every UTF-16 code unit", () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) throw new Error(`U+${c.toString(16)}`);
    }
  });

  test("random markup: the same tree, or the same error at the same line, as the regular-expression reader", () => {
    // Mostly well-formed pieces, so that reading goes on long enough to meet the odd one.
    const good = fc.constantFrom(
      "<p>", "</p>", "<b>", "</b>", "<td>", "</td>", "<p/>", "<size pt=\"14\">", "</size>", '<td align="center">', '<td  a="1"\tb="2" >',
      '<td a="1"\u00a0b="2"/>', '<p x="&amp;&#160;">', '<td data-x9="ก">', " ", "\n", "\r\n", "ก", "ผู้อำนวยการ", "text &amp; &lt;", "a-b",
    );
    const odd = fc.constantFrom(
      "<td", "<td ", "</ p>", "<1", "<", "</", ">", "/>", "/", "=", '"', '="', "\t", "\u2028", "\u180e", "\ufeff", "\u3000",
      ' a="1" a="2"', '<td x="a<b">', '<td x="a>b">', '<td x="&bad;">', "<td x=>", "<td x='1'>", '<td X="1">', '<td a="1"b="2">', '<td a="1"/ >',
      '<td\u2028a="1">', '<td\u180ea="1">', "&bad;", "&", "</b >", "</b\n>",
    );
    const piece = fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: odd, weight: 1 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join("");
        expect(readTree(text)).toEqual(referenceTree(text));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});
