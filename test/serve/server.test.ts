/**
 * itadoc serve's server over real HTTP on loopback, in this process: who is
 * refused, what is saved and how, what check and preview answer.
 */
import { execFileSync } from "node:child_process";
import { connect, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sha256 } from "../../src/serve/file-store.js";
import { MAX_BACKUPS } from "../../src/serve/file-store.js";
import { pdfPages, squash } from "../helpers/pdf-text.js";
import { rawRequest, serveExamples, type TestServer } from "./helpers.js";

const Y2564 = "khon-kaen-city/2564.yaml";

let t: TestServer;
beforeAll(async () => {
  t = await serveExamples();
});
afterAll(async () => {
  await t.close();
});

const diskText = (rel: string) => readFileSync(join(t.root, rel), "utf8");

describe("who is refused", () => {
  it("answers with the token and refuses without it, or with another one", async () => {
    expect((await t.call({ path: "/api/tree" })).status).toBe(200);
    const none = await t.call({ path: "/api/tree", noToken: true });
    expect(none.status).toBe(403);
    expect(none.json().error).toMatchObject({ code: "E_SERVE_TOKEN", message: expect.stringContaining("รหัส") });
    const wrong = await t.call({ path: "/api/tree", noToken: true, headers: { "X-Itadoc-Token": `${t.server.token.slice(1)}x` } });
    expect(wrong.status).toBe(403);
    // The token in the URL opens the page, not the API (a link on another site must not reach the API).
    expect((await t.call({ path: `/api/tree?t=${t.server.token}`, noToken: true })).status).toBe(403);
    expect((await t.call({ path: "/", noToken: true })).status).toBe(403);
    const page = await t.call({ path: `/?t=${t.server.token}`, noToken: true });
    expect(page.status).toBe(200);
    // …and sets the cookie the page's assets (fonts, pdf.js's worker) are then fetched with
    const cookie = String(page.headers["set-cookie"]);
    expect(cookie).toContain("SameSite=Strict");
    expect((await t.call({ path: "/", noToken: true, headers: { Cookie: cookie.split(";")[0]! } })).status).toBe(200);
    expect((await t.call({ path: "/api/tree", noToken: true, headers: { Cookie: cookie.split(";")[0]! } })).status).toBe(403);
  });

  it("refuses a Host that is not this machine's loopback name and port (DNS rebinding) and a foreign Origin", async () => {
    for (const host of ["evil.example:" + t.server.port, "127.0.0.1:1", "localhost", `127.0.0.1.nip.io:${t.server.port}`]) {
      const r = await t.call({ path: "/api/tree", headers: { Host: host } });
      expect(r.status, host).toBe(421);
      expect(r.json().error.code).toBe("E_SERVE_HOST");
    }
    expect((await t.call({ path: "/api/tree", headers: { Host: `localhost:${t.server.port}` } })).status).toBe(200);
    const cross = await t.call({ path: "/api/tree", headers: { Origin: "http://evil.example" } });
    expect(cross.status).toBe(403);
    expect(cross.json().error.code).toBe("E_SERVE_ORIGIN");
  });

  it("listens on 127.0.0.1 only", async () => {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal)
      .map((a) => a!.address);
    for (const address of addresses) {
      const reached = await new Promise<boolean>((resolve) => {
        const s = connect({ host: address, port: t.server.port }, () => {
          s.destroy();
          resolve(true);
        });
        s.on("error", () => resolve(false));
      });
      expect(reached, address).toBe(false);
    }
  });

  it("refuses paths outside the folder, links, FIFOs and non-data files", async () => {
    // a server of its own: the links and the FIFO must not reach the other tests' folder
    const t = await serveExamples();
    const outside = mkdtempSync(join(tmpdir(), "itadoc-outside-"));
    writeFileSync(join(outside, "secret.yaml"), "fiscal_year: 2564\n");
    symlinkSync(join(outside, "secret.yaml"), join(t.root, "khon-kaen-city", "2599.yaml"));
    symlinkSync(outside, join(t.root, "linked"));
    execFileSync("mkfifo", [join(t.root, "khon-kaen-city", "2598.yaml")]);
    const cases: [string, number][] = [
      ["../../../etc/passwd", 403],
      ["khon-kaen-city/../../x.yaml", 403],
      ["/etc/hosts.yaml", 403],
      ["khon-kaen-city/2599.yaml", 403],
      ["linked/secret.yaml", 403],
      ["khon-kaen-city/2598.yaml", 403],
      ["khon-kaen-city/.itadoc-backup/x.yaml", 403],
      ["package.json", 403],
      ["khon-kaen-city/2500.yaml", 404],
    ];
    for (const [path, status] of cases) {
      const r = await t.call({ path: `/api/file?path=${encodeURIComponent(path)}` });
      expect(r.status, path).toBe(status);
      expect(r.json().error.code, path).toBe("E_SERVE_PATH");
      if (status === 404) continue;
      const put = await t.call({ method: "PUT", path: `/api/file?path=${encodeURIComponent(path)}`, body: { text: "x: 1\n", baseHash: null } });
      expect(put.status, `PUT ${path}`).toBe(403);
      const check = await t.call({ method: "POST", path: "/api/check", body: { path, text: "x: 1\n" } });
      expect(check.status, `check ${path}`).toBe(403);
    }
    // nothing was written through the link
    expect(readFileSync(join(outside, "secret.yaml"), "utf8")).toBe("fiscal_year: 2564\n");
    await t.close();
  });

  it("refuses a body over the limit (413) and a wrong method (405)", async () => {
    const big = await t.call({ method: "POST", path: "/api/check", body: { path: Y2564, text: "#".repeat(3 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.json().error.code).toBe("E_SERVE_BODY_TOO_LARGE");
    const wrong = await t.call({ method: "DELETE", path: `/api/file?path=${Y2564}` });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET, PUT");
    expect((await t.call({ method: "GET", path: "/api/check" })).status).toBe(405);
    expect((await t.call({ path: "/api/nothing" })).status).toBe(404);
    expect((await t.call({ method: "POST", path: "/api/check", body: "not json" })).status).toBe(400);
  });
});

describe("saving", () => {
  it("writes atomically, keeps the previous version as a backup, bounded, and never removes a file it did not make", async () => {
    const rel = "khon-kaen-city/2562.yaml";
    const opened = (await t.call({ path: `/api/file?path=${rel}` })).json();
    expect(opened.hash).toBe(sha256(readFileSync(join(t.root, rel))));
    const backups = join(t.root, "khon-kaen-city", ".itadoc-backup");
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, "notes.txt"), "the clerk's own file");
    writeFileSync(join(backups, "2562.yaml.bak"), "not itadoc's name");
    // a save cut off earlier (its process is gone) left its temporary file: cleared by the next save
    const stale = join(t.root, "khon-kaen-city", ".itadoc-999999999-abcd1234-1-2562.yaml.tmp");
    writeFileSync(stale, "half a file");
    let hash = opened.hash as string;
    const versions = [opened.text as string];
    for (let i = 1; i <= MAX_BACKUPS + 3; i++) {
      const text = opened.text.replace("fiscal_year: 2562", `fiscal_year: 2562 # save ${i}`);
      const r = await t.call({ method: "PUT", path: `/api/file?path=${rel}`, body: { text, baseHash: hash } });
      expect(r.status).toBe(200);
      const { hash: newHash, backup } = r.json();
      expect(newHash).toBe(sha256(text));
      expect(diskText(rel)).toBe(text);
      // the backup holds the version that was on disk before
      expect(readFileSync(join(t.root, "khon-kaen-city", backup), "utf8")).toBe(versions[versions.length - 1]);
      versions.push(text);
      hash = newHash;
    }
    const names = readdirSync(backups).sort();
    const mine = names.filter((n) => /^2562\.yaml\.[0-9-]+\.bak$/.test(n));
    expect(mine).toHaveLength(MAX_BACKUPS);
    // the newest ten are kept: the oldest kept one is the 4th version
    const kept = mine.map((n) => readFileSync(join(backups, n), "utf8"));
    expect(kept).toEqual(versions.slice(versions.length - 1 - MAX_BACKUPS, versions.length - 1));
    expect(names).toContain("notes.txt");
    expect(names).toContain("2562.yaml.bak");
    // no temporary file left beside the data file
    expect(readdirSync(join(t.root, "khon-kaen-city")).filter((n) => n.includes(".tmp"))).toEqual([]);
  });

  it("does not write through a backup folder that is a link or a file; the data file stays as it was", async () => {
    const s = await serveExamples();
    const outside = mkdtempSync(join(tmpdir(), "itadoc-backup-outside-"));
    symlinkSync(outside, join(s.root, "khon-kaen-city", ".itadoc-backup"));
    writeFileSync(join(s.root, "nakhon-ratchasima-city", ".itadoc-backup"), "a file of that name");
    for (const rel of ["khon-kaen-city/2564.yaml", "nakhon-ratchasima-city/2564.yaml"]) {
      const opened = (await s.call({ path: `/api/file?path=${rel}` })).json();
      const r = await s.call({ method: "PUT", path: `/api/file?path=${rel}`, body: { text: `${opened.text}# edit\n`, baseHash: opened.hash } });
      expect(r.status, rel).toBe(500);
      expect(r.json().error).toMatchObject({ code: "E_WRITE", message: expect.stringContaining(rel) });
      expect(readFileSync(join(s.root, rel), "utf8")).toBe(opened.text);
    }
    expect(readdirSync(outside)).toEqual([]);
    await s.close();
  });

  it("refuses with 409 and both versions when the file changed on disk since it was opened", async () => {
    const rel = "khon-kaen-city/2561.yaml";
    const opened = (await t.call({ path: `/api/file?path=${rel}` })).json();
    const elsewhere = `${opened.text}# edited in another editor\n`;
    writeFileSync(join(t.root, rel), elsewhere);
    const r = await t.call({ method: "PUT", path: `/api/file?path=${rel}`, body: { text: `${opened.text}# the page's edit\n`, baseHash: opened.hash } });
    expect(r.status).toBe(409);
    const body = r.json();
    expect(body.error.code).toBe("E_SERVE_CONFLICT");
    expect(body.conflict).toEqual({ diskText: elsewhere, diskHash: sha256(elsewhere) });
    expect(diskText(rel)).toBe(elsewhere);
    // a page that believes there is no file cannot overwrite one either
    expect((await t.call({ method: "PUT", path: `/api/file?path=${rel}`, body: { text: "x", baseHash: null } })).status).toBe(409);
    // knowing the disk's version, the page may save over it
    expect((await t.call({ method: "PUT", path: `/api/file?path=${rel}`, body: { text: opened.text, baseHash: body.conflict.diskHash } })).status).toBe(200);
    expect(diskText(rel)).toBe(opened.text);
  });
});

