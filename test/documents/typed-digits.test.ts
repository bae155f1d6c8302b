/**
 * `numerals: typed` on a heading, paragraphs or table part: the clerk's text
 * keeps its digits as typed, Thai and Arabic mixed in one line, as real
 * documents print them (docs/generality.md, ban-pao: "4 ปี (พ.ศ. 2561 – 2564)
 * … ๔ มิติ" and a table of ๑.๑ and 1.1.1). Before it, a part printed every
 * digit one way and one of the two came out in the other script.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diag/format.js";
import { createRenderer } from "../../src/render/handlebars.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { loadFolder, ROOT } from "../helpers/load-example.js";
import { modelParagraphs } from "../helpers/model-text.js";
import { editedYaml } from "../helpers/yaml-edit.js";

const BAN_PAO = join(ROOT, "docs", "generality", "ban-pao");

/** ban-pao's 2561.yaml with keys set. */
const banPao = (set: Record<string, unknown>) => loadFolder(BAN_PAO, { "2561.yaml": editedYaml(join(BAN_PAO, "2561.yaml"), { set }) });

describe("the digits helper", () => {
  const hb = createRenderer();
  const render = (template: string, data: Record<string, unknown>) => hb.compile(template, { strict: true })(data);

  test('under {{#digits "typed"}} text keeps its digits; numbers the template formats follow the document', () => {
    const template = '{{#digits "typed"}}{{t x}}|{{join xs sep="/"}}|{{#each xs}}{{t this}};{{/each}}|{{n 7}}{{/digits}}';
    const data = { x: "4 ปี (พ.ศ. 2561 – 2564) ๔ มิติ", xs: ["๑.๑", "1.1.1"] };
    expect(render(template, { ...data, numerals: "arabic" })).toBe("4 ปี (พ.ศ. 2561 – 2564) ๔ มิติ|๑.๑/1.1.1|๑.๑;1.1.1;|7");
    expect(render(template, { ...data, numerals: "thai" })).toBe("4 ปี (พ.ศ. 2561 – 2564) ๔ มิติ|๑.๑/1.1.1|๑.๑;1.1.1;|๗");
  });

  test("outside it, and under thai or arabic, every digit is converted as before", () => {
    expect(render('{{t x}}|{{#digits "arabic"}}{{t x}}{{/digits}}', { numerals: "thai", x: "1.1.1 ๔" })).toBe("๑.๑.๑ ๔|1.1.1 4");
  });

  test("any other value is a template error", () => {
    expect(() => render('{{#digits "roman"}}x{{/digits}}', {})).toThrow(/"thai", "arabic" or "typed"/);
  });
});

describe("numerals: typed in a document's sections", () => {
  let set: TemplateSet;
  beforeAll(async () => {
    set = await builtinTemplates();
  });

  test("a paragraphs part and a table part print Thai and Arabic digits as typed; the other parts keep their setting", () => {
    const text = modelParagraphs(loadedModel(set, banPao({ "measures.sections.2.numerals": "typed", "measures.sections.4.numerals": "typed" }), 2561, "measures"));
    expect(text).toContain("โครงการ/กิจกรรม/มาตรการ และจำนวนงบประมาณที่ดำเนินการ 4 ปี (พ.ศ. 2561 – 2564) โดยแยกตามมิติ ๔ มิติ ดังนี้");
    expect(text.some((t) => t.startsWith("๑.๑ การสร้างจิตสำนึก"))).toBe(true);
    expect(text.some((t) => t.startsWith("1.1.1 สร้างจิตสำนึก"))).toBe(true);
    expect(text).toContain("ปี ๒๕๖๑ งบประมาณ (บาท)");
    // The heading "มิติที่ 1." keeps numerals: arabic; the document is Thai (ส่วนที่ ๒).
    expect(text).toContain("มิติที่ 1. การสร้างสังคมที่ไม่ทนต่อการทุจริต");
    expect(text).toContain("ส่วนที่ ๒");
  });

  test("without it the same parts print one script (the trial's input)", () => {
    const text = modelParagraphs(loadedModel(set, banPao({}), 2561, "measures"));
    expect(text).toContain("โครงการ/กิจกรรม/มาตรการ และจำนวนงบประมาณที่ดำเนินการ 4 ปี (พ.ศ. 2561 – 2564) โดยแยกตามมิติ 4 มิติ ดังนี้");
    expect(text.some((t) => t.startsWith("๑.๑.๑ สร้างจิตสำนึก"))).toBe(true);
  });

  test("on a part that prints texts the program makes it is refused at its line, naming the parts that take it", () => {
    const loaded = banPao({ "measures.sections.0": { type: "title", numerals: "typed" } });
    const messages = loaded.errors.map((d) => formatDiagnostic(d, "en"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/2561\.yaml:\d+:\d+: .*E_SECTION_SETTING.*"title" does not use numerals: typed/s);
    expect(messages[0]).toContain("heading, paragraphs, table");
  });
});
