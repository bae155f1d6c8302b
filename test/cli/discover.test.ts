import { describe, expect, test } from "vitest";
import { discover } from "../../src/cli/discover.js";
import { ROOT } from "../helpers/load-example.js";

describe("discover", () => {
  test("a year file alone stands for its folder restricted to that file; files named together accumulate", async () => {
    const [one] = await discover(["examples/khon-kaen-city/2563.yaml", "examples/khon-kaen-city/2564.yaml"], ROOT);
    expect(one!.dir).toBe("examples/khon-kaen-city");
    expect([...one!.only!]).toEqual(["examples/khon-kaen-city/2563.yaml", "examples/khon-kaen-city/2564.yaml"]);
  });

  test("a folder named as a whole wins over a file named in it, in either order", async () => {
    for (const order of [
      ["examples/khon-kaen-city/2563.yaml", "examples/khon-kaen-city"],
      ["examples/khon-kaen-city", "examples/khon-kaen-city/2563.yaml"],
    ]) {
      const [folder] = await discover(order, ROOT);
      expect(folder!.only, order.join(" ")).toBeUndefined();
      expect(folder!.yearPaths).toHaveLength(4);
    }
  });
});
