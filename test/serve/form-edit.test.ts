/** The form's fields read from and written to the YAML text, comments and layout kept. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyEdits, formView } from "../../src/serve/form-edit.js";
import { exampleText } from "../helpers/load-example.js";

const y2564 = exampleText("khon-kaen-city", "2564.yaml");
const y2563 = exampleText("khon-kaen-city", "2563.yaml");
const nakhon2565 = exampleText("nakhon-ratchasima-city", "2565.yaml");

function edit(text: string, edits: Parameters<typeof applyEdits>[1]): string {
  const r = applyEdits(text, edits);
  if (!r.ok) throw new Error(`edit refused: ${r.reason} ${r.field ?? ""}`);
  return r.text;
}

/** Lines that differ between two texts of the same length. */
function changedLines(a: string, b: string): string[] {
  const x = a.split("\n");
  const y = b.split("\n");
  expect(y.length).toBe(x.length);
  return y.filter((l, i) => l !== x[i]);
}

describe("form view", () => {
  it("shows the ten scores as typed, with the indicator names, and the official figures", () => {
    const v = formView(y2564);
    if (!v.ok) throw new Error("no view");
    expect(v.view.fiscal_year).toBe(2564);
    expect(v.view.scores.map((f) => f.path)).toEqual(["I1", "I2", "I3", "I4", "I5", "E6", "E7", "E8", "O9", "O10"].map((id) => `assessment.scores.${id}`));
    expect(v.view.scores[0]).toMatchObject({ value: "95.57", label: "การปฏิบัติหน้าที่" });
    // 92.00 is shown as typed, not as 92
    expect(v.view.official.find((f) => f.path === "assessment.official.iit")?.value).toBe("92.00");
    expect(v.view.official.find((f) => f.path === "assessment.official.grade")?.value).toBe("AA");
  });

  it("shows the memo header, signer, approval chain and measures rows", () => {
    const v = formView(y2563);
    if (!v.ok) throw new Error("no view");
    expect(v.view.memo.present).toBe(true);
    expect(v.view.memo.number.value).toBe("ขก ๕๒๐๖/๐๑๑๐๙");
    expect(v.view.memo.date.value).toBe("2563-09-29");
    expect(v.view.memo.to.value).toBe("นายกเทศมนตรีนครขอนแก่น");
    expect(v.view.signer.name.value).toBe("นางสาวพรอนันต์ ทองสมบัติ");
    expect(v.view.approvals.items).toHaveLength(4);
    expect(v.view.approvals.items[1]!.name).toEqual({ path: "memo.approvals.1.signer.name", value: "นางอินทิรา ช่างวีระ" });
    const m = formView(nakhon2565);
    if (!m.ok) throw new Error("no view");
    expect(m.view.measures.columns).toEqual(["measure", "steps", "owner", "deadline", "reporting"]);
    expect(m.view.measures.rows[0]!.cells[1]!.value).toEqual(expect.arrayContaining([expect.stringMatching(/^๑\. จัดให้มีการเปิดเผยข้อมูล/)]));
  });
});

