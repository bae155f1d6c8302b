import { parseDocument, LineCounter } from "yaml";
import { readFileSync } from "fs";
const lc = new LineCounter();
const t = readFileSync(process.argv[2], "utf8");
const doc = parseDocument(t, { schema: "failsafe", prettyErrors: false, lineCounter: lc });
console.log(doc.errors.map(e => [e.code, lc.linePos(e.pos[0]), e.message.split("\n")[0]]));