describe("check and preview through the pipeline", () => {
  it("check gives the Thai message at the line:column of a score of 120", async () => {
    const text = diskText(Y2564).replace("I1: 95.57", "I1: 120");
    const r = await t.call({ method: "POST", path: "/api/check", body: { path: Y2564, text } });
    expect(r.status).toBe(200);
    const range = r.json().diagnostics.find((d: { code: string }) => d.code === "E_SCORE_RANGE");
    expect(range).toMatchObject({ severity: "error", file: Y2564, line: 9, column: 9, endLine: 9, endColumn: 12 });
    expect(range.message).toContain("ต้องอยู่ระหว่าง 0 ถึง 100");
    expect(range.message).toContain("120");
    expect(range.hint).not.toBe("");
    // the file on disk is untouched: the text came from the page
    expect(diskText(Y2564)).toContain("I1: 95.57");
    const fixed = (await t.call({ method: "POST", path: "/api/check", body: { path: Y2564, text: diskText(Y2564) } })).json();
    expect(fixed.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
  });

  it("preview returns the PDF the build would make, with an edited paragraph in it", async () => {
    const words = "ข้อความที่เพิ่งแก้ไขในหน้าเว็บ";
    const text = diskText(Y2564).replace("1.การวิเคราะห์ผลการประเมิน ITA ของเทศบาลนครขอนแก่น", `1.${words} ของเทศบาลนครขอนแก่น`);
    const r = await t.call({ method: "POST", path: "/api/preview", body: { path: Y2564, text, kind: "measures", format: "pdf" } });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("application/pdf");
    expect(r.headers["content-disposition"]).toBe('attachment; filename="2564-measures.pdf"');
    const file = join(mkdtempSync(join(tmpdir(), "itadoc-preview-")), "p.pdf");
    writeFileSync(file, r.body);
    expect(squash(pdfPages(file).join(""))).toContain(squash(words));
    const bad = await t.call({ method: "POST", path: "/api/preview", body: { path: Y2564, text: text.replace("I1: 95.57", "I1: 120"), kind: "measures", format: "pdf" } });
    expect(bad.status).toBe(422);
    expect(bad.json().diagnostics[0]).toMatchObject({ code: "E_SCORE_RANGE", line: 9 });
    const none = await t.call({ method: "POST", path: "/api/preview", body: { path: Y2564, text, kind: "memo", format: "pdf" } });
    expect(none.status).toBe(422);
    expect(none.json().diagnostics[0]).toMatchObject({ code: "E_SERVE_NO_DOCUMENT", file: Y2564, message: expect.stringContaining("บันทึกข้อความ") });
    const docx = await t.call({ method: "POST", path: "/api/preview", body: { path: "khon-kaen-city/2563.yaml", text: diskText("khon-kaen-city/2563.yaml"), kind: "memo", format: "docx" } });
    expect(docx.status).toBe(200);
    expect(docx.body.subarray(0, 2).toString()).toBe("PK");
    expect(docx.headers["content-disposition"]).toContain("2563-memo.docx");
  });

  it("the form writes a score into the page's text, keeping its comment, and shows the fields", async () => {
    const text = diskText(Y2564);
    const r = await t.call({ method: "POST", path: "/api/form", body: { path: Y2564, text, edits: [{ field: "assessment.scores.I2", value: "91.50" }] } });
    expect(r.status).toBe(200);
    const out = r.json();
    expect(out.text).toContain("    I2: 91.50   # การใช้งบประมาณ\n");
    expect(parse(out.text).assessment.scores.I2).toBe(91.5);
    expect(out.fields.scores[1]).toMatchObject({ path: "assessment.scores.I2", value: "91.50" });
    // the file itself is saved only by the page's save
    expect(diskText(Y2564)).toBe(text);
    const view = (await t.call({ path: `/api/form?path=${Y2564}` })).json();
    expect(view.fields.official.map((f: { path: string }) => f.path)).toContain("assessment.official.total");
  });

  it("the form refuses an edit that is not a field with a text, number, list of texts or null", async () => {
    const text = diskText(Y2564);
    for (const edits of [[{ field: "assessment.scores.I1", value: { x: 1 } }], [{ value: "1" }], "x", [{ field: "a..b", value: "1" }]]) {
      const r = await t.call({ method: "POST", path: "/api/form", body: { path: Y2564, text, edits } });
      expect(r.status, JSON.stringify(edits)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
  });

  it("opens and checks an organisation in a folder with a Thai name", async () => {
    cpSync(join(t.root, "khon-kaen-city"), join(t.root, "เทศบาลนครขอนแก่น"), { recursive: true });
    const rel = "เทศบาลนครขอนแก่น/2564.yaml";
    const r = await t.call({ path: `/api/file?path=${encodeURIComponent(rel)}` });
    expect(r.status).toBe(200);
    const check = await t.call({ method: "POST", path: "/api/check", body: { path: rel, text: r.json().text.replace("I1: 95.57", "I1: 120") } });
    expect(check.json().diagnostics.find((d: { code: string }) => d.code === "E_SCORE_RANGE")).toMatchObject({ file: rel, line: 9 });
    const tree = (await t.call({ path: "/api/tree" })).json();
    expect(tree.organisations.map((o: { dir: string }) => o.dir)).toContain("เทศบาลนครขอนแก่น");
    rmSync(join(t.root, "เทศบาลนครขอนแก่น"), { recursive: true });
  });

  it("the tree lists organisations and years; the schema offers the keys the validator accepts", async () => {
    const tree = (await t.call({ path: "/api/tree" })).json();
    expect(tree.organisations.map((o: { dir: string }) => o.dir)).toEqual(["khon-kaen-city", "nakhon-ratchasima-city"]);
    expect(tree.organisations[0].name).toBe("เทศบาลนครขอนแก่น");
    expect(tree.organisations[0].years.map((y: { year: number }) => y.year)).toEqual([2561, 2562, 2563, 2564]);
    expect(tree.kinds.map((k: { id: string }) => k.id)).toEqual(["memo", "measures", "report", "progress"]);
    // which documents each year file has, so the page offers only those
    expect(tree.organisations[0].years.find((y: { year: number }) => y.year === 2563).kinds).toEqual(["memo"]);
    expect(tree.organisations[0].years.find((y: { year: number }) => y.year === 2564).kinds).toEqual(["measures"]);
    const schema = (await t.call({ path: "/api/schema" })).json();
    const memo = schema.keys.find((k: { key: string }) => k.key === "memo");
    expect(memo.children.map((k: { key: string }) => k.key)).toEqual(expect.arrayContaining(["number", "date", "subject", "signer", "approvals"]));
    const grade = schema.keys.find((k: { key: string }) => k.key === "assessment").children.find((k: { key: string }) => k.key === "official").children.find((k: { key: string }) => k.key === "grade");
    expect(grade.values).toEqual(["AA", "A", "B", "C", "D", "E", "F"]);
    expect(memo.children.find((k: { key: string }) => k.key === "number").doc).toContain("ที่");
    const scores = schema.keys.find((k: { key: string }) => k.key === "assessment").children.find((k: { key: string }) => k.key === "scores");
    expect(scores.children.find((k: { key: string }) => k.key === "I1").doc).toContain("การปฏิบัติหน้าที่");
  });
});

describe("closing", () => {
  it("close() frees the port at once, also with a connection still open", async () => {
    const s = await serveExamples();
    const port = s.server.port;
    // a kept-alive connection must not hold the port
    await rawRequest(port, { path: "/api/tree", token: s.server.token, headers: { Connection: "keep-alive" } });
    await s.close();
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", reject);
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
    });
  });
});

describe("organisation actions", () => {
  it("builds an organisation into out/ with progress events, as itadoc build would", async () => {
    const r = await t.call({ method: "POST", path: "/api/build", body: { org: "khon-kaen-city" } });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("text/event-stream");
    const events = r.body
      .toString("utf8")
      .split("\n\n")
      .filter((e) => e.startsWith("data: "))
      .map((e) => JSON.parse(e.slice(6)));
    const end = events[events.length - 1];
    expect(end.end).toBe(true);
    expect(end.written).toEqual(expect.arrayContaining(["out/khon-kaen-city/2563-memo.docx", "out/khon-kaen-city/2564-measures.pdf"]));
    for (const w of end.written) expect(readFileSync(join(t.root, w)).length).toBeGreaterThan(1000);
    // one pipeline: the preview of the unedited file is byte for byte the document the build wrote
    for (const [rel, kind, format, out] of [
      [Y2564, "measures", "pdf", "out/khon-kaen-city/2564-measures.pdf"],
      ["khon-kaen-city/2563.yaml", "memo", "docx", "out/khon-kaen-city/2563-memo.docx"],
    ] as const) {
      const p = await t.call({ method: "POST", path: "/api/preview", body: { path: rel, text: diskText(rel), kind, format } });
      expect(Buffer.compare(p.body, readFileSync(join(t.root, out))), out).toBe(0);
    }
    const progress = events.filter((e) => !e.end);
    expect(progress.map((e) => e.file)).toEqual(expect.arrayContaining(["2563-memo", "2564-measures"]));
    expect(progress.every((e) => e.total === end.written.length && e.done <= e.total)).toBe(true);
    expect((await t.call({ method: "POST", path: "/api/build", body: { org: "no-such-org" } })).status).toBe(404);
    expect((await t.call({ method: "POST", path: "/api/build", body: { org: "khon-kaen-city", formats: ["exe"] } })).status).toBe(400);
  });

  it("starts a new year with the new-year command's logic", async () => {
    const r = await t.call({ method: "POST", path: "/api/new-year", body: { org: "nakhon-ratchasima-city" } });
    expect(r.status).toBe(200);
    expect(r.json().path).toBe("nakhon-ratchasima-city/2566.yaml");
    expect(parse(diskText("nakhon-ratchasima-city/2566.yaml")).fiscal_year).toBe(2566);
    expect(r.json().report.join("\n")).toContain("2566");
    expect((await t.call({ method: "POST", path: "/api/new-year", body: { org: "../" } })).status).toBe(404);
  });
});

describe("the page's files", () => {
  it("serves dist/web's files with the run's token and language put into index.html, nothing outside it", async () => {
    const web = mkdtempSync(join(tmpdir(), "itadoc-web-"));
    writeFileSync(join(web, "index.html"), '<html lang="__ITADOC_LANG__"><meta name="itadoc-token" content="__ITADOC_TOKEN__"><script src="app.js"></script></html>');
    writeFileSync(join(web, "app.js"), "console.log(1)");
    const s = await serveExamples({ webDir: web, lang: "en" });
    const page = await s.call({ path: `/?t=${s.server.token}`, noToken: true });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(`<html lang="en"><meta name="itadoc-token" content="${s.server.token}"><script src="app.js"></script></html>`);
    expect(String(page.headers["content-security-policy"])).toContain("default-src 'self'");
    // the run's language for the errors too
    expect((await s.call({ path: "/api/tree", noToken: true })).json().error.message).toContain("token");
    const cookie = String(page.headers["set-cookie"]).split(";")[0]!;
    const js = await s.call({ path: "/app.js", noToken: true, headers: { Cookie: cookie } });
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toContain("text/javascript");
    for (const p of ["/../package.json", "/%2e%2e/package.json", "/.secret.js", "/nothing.js", "/index.exe"]) {
      expect((await s.call({ path: `${p}?t=${s.server.token}`, noToken: true })).status, p).toBe(404);
    }
    expect((await s.call({ method: "POST", path: `/app.js?t=${s.server.token}`, noToken: true, body: {} })).status).toBe(405);
    await s.close();
  });
});
