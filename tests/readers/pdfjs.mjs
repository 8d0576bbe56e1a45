// Prints the text of a PDF as Firefox's viewer (pdf.js) gives it to find-in-page and copy:
// each page's text items joined, a newline where pdf.js marks the end of a line, pages
// separated by a form feed.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  pages.push(content.items.map((it) => (it.str ?? "") + (it.hasEOL ? "\n" : "")).join(""));
}
process.stdout.write(pages.join("\f"));
