import { describe, expect, test } from "vitest";
import { loadInput } from "../../src/pipeline/index.js";
import { loadYaml } from "../../src/input/load-yaml.js";
import { exampleText, loadExample, source } from "../helpers/load-example.js";

const ORG = exampleText("khon-kaen-city", "org.yaml");
const YEAR = exampleText("khon-kaen-city", "2563.yaml");

/** Errors of one year file next to the Khon Kaen org.yaml: [code, line, col]. */
function errorsOf(yearText: string, name = "2563.yaml", orgText = ORG) {
  const r = loadInput("k", source("k/org.yaml", orgText), [source(`k/${name}`, yearText)]);
  return r.errors.map((e) => [e.code, e.pos?.line, e.pos?.col] as const);
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("each error kind gives its code and position", () => {
  test("a score of 120", () => {
    const text = YEAR.replace("I1: 92.44", "I1: 120");
    expect(errorsOf(text)).toEqual([["E_SCORE_RANGE", lineOf(text, "I1: 120"), 9]]);
  });
  test("negative, three decimals, text", () => {
    const text = YEAR.replace("I2: 87.30", "I2: -1").replace("I3: 88.30", "I3: 88.301").replace("I4: 86.62", "I4: ดีมาก");
    expect(errorsOf(text)).toEqual([
      ["E_SCORE_RANGE", lineOf(text, "I2: -1"), 9],
      ["E_SCORE_DECIMALS", lineOf(text, "I3: 88.301"), 9],
      ["E_SCORE_FORMAT", lineOf(text, "I4: ดีมาก"), 9],
    ]);
  });
  test("a missing indicator points at its parent key", () => {
    const text = YEAR.replace(/^ {4}E6: .*\n/m, "");
    expect(errorsOf(text)).toEqual([["E_REQUIRED", lineOf(text, "  scores:"), 3]]);
  });
  test("an unknown key points at the key, with a suggestion", () => {
    const text = YEAR.replace("  indicator_count:", "  indicator_cuont:");
    const r = loadInput("k", source("k/org.yaml", ORG), [source("k/2563.yaml", text)]);
    expect(r.errors.map((e) => [e.code, e.pos?.line, e.pos?.col, e.params.suggestion])).toEqual([["E_UNKNOWN_KEY", lineOf(text, "indicator_cuont"), 3, "indicator_count"]]);
  });
  test("a list where text is expected", () => {
    const text = YEAR.replace("number: ขก ๕๒๐๖/๐๑๑๐๙", "number:\n    - a\n    - b");
    expect(errorsOf(text)).toEqual([["E_TYPE", lineOf(text, "number:") + 1, 5]]);
  });
  test("YAML syntax: bad indentation", () => {
    const text = "fiscal_year: 2563\nassessment:\n  scores:\n    I1: 1\n   I2: 2\n";
    // One message, at the line to fix (its indentation is the column), not the parser's cascade.
    expect(errorsOf(text)).toEqual([["E_YAML_INDENT", 5, 4]]);
  });
  test("duplicate keys (copied from last year)", () => {
    const text = "fiscal_year: 2563\nfiscal_year: 2564\n";
    expect(errorsOf(text)).toEqual([["E_YAML_DUPLICATE_KEY", 2, 1]]);
  });
  test("impossible and Gregorian dates", () => {
    const text = YEAR.replace("date: 2563-09-29", "date: ๓๑ กุมภาพันธ์ ๒๕๖๓").replace("announced: 2563-09-28", "announced: 2020-09-28");
    expect(errorsOf(text)).toEqual([
      ["E_DATE_YEAR", lineOf(text, "announced:"), 14],
      ["E_DATE_IMPOSSIBLE", lineOf(text, "date: ๓๑"), 9],
    ]);
  });
  test("fiscal_year that does not match the file name", () => {
    expect(errorsOf(YEAR, "2564.yaml")).toEqual([["E_YEAR_MISMATCH", lineOf(YEAR, "fiscal_year:"), 14]]);
  });
  test("an unknown fiscal year", () => {
    const text = YEAR.replace("fiscal_year: 2563", "fiscal_year: 2590");
    expect(errorsOf(text, "2590.yaml")).toEqual([["E_YEAR_UNKNOWN", lineOf(text, "fiscal_year:"), 14]]);
  });
  test("peer counts that do not add up", () => {
    const text = YEAR.replace(/total: 30/, "total: 31");
    expect(errorsOf(text)).toEqual([["E_PEERS_TOTAL", lineOf(text, "total: 31"), 12]]);
  });
  test("invalid UTF-8", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("fiscal_year: 2563\nx: "), 0xff, 0xfe, 0x0a]);
    const r = loadInput("k", source("k/org.yaml", ORG), [{ path: "k/2563.yaml", bytes }]);
    expect(r.errors.map((e) => [e.code, e.pos?.line])).toEqual([["E_FILE_ENCODING", 2]]);
  });
  test("a file read after one with a broken byte (or one cut inside a character) decodes afresh, its BOM left out", () => {
    const enc = new TextEncoder();
    const cut = enc.encode("a: ก").subarray(0, 5);
    expect(loadYaml("bad.yaml", new Uint8Array([0x61, 0x3a, 0x20, 0xff])).ok).toBe(false);
    expect(loadYaml("cut.yaml", cut).ok).toBe(false);
    for (const name of ["one.yaml", "two.yaml"]) {
      const r = loadYaml(name, new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("a: กข\n")]));
      expect(r.ok && r.value.data).toEqual({ a: "กข" });
    }
  });
  test("an alias bomb is refused", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    expect(errorsOf(lines.join("\n")).map((e) => e[0])).toEqual(["E_YAML_ALIAS"]);
  });
  test("all problems are reported at once", () => {
    const text = YEAR.replace("I1: 92.44", "I1: 120").replace("E7: 86.88", "E7: abc").replace("  indicator_count:", "  indicator_cuont:");
    expect(errorsOf(text).map((e) => e[0]).sort()).toEqual(["E_SCORE_FORMAT", "E_SCORE_RANGE", "E_UNKNOWN_KEY"]);
  });
});

