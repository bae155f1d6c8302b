/**
 * Debian's chromium, driven by playwright-core (its own browser downloads
 * cannot work here). One browser per test file; each test gets a fresh
 * context, so storage does not leak between tests. playwright gives every
 * launch a fresh profile folder of its own (a --user-data-dir flag is refused). Without chromium the tests
 * fail: .ci/run installs it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.ITADOC_CHROMIUM ?? "/usr/bin/chromium";

export interface LaunchedBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: install Debian's chromium (bash .ci/run does)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
