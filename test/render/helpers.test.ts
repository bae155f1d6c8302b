import { describe, expect, test } from "vitest";
import { createRenderer } from "../../src/render/handlebars.js";
import { HelperError, MissingFieldError } from "../../src/render/helpers.js";

const hb = createRenderer();

function render(template: string, data: Record<string, unknown>): string {
  return hb.compile(template, { strict: true })(data);
}

const both = (template: string, data: Record<string, unknown>) => [
  render(template, { ...data, numerals: "thai" }),
  render(template, { ...data, numerals: "arabic" }),
];

describe("formatting helpers follow @root.numerals", () => {
  test("t converts digits in text but keeps Latin+digit codes", () => {
    expect(both("{{t x}}", { x: "ปี 2563 ข้อ O17 ได้ ๙๒.๔๔" })).toEqual([
      "ปี ๒๕๖๓ ข้อ O17 ได้ ๙๒.๔๔",
      "ปี 2563 ข้อ O17 ได้ 92.44",
    ]);
  });

  test("t escapes markup-looking user text", () => {
    expect(render("{{t x}}", { numerals: "arabic", x: '<b>{{y}}</b> & "q"' })).toBe("&lt;b&gt;{{y}}&lt;/b&gt; &amp; &quot;q&quot;");
  });

  test("n prints integers as they are and fractions per decimals", () => {
    expect(both("{{n a}}|{{n b}}|{{n c decimals=2}}|{{n a decimals=2}}|{{n d}}", { a: 12, b: 2.5, c: 1.005, d: "๔๕" })).toEqual([
      "๑๒|๒.๕|๑.๐๑|๑๒|๔๕",
      "12|2.5|1.01|12|45",
    ]);
  });

  test("score and percent print two decimals by default", () => {
    expect(both("{{score a}} {{score b}} {{percent c}} {{percent c decimals=1}}", { a: 100, b: 92.444, c: 36.666 })).toEqual([
      "๑๐๐.๐๐ ๙๒.๔๔ ๓๖.๖๗% ๓๖.๗%",
      "100.00 92.44 36.67% 36.7%",
    ]);
  });

  test("date takes a ThaiDate, a Thai date string or an ISO date with a Christian-era year", () => {
    const data = { a: { year: 2563, month: 9, day: 29 }, b: "2020-10-07", c: "29 ก.ย. 2563" };
    expect(both('{{date a}}|{{date b style="short"}}|{{date c}}', data)).toEqual([
      "๒๙ กันยายน ๒๕๖๓|๗ ต.ค. ๖๓|๒๙ กันยายน ๒๕๖๓",
      "29 กันยายน 2563|7 ต.ค. 63|29 กันยายน 2563",
    ]);
  });

  test("baht writes the amount in words", () => {
    expect(render("{{baht x}}", { numerals: "thai", x: 1234.5 })).toBe("หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์");
  });

  test("null prints as nothing", () => {
    expect(render("[{{t a}}{{n a}}{{score a}}{{date a}}]", { numerals: "thai", a: null })).toBe("[]");
  });

  test("without @root.numerals digits are Thai", () => {
    expect(render("{{n 7}}", {})).toBe("๗");
  });
});

describe("logic helpers", () => {
  test("comparisons", () => {
    const out = render("{{eq a 1}} {{ne a 1}} {{lt a 2}} {{lte a 1}} {{gt a 1}} {{gte a 1}}", { a: 1 });
    expect(out).toBe("true false true true false true");
  });

  test("and/or/not use #if truth (0, empty string and empty list are false)", () => {
    expect(render("{{and a b}} {{and a c}} {{or c d e}} {{or c a}} {{not e}}", { a: 1, b: "x", c: 0, d: "", e: [] })).toBe(
      "true false false true true",
    );
  });

  test("inc, join, lines, default", () => {
    const t = "{{#each xs}}{{n (inc @index)}}.{{this}} {{/each}}|{{join ys \" / \"}}|{{#each (lines zs)}}[{{this}}]{{/each}}|{{default u \"-\"}}{{default v \"-\"}}";
    expect(render(t, { numerals: "thai", xs: ["a", "b"], ys: ["O1", "ข้อ 2"], zs: "แรก\r\nสอง\n\n", u: null, v: "มี" })).toBe(
      "๑.a ๒.b |O1 / ข้อ ๒|[แรก][สอง]|-มี",
    );
    expect(render("{{#each (lines zs)}}[{{this}}]{{/each}}", { zs: ["a", "b"] })).toBe("[a][b]");
  });
});

describe("bad values", () => {
  test.each([
    ["{{n x}}", { x: "abc" }],
    ["{{score x}}", { x: { a: 1 } }],
    ["{{date x}}", { x: "31/02/2563" }],
    ['{{date x style="long"}}', { x: "2563-01-01" }],
    ["{{baht x}}", { x: -1 }],
    ["{{t x}}", { x: { a: 1 } }],
    ["{{join x}}", { x: "not a list" }],
    ["{{n x decimals=1.5}}", { x: 1.25 }],
  ])("%s throws a HelperError with the template line", (template, data) => {
    const run = () => render(`\n\n${template}`, { numerals: "thai", ...data });
    expect(run).toThrow(HelperError);
    try {
      run();
    } catch (e) {
      expect((e as HelperError).templateLine).toBe(3);
    }
  });
});

describe("absent fields (undefined) versus explicit null", () => {
  test.each(["{{t x}}", "{{n x}}", "{{score x}}", "{{percent x}}", "{{date x}}", "{{baht x}}", "{{inc x}}", "{{join x}}", "{{#each (lines x)}}{{/each}}", "{{#each x}}{{/each}}"])(
    "%s with an absent field throws MissingFieldError",
    (template) => {
      expect(() => render(template, {})).toThrow(MissingFieldError);
    },
  );

  test("logic helpers and #if accept an absent field so optional data can be tested", () => {
    expect(render('{{#if x}}a{{/if}}{{eq x 1}} {{and x 1}} {{not x}} {{default x "-"}} {{#each y}}{{/each}}.', { y: null })).toBe(
      "false false true - .",
    );
  });
});

test("helpers return plain strings, so Handlebars escapes their output", () => {
  expect(render("{{join xs}}", { numerals: "arabic", xs: ["<p>", "&"] })).toBe("&lt;p&gt;, &amp;");
});

test("each renderer is isolated and has no console-writing log helper", () => {
  const other = createRenderer();
  other.registerHelper("extra", () => "x");
  expect(Object.keys(hb.helpers)).not.toContain("extra");
  expect(Object.keys(hb.helpers)).not.toContain("log");
});
