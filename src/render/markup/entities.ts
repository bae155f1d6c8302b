/**
 * Entity decoding for the markup. Only what Handlebars' escapeExpression
 * writes (so escaped user text comes back exactly as typed) plus numeric
 * references (&#160; for a no-break space). Anything else is a template bug.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
};

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/y;

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly bad: string };

export function decodeEntities(raw: string): DecodeResult {
  if (!raw.includes("&")) return { ok: true, text: raw };
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf("&", i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(raw);
    const body = m?.[1];
    const ch = body === undefined ? undefined : decodeOne(body);
    if (ch === undefined) return { ok: false, bad: raw.slice(amp, amp + 12).split(/\s/)[0] ?? "&" };
    out += ch;
    i = amp + (m?.[0].length ?? 1);
  }
  return { ok: true, text: out };
}

function decodeOne(body: string): string | undefined {
  if (body.startsWith("#")) {
    const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // Control characters and surrogates cannot be printed in a document.
    if (!(code >= 0x20 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x7f && code < 0xa0)) {
      return undefined;
    }
    return String.fromCodePoint(code);
  }
  return NAMED[body];
}
