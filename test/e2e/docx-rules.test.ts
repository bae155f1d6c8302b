/**
 * Rules every DOCX itadoc writes must keep, checked on every document kind of
 * every example (and an organisation that chose another face in settings.font):
 * Thai runs are complex script and Latin runs are not, no invisible characters,
 * no word split over two runs that look the same, compatibility mode 15,
 * proofing on, no w:tblHeader on data rows, the official face at the
 * regulation's sizes with a font table entry Word and LibreOffice can
 * substitute by. The XML is the evidence: LibreOffice renders Thai the same
 * with or without these marks (DESIGN.md).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readZip } from "../helpers/unzip.js";
import { OFFICIAL_FONTS } from "../../src/model/official-fonts.js";
import { paragraphsOf, runsOf, textOf } from "../export/docx/helpers.js";
import { ROOT } from "../helpers/load-example.js";
import { runCli } from "../helpers/run-cli.js";

interface Built {
  readonly name: string;
  readonly family: string;
  readonly parts: ReadonlyMap<string, string>;
}

let dir: string;
const built: Built[] = [];

/** Builds every kind of every year of `orgDir` as DOCX into `out`. */
async function buildAll(orgDir: string, out: string): Promise<void> {
  const r = await runCli(["build", orgDir, "--kind", "memo,measures,report", "--format", "docx", "--year", "2500-2600", "--out", out, "--force"]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
}

function collect(out: string, family: string): void {
  for (const org of readdirSync(out, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(out, org.name)).filter((f) => f.endsWith(".docx"))) {
      const parts = new Map(
        readZip(new Uint8Array(readFileSync(join(out, org.name, file))))
          .filter((e) => e.path.endsWith(".xml"))
          .map((e) => [e.path, Buffer.from(e.data).toString("utf8")] as const),
      );
      built.push({ name: `${org.name}/${file}${family === OFFICIAL_FONTS[0] ? "" : ` (${family})`}`, family, parts });
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-docx-rules-"));
  await buildAll(join(ROOT, "examples"), join(dir, "out"));
  collect(join(dir, "out"), OFFICIAL_FONTS[0]);
  // The same organisation with another official face chosen.
  const copy = join(dir, "src", "nakhon-ratchasima-city");
  cpSync(join(ROOT, "examples", "nakhon-ratchasima-city"), copy, { recursive: true });
  const org = join(copy, "org.yaml");
  writeFileSync(org, readFileSync(org, "utf8").replace("settings:\n", "settings:\n  font: TH SarabunIT๙\n"));
  await buildAll(join(dir, "src"), join(dir, "out-it"));
  collect(join(dir, "out-it"), "TH SarabunIT๙");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The XML parts that hold text: body, headers, footers. */
const textParts = (b: Built): string[] => [...b.parts].filter(([p]) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(p)).map(([, x]) => x);

const THAI = /[\u0E00-\u0E7F]/;
const LATIN = /[A-Za-z]/;
const rPrOf = (run: string): string => /<w:rPr>.*?<\/w:rPr>/.exec(run)?.[0] ?? "";
/** Letters and combining marks: a run boundary between two of them falls inside a word. */
const LETTER = /[\p{L}\p{M}]/u;

describe("every generated DOCX", () => {
  test("covers every kind of every example, and a second official face", () => {
    const kinds = new Set(built.map((b) => /-(memo|measures|report)\.docx/.exec(b.name)?.[1]));
    expect([...kinds].sort()).toEqual(["measures", "memo", "report"]);
    expect(built.length).toBeGreaterThanOrEqual(6);
    expect(built.some((b) => b.family === "TH SarabunIT๙")).toBe(true);
  });

  test("marks Thai runs complex script (w:cs, bidi th-TH) and keeps Latin runs Latin; no run mixes the two", () => {
    for (const b of built) {
      const runs = textParts(b).flatMap(runsOf).filter((r) => textOf(r) !== "");
      expect(runs.length, b.name).toBeGreaterThan(20);
      const thaiUnmarked = runs.filter((r) => THAI.test(textOf(r)) && !(rPrOf(r).includes("<w:cs/>") && rPrOf(r).includes('w:bidi="th-TH"')));
      expect(thaiUnmarked.map(textOf), b.name).toEqual([]);
      const latinMarked = runs.filter((r) => LATIN.test(textOf(r)) && rPrOf(r).includes("<w:cs/>"));
      expect(latinMarked.map(textOf), b.name).toEqual([]);
      const latinLang = runs.filter((r) => LATIN.test(textOf(r)) && !rPrOf(r).includes('w:val="en-US"'));
      expect(latinLang.map(textOf), b.name).toEqual([]);
    }
  });

  test("holds no invisible characters (ZWSP, ZWJ/ZWNJ, word joiner, BOM, soft hyphen, bidi controls)", () => {
    const invisible = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
    for (const b of built) {
      for (const xml of textParts(b)) {
        const bad = [...textOf(xml)].filter((c) => invisible.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
        expect(bad, b.name).toEqual([]);
      }
    }
  });

  test("never splits a word over two neighbouring runs that look the same", () => {
    for (const b of built) {
      const splits: string[] = [];
      for (const p of textParts(b).flatMap(paragraphsOf)) {
        const runs = runsOf(p);
        for (let i = 1; i < runs.length; i++) {
          const [a, c] = [runs[i - 1]!, runs[i]!];
          // Only text against text: a tab, break or field between them is no word.
          if (!/<w:t[ >][^<]*<\/w:t><\/w:r>$/.test(a) || !/^<w:r><w:rPr>.*?<\/w:rPr><w:t[ >]/.test(c)) continue;
          const [end, start] = [[...textOf(a)].pop() ?? "", [...textOf(c)][0] ?? ""];
          if (rPrOf(a) === rPrOf(c) && LETTER.test(end) && LETTER.test(start)) splits.push(`${textOf(a)}|${textOf(c)}`);
        }
      }
      expect(splits, b.name).toEqual([]);
    }
  });

  test("is in Word 2013+ compatibility mode 15 with spelling and grammar proofing left on", () => {
    for (const b of built) {
      const settings = b.parts.get("word/settings.xml") ?? "";
      expect(settings, b.name).toContain('<w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/>');
      expect(settings, b.name).toContain('<w:themeFontLang w:val="en-US" w:bidi="th-TH"/>');
      expect(settings, b.name).not.toMatch(/hideSpellingErrors|hideGrammaticalErrors|w:proofState/);
      for (const [path, xml] of b.parts) expect(xml, `${b.name} ${path}`).not.toContain("<w:noProof");
    }
  });

  test("marks only header rows w:tblHeader (mammoth reads even w:val=\"off\" as a header row)", () => {
    for (const b of built) {
      const xml = b.parts.get("word/document.xml") ?? "";
      expect(xml, b.name).not.toMatch(/<w:tblHeader w:val="(off|false|0)"\/>/);
      for (const table of xml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? []) {
        const rows = table.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
        const flags = rows.map((r) => r.includes("<w:tblHeader/>"));
        // Header rows come first, data rows after them.
        expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((f) => !f), b.name).toBe(true);
      }
    }
  });

  test("names only the chosen official face, with a font table entry to substitute by", () => {
    for (const b of built) {
      const named = new Set<string>();
      for (const [path, xml] of b.parts) {
        if (path === "word/fontTable.xml" || path.startsWith("word/theme/")) continue;
        for (const m of xml.matchAll(/<w:rFonts ([^>]*)\/>/g)) for (const f of m[1]!.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]*)"/g)) named.add(f[1]!);
      }
      expect([...named], b.name).toEqual([b.family]);
      const table = b.parts.get("word/fontTable.xml") ?? "";
      const entry = new RegExp(`<w:font w:name="${b.family}">(.*?)</w:font>`).exec(table)?.[1] ?? "";
      expect(entry, b.name).toMatch(/^<w:altName w:val="TH Sarabun(PSK| New)"\/><w:panose1 w:val="020B0500040200020003"\/><w:charset w:val="DE"\/><w:family w:val="swiss"\/><w:pitch w:val="variable"\/><w:sig /);
    }
  });

  test("the official faces are the size table's own unit (fonts/sizes.json scale 1), which is why DOCX sizes are written unscaled", () => {
    const sizes = JSON.parse(readFileSync(join(ROOT, "fonts", "sizes.json"), "utf8")) as Record<string, { scale?: number }>;
    for (const f of OFFICIAL_FONTS) expect(sizes[f]?.scale, f).toBe(1);
  });

  test("sets the regulation's sizes: body 16 pt in the styles; memo title 29 pt (exactly 35 pt line), labels 20 pt bold", () => {
    for (const b of built) {
      const styles = b.parts.get("word/styles.xml") ?? "";
      const body = /<w:style w:type="paragraph" w:styleId="ITABody">.*?<\/w:style>/.exec(styles)?.[0] ?? "";
      expect(body, b.name).toContain('<w:sz w:val="32"/><w:szCs w:val="32"/>');
      const title = /<w:style w:type="paragraph" w:styleId="ITAMemoTitle">.*?<\/w:style>/.exec(styles)?.[0] ?? "";
      expect(title, b.name).toContain('<w:sz w:val="58"/><w:szCs w:val="58"/>');
      expect(title, b.name).toContain('w:line="700" w:lineRule="exact"');
      if (!b.name.includes("-memo.")) continue;
      const runs = runsOf(b.parts.get("word/document.xml") ?? "");
      const run = (text: string) => runs.find((r) => textOf(r).trim() === text) ?? "";
      expect(run("บันทึกข้อความ"), b.name).toContain('<w:b/><w:bCs/><w:sz w:val="58"/><w:szCs w:val="58"/>');
      for (const label of ["ส่วนราชการ", "ที่", "วันที่", "เรื่อง"]) expect(run(label), `${b.name} ${label}`).toContain('<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/>');
      const bodyRuns = runs.filter((r) => textOf(r).startsWith("ตามที่"));
      expect(bodyRuns.length, b.name).toBeGreaterThan(0);
      for (const r of bodyRuns) expect(r, b.name).toContain('<w:sz w:val="32"/><w:szCs w:val="32"/>');
    }
  });
});
