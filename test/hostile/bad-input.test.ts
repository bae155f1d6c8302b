/**
 * Many bad and hostile year files in one bulk build, next to a good
 * organisation: each gives its code at file:line:col, nothing is written for
 * it, the good one is still built, exit 1, and no stack trace is printed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { MAX_FILE_BYTES } from "../../src/input/max-file-bytes.js";
import { runCli } from "../helpers/run-cli.js";
import { filesUnder, lineOf, NR_2564, NR_ORG, STACK, writeOrg, type JsonDiagnostic } from "./helpers.js";

const enc = (s: string) => new TextEncoder().encode(s);
const swap = (from: string, to: string) => {
  if (!NR_2564.includes(from)) throw new Error(`"${from}" not in the example`);
  return NR_2564.replace(from, to);
};

/** case name → year file content and the diagnostics expected for it ([code, line, col]; line 0 = whole file). */
const CASES: Record<string, { file?: string; content: string | Uint8Array; expect: Array<[string, number, number?]> }> = {};

function add(name: string, content: string | Uint8Array, expected: Array<[string, number, number?]>, file = "2564.yaml") {
  CASES[name] = { file, content, expect: expected };
}

{
  const bad = swap("I2: 87.74", "I2: 87.74 x");
  const bytes = enc(bad);
  const at = bytes.indexOf(0x78 /* x */, new TextEncoder().encode(bad.slice(0, bad.indexOf("I2: 87.74 x"))).length);
  bytes[at] = 0xff;
  add("invalid-utf8", bytes, [["E_FILE_ENCODING", lineOf(bad, "I2: 87.74 x"), 1]]);
}
{
  const t = "\uFEFF" + swap("    I3: 88.90", "\tI3: 88.90");
  add("bom-and-tab", t, [["E_YAML_TAB", lineOf(t, "\tI3"), 1]]);
}
{
  const t = swap("    I4: 87.93", "    I4: 87.93\n    I4: 87.94").replace(/\n/g, "\r\n");
  add("crlf-duplicate-key", t, [["E_YAML_DUPLICATE_KEY", lineOf(t, "I4: 87.94"), 5]]);
}
{
  const lines = ["fiscal_year: 2564", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 0; i < 9; i++) {
    const p = String.fromCharCode(97 + i);
    lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${p}`).join(", ")}]`);
  }
  add("alias-bomb", lines.join("\n"), [["E_YAML_ALIAS", 1, 1]]);
}
add("deep-nesting", `fiscal_year: 2564\nreport:\n  analysis: ${"[".repeat(20000)}${"]".repeat(20000)}\n`, [["E_YAML_DEPTH", 3]]);
{
  const t = swap("    grade: A\n", '    grade: A\n  analysis:\n    iit: "ก่อน\\aหลัง"\n');
  add("control-character", t, [["E_TEXT_CONTROL", lineOf(t, "ก่อน"), 10]]);
}
{
  const t = swap("    grade: A\n", "    grade: A\n  analysis:\n    iit: ผลดีมาก 😀 ขอบคุณ\n");
  add("emoji", t, [["E_TEXT_GLYPH", lineOf(t, "😀"), 10]]);
}
{
  const t = swap("I1: 93.31", "I1: NaN").replace("I2: 87.74", "I2: -0.5").replace("I3: 88.90", "I3: 100.01").replace("I4: 87.93", "I4: 87.935").replace("I5: 89.07", 'I5: "๘๙"').replace("E6: 88.64", "E6: ดีมาก").replace("E7: 87.34", "E7: 1e2");
  add("bad-scores", t, [
    ["E_SCORE_FORMAT", lineOf(t, "I1: NaN"), 9],
    ["E_SCORE_RANGE", lineOf(t, "I2: -0.5"), 9],
    ["E_SCORE_RANGE", lineOf(t, "I3: 100.01"), 9],
    ["E_SCORE_DECIMALS", lineOf(t, "I4: 87.935"), 9],
    ["E_SCORE_FORMAT", lineOf(t, "E6: ดีมาก"), 9],
    ["E_SCORE_FORMAT", lineOf(t, "E7: 1e2"), 9],
  ]);
}
{
  const t = swap("  scores:", "  announced: ๓๑ กุมภาพันธ์ ๒๕๖๔\n  scores:");
  add("impossible-date", t, [["E_DATE_IMPOSSIBLE", lineOf(t, "announced:"), 14]]);
}
{
  const t = NR_2564.replace("fiscal_year: 2564", "fiscal_year: 2590");
  add("unknown-year", t, [["E_YEAR_UNKNOWN", lineOf(t, "fiscal_year"), 14]], "2590.yaml");
}
{
  const t = swap("  scores:", "  __proto__:\n    polluted: yes\n  scores:");
  add("proto-key", t, [["E_UNKNOWN_KEY", lineOf(t, "__proto__"), 3]]);
}
add("empty-file", "", [["E_TYPE", 1, 1]]);
add("two-documents", "fiscal_year: 2564\n---\nfiscal_year: 2565\n", [["E_YAML_SYNTAX", 2, 1]]);
add("binary-file", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00]), [["E_FILE_ENCODING", 1, 1]]);

