"""Reads every example draft's PDF with five readers we did not write and checks that each
gives back the draft's text.

Input (written by the native test `every_example_draft_is_written_for_the_reader_check`):
`target/readers/NAME.pdf` and `NAME.lines.json`, the lines of text the draft puts in its PDF
(each with what it is: a memo paragraph, a table cell…).

Readers: pdf.js (Firefox's viewer, through Node), PDFium (Chrome, Edge; pypdfium2),
poppler (`pdftotext -raw`), pypdf and pdfminer.six (indexers and scripts).

- found: lines found in the reader's whole text, whitespace removed on both sides (a line
  may wrap anywhere). Must be at least 99% for every reader and draft, with one exception:
  pdfminer's layout analysis groups a cell's lines only when their pitch is under 1.5 em
  (its `line_margin`), and the measures table's is 1.65 em, as in the Word originals; so it
  reads a page of that table line by line across the row. For pdfminer the 99% applies to
  the lines outside the measures table, and the table's figure is shown beside it.
- cells: lines of the measures table found.
- spaced (pdf.js, PDFium, poppler): lines found with their own spacing: a line break may
  fall anywhere, but a space must stand exactly where the draft has one. Shows a space
  inserted inside a Thai word, or a real space lost.
- No reader may show sara am doubled (ำา), U+FFFD, control characters or `(cid:`.

Then the tagged structure of each PDF (`structure.py`): headings in order, table header
cells, figures' alternative texts, the outline, and the pdfua checker.

Prints two tables; exits 1 when a check fails.  Run alone: `cargo xtask test readers`.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import structure

HERE = Path(__file__).resolve().parent
MIN_FOUND = 0.99
FORBIDDEN = {"ำา": "sara am doubled", "\ufffd": "U+FFFD", "(cid:": "(cid:N)"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SPACED_READERS = ("pdf.js", "PDFium", "poppler -raw")
# Readers held to 99% only outside the measures table (see above).
TABLE_BLIND = ("pdfminer",)


def read_pdfjs(path):
    out = subprocess.run(["node", str(HERE / "pdfjs.mjs"), str(path)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def read_pdfium(path):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    return "\f".join(pages)


def read_poppler(path):
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def read_pypdf(path):
    from pypdf import PdfReader

    return "\f".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def read_pdfminer(path):
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


READERS = {
    "pdf.js": read_pdfjs,
    "PDFium": read_pdfium,
    "poppler -raw": read_poppler,
    "pypdf": read_pypdf,
    "pdfminer": read_pdfminer,
}


def squash(s):
    return "".join(s.split())


def spaced_pattern(line):
    """A line with its spaces exactly where they are; a line or page break anywhere."""
    brk = r"[\r\n\f]*"
    words = line.split()
    return re.compile(r"[ \t\u00a0\r\n\f]+".join(brk.join(re.escape(c) for c in w) for w in words))


def check(name, pdf, lines):
    rows, failures = [], []
    for reader, read in READERS.items():
        try:
            text = read(pdf)
        except Exception as e:  # a reader that fails is a failure of the check, not a crash
            failures.append(f"{name}: {reader} could not read the PDF: {e}")
            rows.append((reader, "-", "", "", "cannot read"))
            continue
        flat = squash(text)
        counted = [l for l in lines if not (reader in TABLE_BLIND and l["table"])]
        missing = [l["text"] for l in counted if squash(l["text"]) not in flat]
        found = len(counted) - len(missing)
        table = [l for l in lines if l["table"]]
        cells = sum(1 for l in table if squash(l["text"]) in flat)
        spaced = None
        if reader in SPACED_READERS:
            spaced = sum(1 for l in lines if spaced_pattern(l["text"]).search(text))
        bad = [what for s, what in FORBIDDEN.items() if s in text]
        if CONTROL.search(text):
            bad.append("control characters")
        if found < MIN_FOUND * len(counted):
            failures.append(f"{name}: {reader} finds {found}/{len(counted)}; first missing: {missing[:3]}")
        for what in bad:
            failures.append(f"{name}: {reader} shows {what}")
        rows.append((reader, f"{found}/{len(counted)}", "" if spaced is None else f"{spaced}/{len(lines)}",
                     f"{cells}/{len(table)}", ", ".join(bad)))
    return rows, failures


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "target/readers")
    drafts = sorted(p.name[: -len(".lines.json")] for p in folder.glob("*.lines.json"))
    if not drafts:
        sys.exit(f"no drafts to check in {folder}: run the native tests first")
    print(f"{'draft':<20} {'reader':<13} {'found':>9} {'spaced':>9} {'cells':>9}  problems")
    failures = []
    for name in drafts:
        lines = json.loads((folder / f"{name}.lines.json").read_text("utf-8"))["lines"]
        rows, fails = check(name, folder / f"{name}.pdf", lines)
        failures += fails
        for reader, found, spaced, cells, bad in rows:
            print(f"{name:<20} {reader:<13} {found:>9} {spaced:>9} {cells:>9}  {bad}")
    print()
    print(f"{'draft':<20} {'headings':>8} {'TH':>4} {'tables':>6} {'figures':>7} {'outline':>7}  pdfua")
    pdfua = Path(sys.executable).parent / "pdfua"
    for name in drafts:
        expect = json.loads((folder / f"{name}.lines.json").read_text("utf-8"))
        row, fails = structure.check(name, folder / f"{name}.pdf", expect, pdfua)
        failures += fails
        print(f"{name:<20} {row[0]:>8} {row[1]:>4} {row[2]:>6} {row[3]:>7} {row[4]:>7}  {row[5]}")
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
