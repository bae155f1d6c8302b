/**
 * YAML is parsed with process.env set aside (src/input/quiet-env.ts): yaml's
 * LOG_TOKENS switch prints no token of a clerk's file, and the real
 * environment is back afterwards, also when the parse fails.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import { loadYaml } from "../../src/input/load-yaml.js";
import { withQuietEnv } from "../../src/input/quiet-env.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parsing with the environment set aside", () => {
  afterEach(() => {
    delete process.env.LOG_TOKENS;
    delete process.env.LOG_STREAM;
    vi.restoreAllMocks();
  });

  test("LOG_TOKENS and LOG_STREAM set: nothing of the file is printed; the environment is the same object after", () => {
    process.env.LOG_TOKENS = "1";
    process.env.LOG_STREAM = "1";
    const env = process.env;
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const dir = vi.spyOn(console, "dir").mockImplementation(() => undefined);
    const r = loadYaml("t.yaml", enc("memo:\n  subject: ลับเฉพาะ\n"));
    expect(r.ok).toBe(true);
    expect(log).not.toHaveBeenCalled();
    expect(dir).not.toHaveBeenCalled();
    expect(process.env).toBe(env);
    expect(process.env.LOG_TOKENS).toBe("1");
  });

  test("a throw inside puts the environment back", () => {
    const env = process.env;
    expect(() => withQuietEnv(() => {
      expect(process.env).not.toBe(env);
      throw new RangeError("deep");
    })).toThrow(RangeError);
    expect(process.env).toBe(env);
  });
});
