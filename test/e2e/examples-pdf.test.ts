/**
 * `itadoc build examples --format pdf` end to end: every text of the input
 * YAML that a document prints must come back out of its PDF (pdftotext), in
 * the document's digits, and no line may end inside a Thai word.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { applyNumerals, type Numerals } from "../../src/thai/digits.js";
import { segmentThai } from "../../src/thai/segment.js";
import { at, exampleYaml, keys, lines, list, score2, str, type Yaml } from "../helpers/example-yaml.js";
import { builtinTemplates, exampleModel } from "../helpers/example-model.js";
import { modelParagraphs } from "../helpers/model-text.js";
import { containsText, nextLinePairs, pdfPages, pdfSegments, squash, type Segment } from "../helpers/pdf-text.js";
import { sharedExampleBuild } from "../helpers/shared-build.js";

let out: string;
const pages = new Map<string, string[]>();
const segments = new Map<string, Segment[]>();
const paragraphsOfModel = new Map<string, string[]>();

const DOCS = {
  memo: "khon-kaen-city/2563-memo.pdf",
  kkMeasures: "khon-kaen-city/2564-measures.pdf",
  report: "nakhon-ratchasima-city/2564-report.pdf",
  nrMeasures: "nakhon-ratchasima-city/2565-measures.pdf",
} as const;

const MODELS = {
  [DOCS.memo]: ["khon-kaen-city", 2563, "memo"],
  [DOCS.kkMeasures]: ["khon-kaen-city", 2564, "measures"],
  [DOCS.report]: ["nakhon-ratchasima-city", 2564, "report"],
  [DOCS.nrMeasures]: ["nakhon-ratchasima-city", 2565, "measures"],
} as const;

beforeAll(async () => {
  const r = await sharedExampleBuild("pdf");
  out = r.out;
  expect(r.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.code, r.output).toBe(0);
  for (const doc of Object.values(DOCS)) {
    pages.set(doc, pdfPages(join(out, doc)));
    segments.set(doc, pdfSegments(join(out, doc)));
  }
  const templates = await builtinTemplates();
  for (const [doc, [org, year, kind]] of Object.entries(MODELS)) paragraphsOfModel.set(doc, modelParagraphs(exampleModel(templates, org, year, kind)));
});

function textOf(doc: string): string {
  const p = pages.get(doc);
  if (!p) throw new Error(`${doc} was not built`);
  return p.join("\n");
}

/** The strings that are missing from the document, after converting them to its digits. */
function missing(doc: string, expected: readonly string[], numerals: Numerals): string[] {
  expect(expected.length).toBeGreaterThan(0);
  const segs = segments.get(doc) ?? [];
  expect(segs.length).toBeGreaterThan(0);
  return expected.map((s) => applyNumerals(s, numerals)).filter((s) => !containsText(segs, s));
}

const paragraphs = (node: Yaml, ...path: (string | number)[]): string[] => lines(node, ...path);

describe("the measures report of Khon Kaen 2564 (tool table, Arabic digits)", () => {
  const y = exampleYaml("khon-kaen-city", "2564.yaml");
  test("prints the analysis intro, the issues of each tool and every score", () => {
    const expected = [
      str(y, "measures", "analysis_intro"),
      ...["iit", "eit", "oit"].map((tool) => str(y, "measures", "issues", tool)),
      ...keys(y, "assessment", "scores").map((id) => `${id} `),
      ...keys(y, "assessment", "scores").map((id) => `${score2(str(y, "assessment", "scores", id))} คะแนน`),
      ...["iit", "eit", "oit"].map((tool) => `รวม ${tool.toUpperCase()} ${score2(str(y, "assessment", "official", tool))} คะแนน`),
      `${score2(str(y, "assessment", "official", "total"))} คะแนน ระดับ ${str(y, "assessment", "official", "grade")}`,
      "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2564",
      "สำนักงานเทศบาลนครขอนแก่น อำเภอเมือง จังหวัดขอนแก่น",
    ];
    expect(missing(DOCS.kkMeasures, expected, "arabic")).toEqual([]);
    expect(textOf(DOCS.kkMeasures)).not.toMatch(/[๐-๙]/);
  });
});

