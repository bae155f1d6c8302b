/**
 * A clerk's broken template copy (`build --templates <dir>`): exit 1, the
 * error code and the template's file:line, and no stack trace.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers/load-example.js";
import { runCli } from "../helpers/run-cli.js";

const STACK = /\n\s+at .+:\d+:\d+/;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-e2e-tpl-"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped templates with one line of one file changed; returns the copy's folder and the 1-based line changed. */
function brokenCopy(name: string, file: string, find: string, replace: string): { templates: string; line: number } {
  const templates = join(dir, name, "templates");
  cpSync(join(ROOT, "templates"), templates, { recursive: true });
  const path = join(templates, file);
  const text = readFileSync(path, "utf8");
  const line = text.split("\n").findIndex((l) => l.includes(find)) + 1;
  expect(line, `${find} in ${file}`).toBeGreaterThan(0);
  writeFileSync(path, text.replace(find, replace));
  return { templates, line };
}

async function build(templates: string): Promise<{ code: number; output: string }> {
  const r = await runCli(["build", "examples", "--templates", templates, "--out", join(dir, "out"), "--force"]);
  return { code: r.code, output: r.stdout + r.stderr };
}

describe("build with a broken template copy", () => {
  test("a Handlebars syntax error in a measures partial: E_TEMPLATE_SYNTAX at its line", async () => {
    const { templates, line } = brokenCopy("syntax", "measures/partials/part-analysis-intro.hbs", "{{#each analysisIntro}}", "{{#each analysisIntro}}{{#if}}");
    const r = await build(templates);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(new RegExp(`templates/measures/partials/part-analysis-intro\\.hbs:${line}:\\d+: ข้อผิดพลาด \\[E_TEMPLATE_SYNTAX\\]`));
    expect(r.output).not.toMatch(STACK);
  });

  test("an unknown element in a shared partial: E_TEMPLATE_ELEMENT at the partial's line", async () => {
    const { templates, line } = brokenCopy("element", "shared/partials/lines-cell.hbs", "<p>{{t this}}</p>", "<p><blink>{{t this}}</blink></p>");
    const r = await build(templates);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(new RegExp(`templates/shared/partials/lines-cell\\.hbs:${line}:\\d+: ข้อผิดพลาด \\[E_TEMPLATE_ELEMENT\\] .*<blink>`));
    expect(r.output).not.toMatch(STACK);
  });

  test("the same copy unbroken builds (the failures above come from the edits)", async () => {
    const templates = join(dir, "intact", "templates");
    cpSync(join(ROOT, "templates"), templates, { recursive: true });
    const r = await runCli(["build", "examples", "--format", "pdf", "--templates", templates, "--out", join(dir, "out-intact"), "--force"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
