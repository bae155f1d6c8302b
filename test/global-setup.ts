/** Once per `vitest run`: a fresh folder for the builds that test files share (test/helpers/shared-build.ts). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sharedBuildDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-shared-build-"));
  project.provide("sharedBuildDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
