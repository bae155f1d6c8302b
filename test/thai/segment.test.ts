import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { NO_SPLIT_WORDS } from "../../src/thai/no-split-words.js";
import { segmentThai } from "../../src/thai/segment.js";

// The real document text, as carried into the examples from the seeds (the repository holds it; ../shared may be absent).
const realText = new URL("../../examples/khon-kaen-city/2563.yaml", import.meta.url);
const bars = (t: string) => segmentThai(t).join("|");

describe("segmentThai", () => {
  test("joins back to the input exactly", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."กขคำ่้ัีเแ .,()“”0๑aZ\n-/ป.ช%") }), (s) => {
        expect(segmentThai(s).join("")).toBe(s);
      }),
    );
  });

  test("keeps every keep-together word whole", () => {
    for (const w of NO_SPLIT_WORDS) expect(segmentThai(`ทดสอบ${w}ทดสอบ`)).toContain(w);
  });

  test("fixes compounds the segmenter splits, and breaks long phrases between words", () => {
    expect(bars("ผู้อำนวยการกองคลัง")).toBe("ผู้อำนวยการ|กองคลัง");
    expect(bars("ช่องทางการรับฟังความคิดเห็น")).toBe("ช่องทาง|การ|รับฟัง|ความคิดเห็น");
    // Compounds of the dictionary that ICU splits into parts (พื้น|ฐาน, งบ|ประมาณ) stay whole.
    expect(bars("ข้อมูลพื้นฐาน")).toBe("ข้อมูล|พื้นฐาน");
    expect(bars("แผนการใช้จ่ายงบประมาณประจำปี")).toBe("แผนการ|ใช้จ่าย|งบประมาณ|ประจำปี");
    expect(segmentThai("รายงานผลการดำเนินงานประจำปี").length).toBeGreaterThan(2);
  });

  test("never breaks inside or before the end of abbreviations, numbers, or at brackets and quotes", () => {
    expect(bars("สำนักงาน ป.ป.ช. ประจำ พ.ศ.๒๕๖๔")).toBe("สำนักงาน |ป.ป.ช. |ประจำ |พ.ศ.๒๕๖๔");
    expect(bars("ได้ผลคะแนน 95.26 คะแนน")).toBe("ได้|ผล|คะแนน |95.26 |คะแนน");
    expect(bars("(ร้อยละ 50%)")).toBe("(ร้อยละ |50%)");
    expect(bars("“ความโปร่งใส”")).toBe("“ความโปร่งใส”");
  });

  test("keeps Latin words and URLs whole and never splits a base from its marks", () => {
    expect(bars("O17 E-Service การให้บริการ https://www.khonkaen.go.th/ita")).toBe(
      "O17 |E-Service |การ|ให้|บริการ |https://www.khonkaen.go.th/ita",
    );
    for (const piece of segmentThai(readFileSync(realText, "utf8"))) {
      expect(piece).not.toMatch(/^[\u0E30-\u0E3A\u0E45-\u0E4E]/);
      expect(piece).not.toMatch(/[\u0E40-\u0E44]$/);
    }
  });

  test("breaks lines at newlines", () => {
    expect(segmentThai("ก\nข")).toEqual(["ก\n", "ข"]);
  });
});
