/**
 * The registries of kinds and formats are checked by the compiler
 * (`npm run typecheck` compiles this file): each `@ts-expect-error` below
 * must meet an error, or the typecheck fails, so a registry that accepted a
 * kind without its data builder, or a format without an exporter, is caught.
 */
import { describe, expect, it } from "vitest";
import { DOC_KINDS, KINDS, type KindRegistry, type KindSpec } from "../../src/documents/kinds.js";
import type { Exporter } from "../../src/export/exporter.js";
import { EXPORTERS, exporterFor, exporterRegistry, FORMATS, type Format } from "../../src/export/formats.js";
import { PRIMARY_FORMAT } from "../../src/cli/build-options.js";
import { SECTION_KEYS } from "../../src/input/schema/year.js";
import { builtinTemplates } from "../helpers/example-model.js";

const { data: _data, ...progressWithoutBuilder } = KINDS.progress;

// @ts-expect-error a kind entry without its data builder is refused
const kindWithoutBuilder: KindSpec<"progress"> = progressWithoutBuilder;

// @ts-expect-error a registry missing a kind of the schema (progress) is refused
const registryMissingAKind: KindRegistry = { memo: KINDS.memo, measures: KINDS.measures, report: KINDS.report };

// @ts-expect-error a kind that has no schema section cannot be added to the registry
const registryWithUnknownKind: KindRegistry = { ...KINDS, letter: { ...KINDS.report } };

// @ts-expect-error a format entry that loads no exporter is refused
const formatWithoutExporter = exporterRegistry({ ...EXPORTERS, html: async () => ({ format: "html" }) });

// @ts-expect-error an exporter under another format's key is refused (no DOCX bytes in .html files)
const formatWithWrongExporter = exporterRegistry({ ...EXPORTERS, html: EXPORTERS.docx });

const htmlExporter: Exporter & { readonly format: "html" } = { format: "html", export: async () => new Uint8Array() };
const withHtml = exporterRegistry({ ...EXPORTERS, html: async () => htmlExporter });

// @ts-expect-error Format is exactly the registry's keys: "html" is not one
const notAFormat: Format = "html";

describe("registries", () => {
  it("has one kind per year-file section, and each kind a data builder and a primary format that has an exporter", () => {
    expect([...DOC_KINDS].sort()).toEqual([...SECTION_KEYS].sort());
    for (const k of DOC_KINDS) {
      expect(typeof KINDS[k].data).toBe("function");
      expect(FORMATS).toContain(PRIMARY_FORMAT[k]);
    }
    expect(PRIMARY_FORMAT).toEqual({ memo: "docx", measures: "pdf", report: "pdf", progress: "pdf" });
  });

  it("every kind has its built-in template folder (templates/<kind>/<kind>.hbs), and no template is of an unknown kind", async () => {
    const set = await builtinTemplates();
    expect([...set.kinds.keys()].sort()).toEqual([...DOC_KINDS].sort());
  });

  it("has one exporter per format, under its own name", async () => {
    expect(FORMATS).toEqual(["pdf", "docx"]);
    for (const f of FORMATS) expect((await exporterFor(f)).format).toBe(f);
    expect(Object.keys(withHtml)).toContain("html");
    void [kindWithoutBuilder, registryMissingAKind, registryWithUnknownKind, formatWithoutExporter, formatWithWrongExporter, notAFormat];
  });
});