describe("the measures report of Nakhon Ratchasima 2565 (indicator list, Thai digits)", () => {
  const y = exampleYaml("nakhon-ratchasima-city", "2565.yaml");
  const scores = exampleYaml("nakhon-ratchasima-city", "2564.yaml");
  test("prints the analysis intro and every narrative heading and paragraph", () => {
    const narrative = list(y, "measures", "narrative").flatMap((_, i) => [
      ...(typeof at(y, "measures", "narrative", i) === "object" && keys(y, "measures", "narrative", i).includes("heading") ? [str(y, "measures", "narrative", i, "heading")] : []),
      ...paragraphs(y, "measures", "narrative", i, "paragraphs"),
    ]);
    expect(narrative.length).toBe(8);
    const expected = [str(y, "measures", "analysis_intro"), ...narrative, str(y, "measures", "plan_title"), str(y, "measures", "plan_intro")];
    expect(missing(DOCS.nrMeasures, expected, "thai")).toEqual([]);
  });

  test("prints every line of every cell of the measures table", () => {
    const cells = list(y, "measures", "items").flatMap((_, i) =>
      ["measure", "steps", "owner", "deadline", "reporting"].flatMap((col) => lines(y, "measures", "items", i, col)),
    );
    expect(cells.length).toBeGreaterThan(20);
    expect(missing(DOCS.nrMeasures, cells, "thai")).toEqual([]);
  });

  test("prints every indicator score of the year it analyses", () => {
    const expected = keys(scores, "assessment", "scores").map((id) => `ได้ ${score2(str(scores, "assessment", "scores", id))} คะแนน`);
    expect(missing(DOCS.nrMeasures, expected, "thai")).toEqual([]);
  });
});

describe("the analysis report of Nakhon Ratchasima 2564", () => {
  const y = exampleYaml("nakhon-ratchasima-city", "2564.yaml");
  test("prints the analysis paragraphs, the indicator analyses and every activity", () => {
    const activities = list(y, "report", "activities").flatMap((_, i) => ["activity", "owner", "period"].flatMap((k) => lines(y, "report", "activities", i, k)));
    const expected = [
      ...paragraphs(y, "report", "analysis"),
      ...keys(y, "assessment", "indicator_analysis").map((id) => str(y, "assessment", "indicator_analysis", id)),
      ...activities,
      ...keys(y, "assessment", "scores").map((id) => score2(str(y, "assessment", "scores", id))),
      `${score2(str(y, "assessment", "official", "total"))}`,
      `ระดับ ${str(y, "assessment", "official", "grade")}`,
    ];
    expect(missing(DOCS.report, expected, "thai")).toEqual([]);
  });
});

