#!/usr/bin/env node
/**
 * Bundles the page of `itadoc serve` (src/web/) into dist/web/, the files the
 * package ships: index.html (with the server's __ITADOC_TOKEN__ and
 * __ITADOC_LANG__ placeholders), app.js, app.css, pdf.js's worker, the
 * Laksaman faces with their licence, and the licences of the bundled code.
 * Run by `npm run build`; nothing is fetched at run time, so `npx itadoc
 * serve` works without network. Same sources → same bytes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src", "web");
const out = join(root, "dist", "web");
const require = createRequire(join(root, "package.json"));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "fonts"), { recursive: true });

await build({
  input: join(src, "main.ts"),
  platform: "browser",
  logLevel: "warn",
  output: { file: join(out, "app.js"), format: "esm", minify: true, sourcemap: false, codeSplitting: false },
});

copyFileSync(join(src, "index.html"), join(out, "index.html"));
copyFileSync(join(src, "app.css"), join(out, "app.css"));
copyFileSync(require.resolve("pdfjs-dist/build/pdf.worker.min.mjs"), join(out, "pdf.worker.mjs"));
for (const f of ["Laksaman.ttf", "Laksaman-Bold.ttf", "LAKSAMAN-LICENSE.txt", "GPL-2.txt"]) copyFileSync(join(root, "fonts", f), join(out, "fonts", f));

// The bundle carries other projects' code: their licences go beside it.
const bundled = ["pdfjs-dist", "@codemirror/state", "@codemirror/view", "@codemirror/language", "@codemirror/lint", "@codemirror/lang-yaml", "@codemirror/autocomplete", "@codemirror/commands", "@codemirror/search", "@lezer/common", "@lezer/highlight", "@lezer/lr", "@lezer/yaml", "style-mod", "w3c-keyname", "crelt", "@marijn/find-cluster-break"];
const notices = bundled.map((name) => {
  const dir = join(root, "node_modules", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licence = ["LICENSE", "LICENSE.md", "LICENSE.txt"].map((f) => join(dir, f)).find((f) => existsSync(f));
  return `${name} ${pkg.version} (${pkg.license})\n\n${licence ? readFileSync(licence, "utf8").trim() : `Licence: ${pkg.license}`}\n`;
});
writeFileSync(join(out, "THIRD-PARTY-LICENSES.txt"), notices.join(`\n${"-".repeat(72)}\n\n`));