let root: string;
let report: { documents: Array<{ out: string }>; diagnostics: JsonDiagnostic[] };
let code: number;
let plain: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "itadoc-hostile-"));
  for (const [name, c] of Object.entries(CASES)) writeOrg(join(root, "in", name), { "org.yaml": NR_ORG, [c.file ?? "2564.yaml"]: c.content });
  // 50 MB of valid-looking YAML: refused by size before it is read or parsed.
  writeOrg(join(root, "in", "huge-file"), { "org.yaml": NR_ORG });
  const line = "# " + "ก".repeat(60) + "\n";
  writeFileSync(join(root, "in", "huge-file", "2564.yaml"), NR_2564 + line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line))));
  writeOrg(join(root, "in", "no-org-yaml"), { "2564.yaml": NR_2564 });
  writeOrg(join(root, "in", "good"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
  // ©, ® and Thai/Latin punctuation are printable: not refused.
  writeOrg(join(root, "in", "good-symbols"), { "org.yaml": NR_ORG, "2564.yaml": swap("    grade: A\n", "    grade: A\n  analysis:\n    iit: © ® ™ “อ้างอิง” – ฯลฯ ๆ ฿ … « » ‘x’ — §\n") });
  const r = await runCli(["build", "in", "--out", "out", "--json", "--jobs", "2"], root);
  code = r.code;
  report = JSON.parse(r.stdout);
  plain = await runCli(["build", "in", "--out", "out-plain", "--jobs", "2"], root);
}, 300_000);

describe("a bulk build with bad and hostile inputs among good ones", () => {
  test("exits 1; only the good organisations are written", () => {
    expect(code).toBe(1);
    expect(report.documents.map((d) => d.out).sort()).toEqual(["out/good-symbols/2564-report.pdf", "out/good/2564-report.pdf"]);
    expect(filesUnder(join(root, "out")).filter((f) => !f.endsWith(".itadoc-manifest.json"))).toEqual(["good-symbols/2564-report.pdf", "good/2564-report.pdf"]);
  });

  for (const [name, c] of Object.entries(CASES)) {
    test(`${name}: ${c.expect.map((e) => e[0]).join(", ")} at its file:line:col`, () => {
      const file = `in/${name}/${c.file ?? "2564.yaml"}`;
      const got = report.diagnostics.filter((d) => d.severity === "error" && d.file?.startsWith(`in/${name}/`));
      expect(got.map((d) => [d.code, d.line, ...(c.expect.find((e) => e[0] === d.code)?.[2] === undefined ? [] : [d.col])])).toEqual(c.expect.map(([k, l, col]) => [k, l, ...(col === undefined ? [] : [col])]));
      for (const d of got) expect(d.file).toBe(file);
    });
  }

  test("a 50 MB file: E_FILE_TOO_LARGE with its size and the limit", () => {
    const got = report.diagnostics.filter((d) => d.file?.startsWith("in/huge-file/"));
    expect(got.map((d) => d.code)).toEqual(["E_FILE_TOO_LARGE"]);
    expect(got[0]!.message).toContain(String(MAX_FILE_BYTES));
  });

  test("a folder of year files without org.yaml: E_ORG_MISSING", () => {
    expect(report.diagnostics.filter((d) => d.file === "in/no-org-yaml").map((d) => d.code)).toEqual(["E_ORG_MISSING"]);
  });

  test("the terminal shows Thai messages with codes and positions, never a stack trace", () => {
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(STACK);
    expect(plain.stderr).toMatch(/in\/emoji\/2564\.yaml:\d+:10: ข้อผิดพลาด \[E_TEXT_GLYPH\] assessment\.analysis\.iit มีอักขระ 😀 \(U\+1F600\)/);
    expect(plain.stderr).toMatch(/in\/bom-and-tab\/2564\.yaml:\d+:1: ข้อผิดพลาด \[E_YAML_TAB\] ย่อหน้าด้วยแท็บ/);
    expect(plain.stderr).toContain("วิธีแก้:");
  });
});
