// Render many TeX formulas with KaTeX in one process.
// stdin: JSON [{"tex": "...", "display": true}, ...]
// stdout: JSON {"html": [...]} or {"error": {"index": i, "message": "..."}}
"use strict";
const katex = require("katex");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const formulas = JSON.parse(input);
  const html = [];
  for (let index = 0; index < formulas.length; index += 1) {
    const { tex, display } = formulas[index];
    try {
      html.push(katex.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        strict: "error",
        output: "htmlAndMathml",
      }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ error: { index, message: String(error.message) } }));
      return;
    }
  }
  process.stdout.write(JSON.stringify({ html }));
});
