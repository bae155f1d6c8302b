/**
 * The page of `itadoc serve` in a real browser (Debian's chromium through
 * playwright-core), against the real server on a copy of examples/: what a
 * clerk does, and what they must see. One browser for the file, a fresh
 * context (storage, cookies) per test.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type LaunchedBrowser } from "../helpers/browser.js";
import { serveExamples, type ServedFolder } from "../helpers/serve-page.js";

const FILE = "khon-kaen-city/2564.yaml";
const WAIT = { timeout: 60_000 };

let browser: LaunchedBrowser;
let served: ServedFolder;

beforeAll(async () => {
  served = await serveExamples();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await served?.stop()).toBe(0);
});

async function withPage(run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await run(page, context);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Opens `file` and waits until its first check has answered and its preview is drawn. */
async function open(page: Page, file = FILE): Promise<void> {
  await page.goto(`${served.url}#file=${encodeURIComponent(file)}`);
  await page.waitForFunction(() => document.getElementById("diag-summary")?.textContent !== "", undefined, WAIT);
  await page.waitForSelector(".page .textLayer span", WAIT);
}

/** The 1-based line of the file whose text matches `re`. */
function lineOf(file: string, re: RegExp): number {
  const i = readFileSync(join(served.dir, file), "utf8").split("\n").findIndex((l) => re.test(l));
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}

/** Selects the value after `key:` on the first line matching `re`, as a clerk's double-click would, so typing replaces it. */
async function selectValue(page: Page, re: RegExp): Promise<void> {
  await page.evaluate((source) => {
    const view = (window as unknown as { itadoc: { view: import("@codemirror/view").EditorView } }).itadoc.view;
    const doc = view.state.doc;
    const re = new RegExp(source);
    for (let n = 1; n <= doc.lines; n++) {
      const line = doc.line(n);
      const m = re.exec(line.text);
      if (m) {
        const start = line.from + m.index + m[1]!.length;
        view.dispatch({ selection: { anchor: start, head: start + m[2]!.length }, scrollIntoView: true });
        view.focus();
        return;
      }
    }
    throw new Error(`no line matches ${source}`);
  }, re.source);
}

/** Puts the cursor at the end of the first line matching `re`. */
async function endOf(page: Page, re: RegExp): Promise<void> {
  await page.evaluate((source) => {
    const view = (window as unknown as { itadoc: { view: import("@codemirror/view").EditorView } }).itadoc.view;
    const doc = view.state.doc;
    for (let n = 1; n <= doc.lines; n++) {
      const line = doc.line(n);
      if (new RegExp(source).test(line.text)) {
        view.dispatch({ selection: { anchor: line.to }, scrollIntoView: true });
        view.focus();
        return;
      }
    }
    throw new Error(`no line matches ${source}`);
  }, re.source);
}

/** The preview's text as pdf.js's text layer has it, without the spaces and line ends the layout puts between runs. */
function previewText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll("#preview-pages .textLayer")].map((l) => l.textContent ?? "").join("").replace(/\s+/g, ""));
}

function previewSeq(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.body.dataset.previewSeq);
}

async function nextPreview(page: Page, after: string | undefined): Promise<void> {
  await page.waitForFunction((prev) => document.body.dataset.previewSeq !== prev, after, WAIT);
}

function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { itadoc: { view: import("@codemirror/view").EditorView } }).itadoc.view.state.doc.toString());
}