describe("form edits", () => {
  it("changes a score in place: its comment and alignment stay, no other line changes", () => {
    const out = edit(y2564, [{ field: "assessment.scores.I1", value: "96.10" }]);
    expect(changedLines(y2564, out)).toEqual(["    I1: 96.10   # การปฏิบัติหน้าที่"]);
    expect(parse(out).assessment.scores.I1).toBe(96.1);
  });

  it("keeps a number's decimals and writes a text that needs quotes with quotes", () => {
    const out = edit(y2563, [
      { field: "assessment.official.total", value: "75.00" },
      { field: "memo.subject", value: "รายงานผล: ITA # ปี 2563" },
      { field: "memo.number", value: "ขก ๕๒๐๖/๐๒๒๒๒" },
    ]);
    const data = parse(out);
    expect(data.memo.subject).toBe("รายงานผล: ITA # ปี 2563");
    expect(data.memo.number).toBe("ขก ๕๒๐๖/๐๒๒๒๒");
    expect(out).toContain("    total: 75.00\n");
    // every comment of the file is still there
    const comments = (t: string) => t.split("\n").filter((l) => /#\s/.test(l) && !l.includes("รายงานผล:"));
    expect(comments(out)).toEqual(comments(y2563));
  });

  it("adds an approval level and a measures row, and removes one, keeping the comments and every untouched line", () => {
    const added = edit(y2563, [
      { field: "memo.approvals.4", value: null },
      { field: "memo.approvals.4.to", value: "ปลัดเทศบาลนครขอนแก่น" },
      { field: "memo.approvals.4.signer.name", value: "นายทดสอบ ระบบ" },
      { field: "memo.approvals.4.signer.position", value: "ปลัดเทศบาล" },
    ]);
    const data = parse(added);
    expect(data.memo.approvals).toHaveLength(5);
    expect(data.memo.approvals[4]).toEqual({ to: "ปลัดเทศบาลนครขอนแก่น", signer: { name: "นายทดสอบ ระบบ", position: "ปลัดเทศบาล" } });
    // the aligned score comments far from the edit keep their bytes
    expect(added).toContain("    I1: 92.44   # การปฏิบัติหน้าที่\n");
    expect(added).toContain("  # ผู้ลงนามบันทึก\n");
    const removed = edit(nakhon2565, [{ field: "measures.items.1", value: null }]);
    const before = parse(nakhon2565).measures.items;
    expect(parse(removed).measures.items).toEqual([before[0], ...before.slice(2)]);
    const steps = edit(nakhon2565, [{ field: "measures.items.0.steps", value: ["๑. ขั้นแรก", "๒. ขั้นที่สอง"] }]);
    expect(parse(steps).measures.items[0].steps).toEqual(["๑. ขั้นแรก", "๒. ขั้นที่สอง"]);
    expect(steps.split("\n").filter((l) => l.trim().startsWith("#"))).toEqual(nakhon2565.split("\n").filter((l) => l.trim().startsWith("#")));
  });

  it("changes a folded paragraph in place", () => {
    const out = edit(y2563, [{ field: "memo.subject", value: "เรื่องใหม่ทั้งหมด" }]);
    expect(parse(out).memo.subject).toBe("เรื่องใหม่ทั้งหมด");
    expect(out.split("\n").length).toBe(y2563.split("\n").length);
  });

  it("refuses a path that is not a field and a text that is not YAML", () => {
    expect(applyEdits(y2564, [{ field: "assessment.scores.I1.x", value: "1" }])).toMatchObject({ ok: false, reason: "path" });
    expect(applyEdits(y2564, [{ field: "../etc", value: "1" }])).toMatchObject({ ok: false, reason: "path" });
    expect(applyEdits("a: [", [{ field: "a", value: "1" }])).toMatchObject({ ok: false, reason: "syntax" });
  });
});

describe("form edits, any text", () => {
  it("a text of any characters a clerk may type reads back exactly, and no comment is lost", async () => {
    const fc = await import("fast-check");
    const piece = fc.constantFrom("ก", "ที่", "น้ำ", ": ", " #", "#", "'", '"', "-", "[", "]", "{", "}", ",", " ", "&", "*", "!", "%", "@", "`", "|", ">", "?", "1", "2563", "true", "null", "~", "\\", "ข้อ ๑.");
    const value = fc.array(piece, { minLength: 1, maxLength: 12 }).map((xs) => xs.join(""));
    const field = fc.constantFrom("memo.subject", "memo.number", "memo.to", "memo.signer.name", "memo.approvals.1.signer.name", "memo.approvals.4.to", "assessment.peers.group", "memo.analysis.passed.heading");
    const comments = (t: string) => t.split("\n").filter((l) => l.trim().startsWith("#"));
    fc.assert(
      fc.property(field, value, (f, v) => {
        const out = edit(y2563, [{ field: f, value: v }]);
        const data = parse(out);
        const got = f.split(".").reduce((o: any, k) => o?.[/^[0-9]+$/.test(k) ? Number(k) : k], data);
        expect(got).toBe(v);
        // (a line of the new value itself may start with "#" inside a block: not a comment)
        expect(comments(out).filter((l) => !v.includes(l.trim()))).toEqual(comments(y2563));
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});

describe("form edits, any score", () => {
  it("a score typed with any decimals stays a number with those decimals, beside its comment", async () => {
    const fc = await import("fast-check");
    const typed = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.stringMatching(/^[0-9]{1,3}$/), { nil: undefined })).map(([i, d]) => (d === undefined ? String(i) : `${i}.${d}`));
    fc.assert(
      fc.property(fc.constantFrom("I1", "E7", "O10"), typed, (id, v) => {
        const out = edit(y2564, [{ field: `assessment.scores.${id}`, value: v }]);
        expect(parse(out).assessment.scores[id]).toBe(Number(v));
        const line = out.split("\n").find((l) => l.trimStart().startsWith(`${id}:`))!;
        expect(line).toMatch(new RegExp(`^    ${id}: ${v.replace(".", "\\.")}\\s+# `));
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});
