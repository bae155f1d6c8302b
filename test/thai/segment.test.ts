import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { NO_SPLIT_WORDS } from "../../src/thai/no-split-words.js";
import { fallbackBreaks, independentParts, segmentThai } from "../../src/thai/segment.js";

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
    expect(bars("ช่องทางการรับฟังความคิดเห็น")).toBe("ช่องทาง|การรับฟัง|ความคิดเห็น");
    // Compounds of the dictionary that ICU splits into parts (พื้น|ฐาน, งบ|ประมาณ) stay whole.
    expect(bars("ข้อมูลพื้นฐาน")).toBe("ข้อมูล|พื้นฐาน");
    expect(bars("แผนการใช้จ่ายงบประมาณประจำปี")).toBe("แผนการ|ใช้จ่าย|งบประมาณ|ประจำปี");
    expect(segmentThai("รายงานผลการดำเนินงานประจำปี").length).toBeGreaterThan(2);
  });

  test("keeps the compounds and phrases ICU and the TLWG list split whole (issue 12)", () => {
    expect(bars("ได้จัดทำรายงาน")).toBe("ได้|จัดทำ|รายงาน");
    expect(bars("พร้อมรับการตรวจสอบจากทุกภาคส่วน")).toContain("การตรวจสอบ");
    expect(bars("เปิดเผยขั้นตอนระยะเวลา")).toBe("เปิดเผย|ขั้นตอน|ระยะเวลา");
    expect(bars("ของหน่วยงานภาครัฐ")).toBe("ของ|หน่วยงานภาครัฐ");
    expect(bars("ผู้รับผิดชอบโครงการ")).toBe("ผู้รับผิดชอบ|โครงการ");
    expect(bars("ส่งเสริมคุณธรรมและความโปร่งใสภายใน")).toBe("ส่งเสริม|คุณธรรมและความโปร่งใส|ภายใน");
    expect(bars("ผู้มีส่วนได้ส่วนเสียภายนอก")).toBe("ผู้มีส่วนได้ส่วนเสีย|ภายนอก");
  });

  test("binds การ and ความ to the word after them, so lines break between phrases", () => {
    expect(bars("คุณภาพการดำเนินงาน")).toBe("คุณภาพ|การดำเนินงาน");
    expect(bars("เต็มกำลังความสามารถ")).toBe("เต็มกำลัง|ความสามารถ");
    expect(bars("การป้องกันการทุจริต")).toBe("การป้องกัน|การทุจริต");
    // not before a space or at the end: nothing follows to bind to
    expect(bars("ด้านการ ")).toBe("ด้าน|การ ");
  });

  test("offers breaks inside a piece wider than a line, phrase boundaries first", () => {
    const [words, afterNominaliser, inside] = fallbackBreaks("คุณภาพการดำเนินงาน");
    expect(words).toEqual(["คุณภาพ".length]);
    expect(afterNominaliser).toEqual(["คุณภาพการ".length]);
    expect(inside?.every((p) => p > 0 && p < "คุณภาพการดำเนินงาน".length)).toBe(true);
    // never inside a base letter and its marks
    for (const rank of fallbackBreaks("ผู้มีส่วนได้ส่วนเสียภายนอก")) for (const p of rank) expect("ผู้มีส่วนได้ส่วนเสียภายนอก"[p]).toMatch(/[\u0E01-\u0E2E\u0E40-\u0E44]/);
  });

  test("never breaks inside or before the end of abbreviations, numbers, or at brackets and quotes", () => {
    expect(bars("สำนักงาน ป.ป.ช. ประจำ พ.ศ.๒๕๖๔")).toBe("สำนักงาน |ป.ป.ช. |ประจำ |พ.ศ.๒๕๖๔");
    expect(bars("ได้ผลคะแนน 95.26 คะแนน")).toBe("ได้|ผลคะแนน |95.26 |คะแนน");
    expect(bars("(ร้อยละ 50%)")).toBe("(ร้อยละ |50%)");
    expect(bars("“ความโปร่งใส”")).toBe("“ความโปร่งใส”");
  });

  test("keeps Latin words and URLs whole and never splits a base from its marks", () => {
    expect(bars("O17 E-Service การให้บริการ https://www.khonkaen.go.th/ita")).toBe(
      "O17 |E-Service |การให้บริการ |https://www.khonkaen.go.th/ita",
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

describe("independentParts", () => {
  const byParts = (t: string) => independentParts(t).flatMap((p) => segmentThai(p));

  test("cut after white space before a letter or digit, joining back to the input", () => {
    expect(independentParts("ผลคะแนน EIT ได้ ๘๔.๕๑ คะแนน")).toEqual(["ผลคะแนน ", "EIT ", "ได้ ", "๘๔.๕๑ ", "คะแนน"]);
    // not before a mark, ๆ, ฯ, punctuation, a format character or more white space
    expect(independentParts("ก \u0E31ข ๆ ค ฯ ง (จ) \u200Bฉ  ช\n\tซ")).toEqual(["ก \u0E31ข ๆ ", "ค ฯ ", "ง (จ) \u200Bฉ  ", "ช\n\t", "ซ"]);
    expect(independentParts("")).toEqual([]);
  });

  test("segmenting part by part gives what segmenting the whole text gives, on random text", () => {
    const unit = fc.constantFrom(..."กขคงจนมยรลวสหอฮำ่้๊๋ัีึืุูเแโใไะาๆฯ .,()“”\"'0๑๒aZx\n\t-/ป.ช%:\u00A0\u200B\u200D\u0E4C\u0E47");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        expect(byParts(s)).toEqual(segmentThai(s));
      }),
      { numRuns: 2000 },
    );
  });

  test("segmenting part by part gives what segmenting the whole text gives, on the examples' text", () => {
    const lines = readFileSync(realText, "utf8").split("\n").filter((l) => /[\u0E00-\u0E7F]/.test(l));
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(byParts(line), line).toEqual(segmentThai(line));
    for (const t of ["พ.ศ. ๒๕๖๔ ป.ป.ช. ส่งเสริม", "E-Service ของ อบต. ๑๐๐ %", "ดำเนินการ ๆ ไป การ ความ คุณภาพการดำเนินงาน (๘๔.๔๐ คะแนน)"]) {
      expect(byParts(t), t).toEqual(segmentThai(t));
    }
  });

  test("no keep-together word holds white space (a part may end at any space)", () => {
    for (const w of NO_SPLIT_WORDS) expect(/\s/.test(w), w).toBe(false);
  });
});
