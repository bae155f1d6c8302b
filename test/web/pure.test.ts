/** The page's pure helpers, without a browser: where the cursor is in the YAML tree, line diffs, event-stream framing, file names, drafts. */
import { describe, expect, it } from "vitest";
import { EventStreamParser, fileNameOf, type SchemaKey } from "../../src/web/api.js";
import { Drafts } from "../../src/web/drafts.js";
import { keysAt, parentPath, siblingKeys } from "../../src/web/key-path.js";
import { lineDiff } from "../../src/web/line-diff.js";
import { topLevelKeys } from "../../src/web/sections.js";
import { STRINGS } from "../../src/web/i18n.js";

const YAML = `fiscal_year: 2564
# comment
assessment:
  scores:
    I1: 95
    I2: 91

  official:
    grade: AA
measures:
  rows:
    - measure: a
      owner: b
    - measure: c
      `.split("\n");

describe("parentPath", () => {
  it("finds the keys above a line from indentation, past blank and comment lines", () => {
    expect(parentPath(YAML, 5, 4)).toEqual(["assessment", "scores"]);
    expect(parentPath(YAML, 7, 2)).toEqual(["assessment"]);
    expect(parentPath(YAML, 8, 4)).toEqual(["assessment", "official"]);
    expect(parentPath(YAML, 9, 0)).toEqual([]);
  });
  it("treats sequence items as transparent", () => {
    expect(parentPath(YAML, 12, 6)).toEqual(["measures", "rows"]);
    expect(parentPath(YAML, 14, 6)).toEqual(["measures", "rows"]);
  });
});

describe("siblingKeys", () => {
  it("lists the keys already in the same map (not the line being typed), and only that sequence item's", () => {
    expect([...siblingKeys(YAML, 6, 4)].sort()).toEqual(["I1", "I2"]);
    expect([...siblingKeys(YAML, 5, 4)].sort()).toEqual(["I1"]);
    expect([...siblingKeys(YAML, 14, 6)].sort()).toEqual(["measure"]);
    expect([...siblingKeys(YAML, 12, 6)].sort()).toEqual(["measure"]);
    expect([...siblingKeys(YAML, 11, 6)].sort()).toEqual(["owner"]);
  });
});

describe("keysAt", () => {
  const schema: SchemaKey[] = [{ key: "assessment", children: [{ key: "scores", children: [{ key: "I1" }, { key: "I3" }] }] }, { key: "fiscal_year" }];
  it("walks the schema tree and gives nothing off it", () => {
    expect(keysAt(schema, ["assessment", "scores"]).map((k) => k.key)).toEqual(["I1", "I3"]);
    expect(keysAt(schema, []).map((k) => k.key)).toEqual(["assessment", "fiscal_year"]);
    expect(keysAt(schema, ["fiscal_year"])).toEqual([]);
    expect(keysAt(schema, ["nope", "x"])).toEqual([]);
  });
});

describe("lineDiff", () => {
  it("marks only the lines that differ", () => {
    const d = lineDiff(["a", "b", "c", "d"], ["a", "B", "c", "d", "e"]);
    expect([...d.changedA]).toEqual([1]);
    expect([...d.changedB].sort()).toEqual([1, 4]);
  });
  it("marks nothing for equal texts", () => {
    const d = lineDiff(["x", "y"], ["x", "y"]);
    expect(d.changedA.size + d.changedB.size).toBe(0);
  });
});

describe("EventStreamParser", () => {
  it("joins data split across chunks and ignores other fields", () => {
    const p = new EventStreamParser();
    expect(p.push('data: {"done":1,')).toEqual([]);
    expect(p.push('"total":2}\n\n: comment\n\ndata: {"end":true}\r\n\r\n')).toEqual(['{"done":1,"total":2}', '{"end":true}']);
    expect(p.push("data: last")).toEqual([]);
    expect(p.end()).toEqual(["last"]);
  });
});

describe("fileNameOf", () => {
  it("reads the RFC 5987 name (Thai) before the plain one", () => {
    expect(fileNameOf(`attachment; filename="x.pdf"; filename*=UTF-8''${encodeURIComponent("2564-มาตรการ.pdf")}`)).toBe("2564-มาตรการ.pdf");
    expect(fileNameOf('attachment; filename="2564-memo.docx"')).toBe("2564-memo.docx");
    expect(fileNameOf(null)).toBeUndefined();
  });
});

describe("Drafts", () => {
  it("keeps one draft per folder and file, and survives junk in storage", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const a = new Drafts(storage, "/a");
    const b = new Drafts(storage, "/b");
    a.put("x/2564.yaml", { text: "t", baseHash: "h", savedAt: 5 });
    expect(a.get("x/2564.yaml")).toEqual({ text: "t", baseHash: "h", savedAt: 5 });
    expect(b.get("x/2564.yaml")).toBeUndefined();
    for (const k of store.keys()) store.set(k, "{not json");
    expect(a.get("x/2564.yaml")).toBeUndefined();
    a.remove("x/2564.yaml");
    expect(store.size).toBe(0);
  });
});

describe("page texts", () => {
  it("topLevelKeys names the sections a file has", () => {
    expect([...topLevelKeys("fiscal_year: 1\nmemo:\n  to: x\n# measures:\nreport: {}\n")].sort()).toEqual(["fiscal_year", "memo", "report"]);
  });
  it("has every Thai text in English too, none empty", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.th).sort());
    for (const table of [STRINGS.th, STRINGS.en]) for (const v of Object.values(table)) expect(v.trim()).not.toBe("");
  });
});