describe("values", () => {
  test("numbers that look like numbers stay text; scores may be Thai digits", () => {
    const text = YEAR.replace("number: ขก ๕๒๐๖/๐๑๑๐๙", "number: 0406").replace("I1: 92.44", "I1: ๙๒.๔๔");
    const r = loadInput("k", source("k/org.yaml", ORG), [source("k/2563.yaml", text)]);
    expect(r.errors).toEqual([]);
    const y = r.org!.years.get(2563)!.data;
    expect(y.memo!.number).toBe("0406");
    expect(y.assessment!.scores.I1).toBe(92.44);
  });
  test("a Thai document number keeps its leading zero digits", () => {
    expect(loadExample("khon-kaen-city").org!.years.get(2563)!.data.memo!.number).toBe("ขก ๕๒๐๖/๐๑๑๐๙");
  });
  test("a BOM and CRLF line ends are accepted", () => {
    const text = "\uFEFF" + YEAR.replace(/\n/g, "\r\n");
    expect(errorsOf(text)).toEqual([]);
  });
  test("both examples validate without errors", () => {
    expect(loadExample("khon-kaen-city").errors).toEqual([]);
    expect(loadExample("nakhon-ratchasima-city").errors).toEqual([]);
  });
});

describe("a misspelt required key", () => {
  test("gives one message, the unknown key with its suggestion, not also a missing key", () => {
    const text = YEAR.replace("\n  subject:", "\n  subjet:");
    const r = loadInput("k", source("k/org.yaml", ORG), [source("k/2563.yaml", text)]);
    expect(r.errors.map((e) => [e.code, e.params.key, e.params.suggestion])).toEqual([["E_UNKNOWN_KEY", "subjet", "subject"]]);
  });
  test("a key that is really missing is still reported", () => {
    const text = YEAR.replace(/\n  subject:[^\n]*(\n {4}[^\n]*)*/, "");
    const r = loadInput("k", source("k/org.yaml", ORG), [source("k/2563.yaml", text)]);
    expect(r.errors.map((e) => [e.code, e.params.field])).toEqual([["E_REQUIRED", "memo.subject"]]);
  });
});

describe("characters the font cannot draw", () => {
  test("are all named in one message, so the clerk fixes them in one go", () => {
    const text = YEAR.replace("      ตามที่กองวิชาการ", "      😀 ตามที่ 👍 และ ✅ 😀 กองวิชาการ");
    expect(text).not.toBe(YEAR);
    const r = loadInput("k", source("k/org.yaml", ORG), [source("k/2563.yaml", text)]);
    expect(r.errors.map((e) => [e.code, e.params.char, e.params.code])).toEqual([["E_TEXT_GLYPH", "😀 👍 ✅", "1F600, U+1F44D, U+2705"]]);
  });
});