describe("itadoc serve, the page in a browser", () => {
  it("shows the Thai message under the line of a score of 120, keeps the last preview, and redraws it once the score is fixed", async () => {
    await withPage(async (page) => {
      await open(page);
      const before = await previewText(page);
      expect(before).toContain("95.57");
      expect(await page.locator("#preview-notice").isHidden()).toBe(true);

      await selectValue(page, /^(\s+I1:\s*)(\S+)/);
      await page.keyboard.type("120");
      const line = lineOf(FILE, /^\s+I1:/);
      const msg = page.locator(`.inline-diag-error[data-line="${line}"]`);
      await msg.waitFor(WAIT);
      expect(await msg.getAttribute("data-code")).toBe("E_SCORE_RANGE");
      expect(await msg.textContent()).toContain("ต้องอยู่ระหว่าง 0 ถึง 100");
      expect(await msg.textContent()).toContain("วิธีแก้");
      // The underline sits on the value, on that line.
      const underlined = await page.evaluate(() => {
        const r = document.querySelector(".cm-lintRange-error");
        return r ? { text: r.textContent, line: [...document.querySelectorAll(".cm-line")].indexOf(r.closest(".cm-line")!) } : null;
      });
      expect(underlined?.text).toBe("120");
      // The previous preview stays, marked out of date.
      await page.locator('#preview-notice[data-kind="stale"]').waitFor(WAIT);
      expect(await previewText(page)).toBe(before);

      const seq = await previewSeq(page);
      await selectValue(page, /^(\s+I1:\s*)(\S+)/);
      await page.keyboard.type("88.25");
      await nextPreview(page, seq);
      const after = await previewText(page);
      expect(after).toContain("88.25");
      expect(after).not.toContain("95.57");
      await page.waitForFunction(() => document.querySelectorAll(".inline-diag-error").length === 0, undefined, WAIT);
      expect(await page.locator("#preview-notice").isHidden()).toBe(true);
    });
  });

  it("completes keys and values from the schema at the cursor's place in the tree", async () => {
    await withPage(async (page) => {
      await open(page);
      // Under official:, after grade: — the keys left there, then the grades.
      await endOf(page, /^\s+grade:/);
      await page.keyboard.press("Enter");
      await page.keyboard.type("la");
      const popup = page.locator(".cm-tooltip-autocomplete");
      await popup.waitFor(WAIT);
      expect(await popup.locator("li").allTextContents()).toEqual(["label"]);
      await page.keyboard.press("Escape");
      await selectValue(page, /^(\s+grade:\s*)(\S+)/);
      await page.keyboard.press("Backspace");
      await page.keyboard.type("A");
      await popup.waitFor(WAIT);
      const grades = await popup.locator("li").allTextContents();
      expect(grades).toContain("AA");
      expect(grades).toContain("A");
    });
  });

  it("finds the words typed into a paragraph in the preview", async () => {
    await withPage(async (page) => {
      await open(page);
      const words = "คำใหม่ที่เสมียนพิมพ์ในหน้าเว็บ";
      expect(await previewText(page)).not.toContain(words);
      const seq = await previewSeq(page);
      await endOf(page, /^\s+1\.การวิเคราะห์ผลการประเมิน/);
      await page.keyboard.type(` ${words}`);
      await nextPreview(page, seq);
      expect(await previewText(page)).toContain(words);
    });
  });

  it("saves the file and keeps the previous version as a backup beside it", async () => {
    await withPage(async (page) => {
      const original = readFileSync(join(served.dir, FILE), "utf8");
      await open(page);
      await selectValue(page, /^(\s+I2:\s*)(\S+)/);
      await page.keyboard.type("90.5");
      expect(await page.locator("#dirty").getAttribute("data-dirty")).toBe("true");
      await page.click("#save");
      await page.locator('#status[data-kind="ok"]').waitFor(WAIT);
      const saved = readFileSync(join(served.dir, FILE), "utf8");
      expect(saved).toBe(await editorText(page));
      expect(saved).toMatch(/^\s+I2: 90\.5 /m);
      const backups = readdirSync(join(served.dir, "khon-kaen-city", ".itadoc-backup")).filter((n) => n.startsWith("2564.yaml."));
      expect(backups).toHaveLength(1);
      expect(readFileSync(join(served.dir, "khon-kaen-city", ".itadoc-backup", backups[0]!), "utf8")).toBe(original);
      expect(await page.locator("#dirty").getAttribute("data-dirty")).toBe("false");
      // Saved: nothing left to offer back after a reload.
      await page.reload();
      await page.waitForSelector(".page .textLayer span", WAIT);
      expect(await page.locator("#draft-banner").isHidden()).toBe(true);
    });
  });

  it("offers the unsaved edit back after a reload, and leaves the file on disk alone", async () => {
    await withPage(async (page) => {
      const file = "nakhon-ratchasima-city/2564.yaml";
      const disk = readFileSync(join(served.dir, file), "utf8");
      await open(page, file);
      await selectValue(page, /^(\s+I3:\s*)(\S+)/);
      await page.keyboard.type("77.77");
      const edited = await editorText(page);
      await page.reload();
      await page.locator("#draft-banner").waitFor(WAIT);
      expect(await editorText(page)).toBe(disk);
      await page.click("#draft-restore");
      expect(await editorText(page)).toBe(edited);
      expect(await page.locator("#dirty").getAttribute("data-dirty")).toBe("true");
      expect(readFileSync(join(served.dir, file), "utf8")).toBe(disk);
    });
  });

  it("shows both versions when the file changed on disk, and writes only what the clerk chooses", async () => {
    await withPage(async (page) => {
      const file = "khon-kaen-city/2563.yaml";
      const path = join(served.dir, file);
      await open(page, file);
      await selectValue(page, /^(\s+I4:\s*)(\S+)/);
      await page.keyboard.type("66.66");
      // Someone else (another editor) changes the file meanwhile.
      const theirs = readFileSync(path, "utf8").replace(/^(\s+I5:\s*)\S+/m, "$155.55");
      writeFileSync(path, theirs);
      await page.click("#save");
      const dialog = page.locator("dialog#conflict[open]");
      await dialog.waitFor(WAIT);
      expect(await dialog.locator(".conflict-disk").textContent()).toContain("55.55");
      expect(await dialog.locator(".conflict-mine").textContent()).toContain("66.66");
      expect(await dialog.locator(".conflict-disk .diff-line.changed").count()).toBeGreaterThan(0);
      // Nothing written until the clerk chooses.
      expect(readFileSync(path, "utf8")).toBe(theirs);
      await page.click("#conflict-cancel");
      expect(readFileSync(path, "utf8")).toBe(theirs);
      // Asked again, the clerk keeps their own: theirs goes to the backup, not lost.
      await page.click("#save");
      await dialog.waitFor(WAIT);
      await page.click("#conflict-keep-mine");
      await page.locator('#status[data-kind="ok"]').waitFor(WAIT);
      expect(readFileSync(path, "utf8")).toBe(await editorText(page));
      const dir = join(served.dir, "khon-kaen-city", ".itadoc-backup");
      const backups = readdirSync(dir).filter((n) => n.startsWith("2563.yaml."));
      expect(backups.map((n) => readFileSync(join(dir, n), "utf8"))).toContain(theirs);
    });
  });

  it("refuses files outside the folder, also through a link", async () => {
    symlinkSync("/etc/hostname", join(served.dir, "khon-kaen-city", "link.yaml"));
    await withPage(async (page) => {
      await open(page);
      const answers = await page.evaluate(
        async ({ token, outside }) => {
          const ask = async (path: string) => {
            const r = await fetch(`/api/file?path=${encodeURIComponent(path)}`, { headers: { "X-Itadoc-Token": token } });
            return { status: r.status, body: (await r.json()) as { error?: { code: string; message: string } } };
          };
          return Promise.all([ask("../package.json"), ask(outside), ask("khon-kaen-city/../../x.yaml"), ask("khon-kaen-city/link.yaml")]);
        },
        { token: served.token, outside: join(served.dir, "..", "outside.yaml") },
      );
      for (const a of answers) {
        expect(a.status).toBe(403);
        expect(a.body.error?.code).toBe("E_SERVE_PATH");
        expect(a.body.error?.message).toMatch(/[ก-๙]/);
      }
    });
  });

  it("refuses every request without the run's token", async () => {
    await withPage(async (page) => {
      const res = await page.goto(`${served.origin}/`);
      expect(res?.status()).toBe(403);
      const wrong = await page.goto(`${served.origin}/?t=${"x".repeat(served.token.length)}`);
      expect(wrong?.status()).toBe(403);
      const api = await page.evaluate(async () => {
        const r = await fetch("/api/tree");
        return { status: r.status, body: (await r.json()) as { error?: { code: string } } };
      });
      expect(api.status).toBe(403);
      expect(api.body.error?.code).toBe("E_SERVE_TOKEN");
      // With the token the same page loads.
      await open(page);
    });
  });

  it("writes the form's fields into the YAML, keeping its comments, and the preview follows", async () => {
    await withPage(async (page) => {
      const file = "khon-kaen-city/2563.yaml";
      const disk = readFileSync(join(served.dir, file), "utf8");
      await open(page, file);
      await page.selectOption("#kind", "memo");
      await page.click("#tab-form");
      const score = page.locator('[data-field="assessment.scores.I2"]');
      await score.waitFor(WAIT);
      expect(await score.inputValue()).toBe(/^\s+I2:\s*(\S+)/m.exec(disk)![1]);
      await score.fill("88.88");
      await score.press("Tab");
      await page.waitForFunction(() => /^\s+I2: 88\.88\s+# การใช้งบประมาณ$/m.test((window as unknown as { itadoc: { view: import("@codemirror/view").EditorView } }).itadoc.view.state.doc.toString()), undefined, WAIT);
      const seq = await previewSeq(page);
      const subject = "เรื่องที่แก้จากแบบฟอร์มของหน้าเว็บ";
      await page.fill('[data-field="memo.subject"]', subject);
      await page.locator('[data-field="memo.subject"]').press("Tab");
      await nextPreview(page, seq);
      await page.waitForFunction((words) => [...document.querySelectorAll("#preview-pages .textLayer")].map((l) => l.textContent ?? "").join("").replace(/\s+/g, "").includes(words), subject, WAIT);
      const text = await editorText(page);
      // Only the two changed lines differ from the file.
      const changed = text.split("\n").filter((l, i) => l !== disk.split("\n")[i]);
      expect(changed).toHaveLength(2);
      expect(changed[1]).toContain(subject);
      expect(readFileSync(join(served.dir, file), "utf8")).toBe(disk);
      expect(await page.locator("#dirty").getAttribute("data-dirty")).toBe("true");
    });
  });

  it("draws pages below the fold on scrolling, and downloads the chosen document as PDF and as DOCX, named as the build names it", async () => {
    await withPage(async (page) => {
      await open(page, "khon-kaen-city/2563.yaml");
      await page.selectOption("#kind", "memo");
      await page.waitForFunction(() => document.querySelectorAll("#preview-pages .page").length > 2, undefined, WAIT);
      // Pages below the fold are drawn when they scroll into view.
      await page.evaluate(() => {
        const host = document.getElementById("preview-pages")!;
        host.scrollTop = host.scrollHeight;
      });
      await page.waitForFunction(() => {
        const last = [...document.querySelectorAll("#preview-pages .page")].at(-1);
        return !!last?.querySelector("canvas") && !last.classList.contains("outdated") && (last.querySelector(".textLayer")?.textContent ?? "") !== "";
      }, undefined, WAIT);
      for (const [button, magic, ext] of [["#download-pdf", "%PDF-", ".pdf"], ["#download-docx", "PK", ".docx"]] as const) {
        const [download] = await Promise.all([page.waitForEvent("download", WAIT), page.click(button)]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`^2563-memo\\${ext}$`));
        const path = await download.path();
        expect(readFileSync(path).subarray(0, magic.length).toString("latin1")).toBe(magic);
      }
    });
  });

  it("builds all documents of the organisation into the output folder, with progress", async () => {
    await withPage(async (page) => {
      await open(page, "khon-kaen-city/2564.yaml");
      await page.evaluate(() => {
        const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
        new MutationObserver(() => seen.push(document.getElementById("status")!.textContent ?? "")).observe(document.getElementById("status")!, { childList: true, characterData: true, subtree: true });
      });
      await page.click("#build-all");
      await page.waitForFunction(() => document.getElementById("status")?.dataset.kind === "ok" && /สร้างเสร็จ/.test(document.getElementById("status")!.textContent ?? ""), undefined, { timeout: 110_000 });
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      expect(seen.some((s) => /กำลังสร้าง \d+\/\d+/.test(s))).toBe(true);
      const count = Number(/สร้างเสร็จ (\d+) ไฟล์/.exec(seen.at(-1)!)?.[1]);
      expect(count).toBeGreaterThan(0);
      const bar = await page.evaluate(() => { const b = document.getElementById("build-progress") as HTMLProgressElement; return { value: b.value, max: b.max }; });
      expect(bar.value).toBe(bar.max);
      const outFiles = readdirSync(join(served.dir, "out"), { recursive: true }).map(String).filter((f) => /\.(pdf|docx)$/.test(f));
      expect(outFiles.length).toBe(count);
    });
  });

  it("starts a new year from the last one and opens it", async () => {
    await withPage(async (page) => {
      await open(page, "nakhon-ratchasima-city/2564.yaml");
      await page.click("#new-year");
      await page.waitForFunction(() => /2566\.yaml/.test(location.hash) && (document.getElementById("year") as HTMLSelectElement).selectedOptions[0]?.textContent === "2566", undefined, WAIT);
      expect(existsSync(join(served.dir, "nakhon-ratchasima-city", "2566.yaml"))).toBe(true);
      expect(await editorText(page)).toBe(readFileSync(join(served.dir, "nakhon-ratchasima-city", "2566.yaml"), "utf8"));
      expect(await editorText(page)).toMatch(/^fiscal_year: 2566/m);
    });
  });
});

describe("itadoc serve --lang en", () => {
  it("shows the page and the validator's messages in English", async () => {
    const en = await serveExamples("en");
    try {
      const context = await browser.browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${en.url}#file=${encodeURIComponent(FILE)}`);
      await page.waitForSelector(".page .textLayer span", WAIT);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("#save").textContent()).toBe("Save");
      expect(await page.locator("#build-all").textContent()).toBe("Build all documents of the organisation");
      await selectValue(page, /^(\s+I1:\s*)(\S+)/);
      await page.keyboard.type("120");
      const msg = page.locator(`.inline-diag-error[data-line="${lineOf(FILE, /^\s+I1:/)}"]`);
      await msg.waitFor(WAIT);
      expect(await msg.textContent()).toMatch(/between 0 and 100/);
      expect(await msg.textContent()).not.toMatch(/[ก-๙]{3}/);
      await context.close();
    } finally {
      await en.stop();
    }
  });
});
