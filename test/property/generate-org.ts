/**
 * fast-check arbitraries for a valid organisation folder typed the way a
 * clerk types it: org.yaml and one year file as YAML text, scores with Thai
 * or Arabic digits, random Thai text, weak items, optional peers, and the
 * memo, measures and report sections.
 */
import fc from "fast-check";
import { frameworkFor } from "../../src/ita/frameworks/index.js";
import { peerCategories } from "../../src/ita/peers.js";

const THAI_SYLLABLES = ["การ", "ประ", "เมิน", "คุณ", "ธรรม", "ความ", "โปร่ง", "ใส", "ท้อง", "ถิ่น", "น้ำ", "ที่", "ผู้", "ปั้น", "ฟ้า", "ฝั่ง", "เทศ", "บาล", "ตำ", "บล", "ข้อ", "มูล", "ผล", "งาน", "ระ", "ดับ"];
const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

export const thaiWord = fc.array(fc.constantFrom(...THAI_SYLLABLES), { minLength: 1, maxLength: 6 }).map((s) => s.join(""));
export const thaiText = fc.array(thaiWord, { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));

export interface TypedScore {
  /** As typed in the YAML ("๙๒.๔", "87.30", "100"). */
  readonly typed: string;
  /** Hundredths: 9240 for 92.4. */
  readonly cents: number;
}

const toThai = (s: string): string => s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);

/** 0–100 with 0, 1 or 2 decimals, in Arabic or Thai digits. */
export const typedScore: fc.Arbitrary<TypedScore> = fc
  .record({ cents: fc.integer({ min: 0, max: 10000 }), decimals: fc.constantFrom(0, 1, 2), thai: fc.boolean() })
  .map(({ cents, decimals, thai }) => {
    const c = decimals === 0 ? Math.round(cents / 100) * 100 : decimals === 1 ? Math.round(cents / 10) * 10 : cents;
    const text = decimals === 0 ? String(c / 100) : (c / 100).toFixed(decimals);
    return { typed: thai ? toThai(text) : text, cents: c };
  });

export const INDICATORS = ["I1", "I2", "I3", "I4", "I5", "E6", "E7", "E8", "O9", "O10"] as const;

export interface GeneratedOrg {
  readonly orgYaml: string;
  readonly yearYaml: string;
  readonly year: number;
  readonly numerals: "thai" | "arabic";
  readonly scores: Readonly<Record<(typeof INDICATORS)[number], TypedScore>>;
}

const q = (s: string): string => JSON.stringify(s);

const weakItems = fc.uniqueArray(fc.integer({ min: 1, max: 43 }), { maxLength: 10 }).chain((ids) =>
  fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), score: fc.integer({ min: 0, max: 99 }), previous: typedScore, analysis: thaiText, recommendation: thaiText }))),
);

const peers = fc.option(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 7, maxLength: 7 }), { nil: undefined });

export const generatedOrg: fc.Arbitrary<GeneratedOrg> = fc
  .record({
    year: fc.constantFrom(2563, 2564, 2566, 2567),
    numerals: fc.constantFrom("thai" as const, "arabic" as const),
    scores: fc.tuple(...INDICATORS.map(() => typedScore)),
    name: thaiText,
    items: weakItems,
    peers,
    opening: fc.array(thaiText, { minLength: 1, maxLength: 3 }),
    measures: fc.array(fc.tuple(thaiText, thaiText, thaiText), { minLength: 1, maxLength: 4 }),
    analysis: fc.array(thaiText, { minLength: 1, maxLength: 3 }),
  })
  .map((g) => {
    const scores = Object.fromEntries(INDICATORS.map((id, i) => [id, g.scores[i]!])) as GeneratedOrg["scores"];
    const orgYaml = [
      "organisation:",
      `  name: ${q(`เทศบาลตำบล${g.name}`)}`,
      "  type: เทศบาลตำบล",
      `  district: ${q(g.name)}`,
      "  province: ขอนแก่น",
      "  division: กองวิชาการและแผนงาน",
      `  mayor_title: ${q(`นายกเทศมนตรีตำบล${g.name}`)}`,
      "settings:",
      `  numerals: ${g.numerals}`,
      "",
    ].join("\n");
    // Peers are counted by grade up to 2565 and by result label from 2566 (the framework's categories).
    const grades = peerCategories(frameworkFor(g.year)!).all;
    const lines = [
      `fiscal_year: ${g.year}`,
      "assessment:",
      "  scores:",
      ...INDICATORS.map((id) => `    ${id}: ${scores[id].typed}`),
    ];
    if (g.items.length > 0) {
      lines.push("  oit_items:");
      for (const it of g.items) {
        lines.push(`    - id: O${it.id}`, `      score: ${it.score}`, `      previous: ${it.previous.typed}`, `      name: ${q(it.analysis.slice(0, 30))}`, `      analysis: ${q(it.analysis)}`, `      recommendation: ${q(it.recommendation)}`);
      }
    }
    if (g.peers) {
      const total = g.peers.slice(0, grades.length).reduce((a, b) => a + b, 0);
      lines.push("  peers:", "    group: เทศบาลตำบล", `    total: ${total}`, `    counts: { ${grades.map((gr, i) => `${gr}: ${g.peers![i]}`).join(", ")} }`);
    }
    lines.push(
      "memo:",
      "  number: ขก ๕๒๐๖/๐๑๑๐๙",
      `  date: ${g.year}-09-29`,
      `  subject: ${q(`รายงานผล ${g.name}`)}`,
      `  years: [${g.year}]`,
      "  opening:",
      ...g.opening.map((p) => `    - ${q(p)}`),
      "  signer: { name: นางสาวพรอนันต์ ทองสมบัติ, position: นักวิเคราะห์นโยบายและแผน }",
      "measures:",
      `  analyses: ${g.year}`,
      "  items:",
      ...g.measures.flatMap(([m, s, o]) => [`    - measure: ${q(m)}`, `      steps: [${q(s)}]`, `      owner: ${q(o)}`, `      deadline: กันยายน ${g.year}`, `      reporting: รายไตรมาส`]),
      "report:",
      "  analysis:",
      ...g.analysis.map((p) => `    - ${q(p)}`),
      "  activities:",
      `    - { indicator: I1, activity: ${q(g.analysis[0]!)}, owner: กองวิชาการ, period: ${q(`กันยายน ${g.year}`)} }`,
      "",
    );
    return { orgYaml, yearYaml: lines.join("\n"), year: g.year, numerals: g.numerals, scores };
  });
