#!/usr/bin/env node
/**
 * Writes docs/layouts.md and its pictures (docs/img/layout-*.png): for each
 * document kind, layouts made from data alone. Each docs/layouts/<name>.yaml
 * names an example, a year file and the keys to set in it; this copies the
 * example to a temporary folder, sets them, builds the PDF with dist/ and
 * renders its first page at 40 dpi (poppler's pdftoppm).
 *
 *   npm run build && node scripts/layouts.mjs
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, parseDocument, stringify } from "yaml";

const root = join(import.meta.dirname, "..");
const variants = readdirSync(join(root, "docs", "layouts")).filter((f) => f.endsWith(".yaml")).sort();
const tmp = mkdtempSync(join(tmpdir(), "itadoc-layouts-"));
const KIND_TITLES = { report: "รายงานผลการวิเคราะห์ (report)", measures: "มาตรการ (measures)", memo: "บันทึกข้อความ (memo)", progress: "รายงานผลการดำเนินการ (progress)" };
const sections = new Map();
try {
  for (const file of variants) {
    const name = file.slice(0, -5);
    const v = parse(readFileSync(join(root, "docs", "layouts", file), "utf8"));
    const dir = join(tmp, name, v.org);
    cpSync(join(root, "examples", v.org), dir, { recursive: true });
    const doc = parseDocument(readFileSync(join(dir, v.file), "utf8"));
    for (const [path, value] of Object.entries(v.set ?? {})) doc.setIn(path.split("."), doc.createNode(value));
    writeFileSync(join(dir, v.file), doc.toString({ lineWidth: 0 }));
    const out = join(tmp, name, "out");
    execFileSync(process.execPath, [join(root, "dist", "cli", "bin.js"), "build", dir, "--kind", v.kind, "--year", String(v.year), "--format", "pdf", "--out", out], { stdio: "pipe" });
    const pdf = join(out, v.org, `${v.year}-${v.kind}.pdf`);
    execFileSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, join(tmp, name, "page")]);
    renameSync(join(tmp, name, "page.png"), join(root, "docs", "img", `layout-${name}.png`));
    const entry = [`### ${v.title}`, "", `\`examples/${v.org}/${v.file}\`${Object.keys(v.set ?? {}).length ? " with:" : ", unchanged."}`, ""];
    if (Object.keys(v.set ?? {}).length) entry.push("```yaml", nested(v.set).trimEnd(), "```", "");
    entry.push(`![${name}, page 1](img/layout-${name}.png)`, "");
    sections.set(v.kind, [...(sections.get(v.kind) ?? []), entry.join("\n")]);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** `report.sections: …` keys as the nested YAML a clerk types. */
function nested(set) {
  const tree = {};
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split(".");
    let node = tree;
    for (const k of keys.slice(0, -1)) node = node[k] ??= {};
    node[keys.at(-1)] = value;
  }
  return stringify(tree, { lineWidth: 0, flowCollectionPadding: true });
}

const md = [
  "# Layouts made from data alone",
  "",
  "Each document kind, three ways, with no template copied and no code changed: the",
  "example as it is, then the same data with `wording:` and `sections:` (see",
  "[input-format.md](input-format.md#layout-as-data-การจัดรูปแบบด้วยข้อมูล)). Pictures: page 1 of the",
  "PDF at 40 dpi. Made by `node scripts/layouts.mjs` from `docs/layouts/*.yaml`.",
  "",
  ...[...sections].flatMap(([kind, entries]) => [`## ${KIND_TITLES[kind] ?? kind}`, "", ...entries]),
].join("\n");
writeFileSync(join(root, "docs", "layouts.md"), md);
console.log(`docs/layouts.md: ${variants.length} layouts`);