describe("the memo of Khon Kaen 2563 (Thai digits)", () => {
  const y = exampleYaml("khon-kaen-city", "2563.yaml");
  const years = list(y, "memo", "years").map((v) => String(v));

  test("prints the opening and analysis paragraphs, the peers intro and the closing", () => {
    const expected = [
      str(y, "memo", "subject"),
      str(y, "memo", "number"),
      ...paragraphs(y, "memo", "opening"),
      str(y, "memo", "analysis", "intro"),
      str(y, "memo", "analysis", "passed", "heading"),
      ...paragraphs(y, "memo", "analysis", "passed", "paragraphs"),
      str(y, "memo", "analysis", "below", "heading"),
      ...paragraphs(y, "memo", "analysis", "below", "paragraphs"),
      str(y, "memo", "peers_intro"),
      str(y, "memo", "closing"),
      `(${str(y, "memo", "signer", "name")})`,
      str(y, "memo", "signer", "position"),
      ...list(y, "memo", "approvals").flatMap((_, i) => [`เรียน ${str(y, "memo", "approvals", i, "to")}`, `(${str(y, "memo", "approvals", i, "signer", "name")})`]),
    ];
    expect(missing(DOCS.memo, expected, "thai")).toEqual([]);
  });

  test("reports a paragraph with one word changed, and a number that is not printed", () => {
    const opening = paragraphs(y, "memo", "opening")[1]!;
    const altered = opening.replace("ฝ่ายแผนงานและประเมินผล", "ฝ่ายบริหารงานทั่วไป");
    expect(altered).not.toBe(opening);
    expect(missing(DOCS.memo, [opening, altered, "75.31 คะแนน"], "thai")).toEqual([applyNumerals(altered, "thai"), "๗๕.๓๑ คะแนน"]);
  });

  test("prints every weak item's name, analysis and recommendation", () => {
    const items = list(y, "assessment", "oit_items");
    expect(items.length).toBe(14);
    const expected = items.flatMap((_, i) => [
      `${str(y, "assessment", "oit_items", i, "id")} ${str(y, "assessment", "oit_items", i, "name")}`,
      str(y, "assessment", "oit_items", i, "analysis"),
      str(y, "assessment", "oit_items", i, "recommendation"),
    ]);
    expect(missing(DOCS.memo, expected, "thai")).toEqual([]);
  });

  test("prints every score of the multi-year table with two decimals, the subtotals and the totals with grades", () => {
    const expected = years.flatMap((year) => {
      const f = exampleYaml("khon-kaen-city", `${year}.yaml`);
      return [
        year,
        `${str(f, "assessment", "indicator_count")} ตัวชี้วัด`,
        ...keys(f, "assessment", "scores").map((id) => score2(str(f, "assessment", "scores", id))),
        ...["iit", "eit", "oit"].map((tool) => score2(str(f, "assessment", "official", tool))),
        `${score2(str(f, "assessment", "official", "total"))} ระดับ ${str(f, "assessment", "official", "grade")}`,
      ];
    });
    expect(expected).toContain("100.00");
    expect(missing(DOCS.memo, expected, "thai")).toEqual([]);
  });

  test("prints the peer counts and their percentages", () => {
    const total = Number(str(y, "assessment", "peers", "total"));
    const counts = keys(y, "assessment", "peers", "counts").map((g) => [g, Number(str(y, "assessment", "peers", "counts", g))] as const);
    const pct = (n: number) => `${((n / total) * 100).toFixed(2)}%`;
    // A and AA are the grades at or above the pass mark of 85.
    const passed = counts.filter(([g]) => g === "AA" || g === "A").reduce((s, [, n]) => s + n, 0);
    const row = (cells: readonly string[]) => cells.join(" ");
    const expected = [
      row(counts.map(([g]) => g)),
      row(counts.map(([, n]) => String(n))),
      row(counts.map(([, n]) => pct(n))),
      row([String(passed), String(total - passed)]),
      row([pct(passed), pct(total - passed)]),
    ];
    expect(expected).toContain("36.67% 63.33%");
    expect(missing(DOCS.memo, expected, "thai")).toEqual([]);
  });

  test("repeats the weak-items table's header row on the page after the one it starts on", () => {
    const memo = pages.get(DOCS.memo) ?? [];
    const header = squash(applyNumerals(`ตัวชี้วัดที่เป็นจุดอ่อน คะแนนปี ${years[1]} คะแนนปี ${years[2]} การวิเคราะห์`, "thai"));
    const headerCells = ["ตัวชี้วัดที่เป็นจุดอ่อน", `คะแนนปี${applyNumerals(years[1]!, "thai")}`, `คะแนนปี${applyNumerals(years[2]!, "thai")}`, "การวิเคราะห์", "ข้อเสนอแนะแนวทางแก้ไข"];
    const first = memo.findIndex((p) => squash(p).includes("ตัวชี้วัดที่เป็นจุดอ่อน"));
    expect(first, `no page holds ${header}`).toBeGreaterThanOrEqual(0);
    const next = squash(memo[first + 1] ?? "");
    // a header cell may wrap ("คะแนนปี" above "๒๕๖๓"): found as a chain of that page's printed pieces
    const nextPage = (segments.get(DOCS.memo) ?? []).filter((sg) => sg.page === first + 2);
    for (const cell of headerCells) expect(containsText(nextPage, cell), `page ${first + 2}: ${cell}`).toBe(true);
    // the next page continues the table (a later weak item), it does not start another one
    expect(next).toMatch(/O(2[7-9]|3\d|4\d)/);
  });

  test("keeps each level of the approval chain (เรียน …, options, signer) on one page", () => {
    const memo = (pages.get(DOCS.memo) ?? []).map(squash);
    const y = exampleYaml("khon-kaen-city", "2563.yaml") as unknown as { memo: { approvals: { to: string; signer: { name: string } }[] } };
    for (const level of y.memo.approvals) {
      const to = memo.findIndex((p) => p.includes(squash(`เรียน ${level.to}`)) && p.includes(squash(`(${level.signer.name})`)));
      expect(to, `เรียน ${level.to} … (${level.signer.name}) split across pages`).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("line breaks", () => {
  const THAI_LETTER = /^[\u0E01-\u0E4E]$/u;
  /** Characters each side of a join that must sit together in one paragraph of the model for the join to be a wrap (not two paragraphs). */
  const CONTEXT = 6;

  /** Wraps inside a Thai word, as "ก่อน|หลัง" with a little context. */
  function wordCuts(pairs: ReadonlyArray<readonly [string, string]>, paragraphs: readonly string[]): string[] {
    const squashed = paragraphs.map(squash);
    const cuts: string[] = [];
    for (const [rawA, rawB] of pairs) {
      const a = rawA.trim();
      const b = rawB.trim();
      if (!THAI_LETTER.test(a.at(-1) ?? "") || !THAI_LETTER.test(b[0] ?? "")) continue;
      const around = squash(a).slice(-CONTEXT) + squash(b).slice(0, CONTEXT);
      if (!squashed.some((p) => p.includes(around))) continue;
      let pos = 0;
      const bounds = new Set(segmentThai(a + b).map((piece) => (pos += piece.length)));
      if (!bounds.has(a.length)) cuts.push(`${a.slice(-12)}|${b.slice(0, 12)}`);
    }
    return cuts;
  }

  test("a wrap that is not a word boundary is found; two paragraphs that meet are not a wrap", () => {
    const paragraphs = ["ประกาศเจตจำนงสุจริตในการบริหารงานของเทศบาล", "สำนักงานเทศบาลนครขอนแก่น", "การบริหารงาน", "การให้บริการ"];
    expect(wordCuts([["ประกาศเจตจำนงสุจริตในการบริหารงาน", "ของเทศบาล"]], paragraphs)).toEqual([]);
    expect(wordCuts([["สำนักงานเทศบ", "าลนครขอนแก่น"]], paragraphs)).toEqual(["สำนักงานเทศบ|าลนครขอนแก่น"]);
    expect(wordCuts([["การบริหารงาน", "การให้บริการ"]], paragraphs)).toEqual([]);
  });

  for (const doc of Object.values(DOCS)) {
    test(`no line of ${doc} ends inside a Thai word`, () => {
      const pairs = nextLinePairs(segments.get(doc) ?? []).map(([a, b]) => [a.text, b.text] as const);
      expect(pairs.length).toBeGreaterThan(5);
      expect(wordCuts(pairs, paragraphsOfModel.get(doc) ?? [])).toEqual([]);
    });
  }

  test("สระอำ comes out of the PDF as one character", () => {
    const all = Object.values(DOCS).map(textOf).join("\n");
    for (const word of ["กำหนด", "ประจำปี", "สำนักงาน", "ดำเนินการ", "จำนวน"]) expect(squash(all)).toContain(word);
    expect(all).not.toContain("\u0E4D\u0E32");
  });
});
