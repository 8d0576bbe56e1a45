"""Reads every example draft's PDF with five readers we did not write and checks that each
gives back the draft's text.

Input (written by the native test `every_example_draft_is_written_for_the_reader_check`):
`target/readers/NAME.pdf` and `NAME.lines.json`, the lines of text the draft puts in its PDF.

Readers: pdf.js (Firefox's viewer, through Node), PDFium (Chrome, Edge; pypdfium2),
poppler (`pdftotext -raw`), pypdf and pdfminer.six (indexers and scripts).

- found: lines found in the reader's whole text, whitespace removed on both sides (a line
  may wrap anywhere, and a table cell may continue after the next page's header). Must be
  at least 99% for every reader and draft.
- spaced (pdf.js, PDFium, poppler): lines found with their own spacing: a line break may
  fall anywhere, but a space must stand exactly where the draft has one. Shows a space
  inserted inside a Thai word, or a real space lost.
- No reader may show sara am doubled (ำา), U+FFFD, control characters or `(cid:`.

Prints a table; exits 1 when a check fails.  Run alone: `cargo xtask test readers`.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_FOUND = 0.99
FORBIDDEN = {"ำา": "sara am doubled", "\ufffd": "U+FFFD", "(cid:": "(cid:N)"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SPACED_READERS = ("pdf.js", "PDFium", "poppler -raw")


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
            rows.append((reader, None, None, "cannot read"))
            continue
        flat = squash(text)
        missing = [l for l in lines if squash(l) not in flat]
        found = len(lines) - len(missing)
        spaced = None
        if reader in SPACED_READERS:
            spaced = sum(1 for l in lines if spaced_pattern(l).search(text))
        bad = [what for s, what in FORBIDDEN.items() if s in text]
        if CONTROL.search(text):
            bad.append("control characters")
        if found < MIN_FOUND * len(lines):
            failures.append(f"{name}: {reader} finds {found}/{len(lines)}; first missing: {missing[:3]}")
        for what in bad:
            failures.append(f"{name}: {reader} shows {what}")
        rows.append((reader, found, spaced, ", ".join(bad)))
    return rows, failures


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "target/readers")
    drafts = sorted(p.name[: -len(".lines.json")] for p in folder.glob("*.lines.json"))
    if not drafts:
        sys.exit(f"no drafts to check in {folder}: run the native tests first")
    print(f"{'draft':<20} {'reader':<13} {'found':>9} {'spaced':>9}  problems")
    failures = []
    for name in drafts:
        lines = json.loads((folder / f"{name}.lines.json").read_text("utf-8"))
        rows, fails = check(name, folder / f"{name}.pdf", lines)
        failures += fails
        for reader, found, spaced, bad in rows:
            f = "-" if found is None else f"{found}/{len(lines)}"
            s = "" if spaced is None else f"{spaced}/{len(lines)}"
            print(f"{name:<20} {reader:<13} {f:>9} {s:>9}  {bad}")
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
