import { test } from "vitest";
import { standInFontConfig } from "./helpers/libreoffice.js";
test("x", () => { console.log(standInFontConfig("/tmp/12d/si")); });
