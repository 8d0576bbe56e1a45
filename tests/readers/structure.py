"""Walks a tagged PDF's structure tree with readers we did not write and checks it against
what the document says (`NAME.lines.json`: headings, the measures table's header cells,
figures' alternative texts).

- pikepdf (QPDF) reads the structure tree, the catalog (/Lang, /MarkInfo, DisplayDocTitle)
  and the outline; every body row of a table has all its cells (column spans counted), so
  each cell stays under its header; pdfplumber (pdfminer) gives each marked-content id's text, so an
  element's text is read from the page, not from our own titles.
- pdfua (PyPI, on pikepdf) runs its machine-checkable subset of PDF/UA-1 (the Matterhorn
  protocol's checks it implements); any error fails.
"""

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf


def squash(s):
    return "".join(s.split())


def marked_texts(path):
    """{(page index, mcid): text} from the page content."""
    out = {}
    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages):
            for c in page.chars:
                if c.get("mcid") is not None:
                    out[(i, c["mcid"])] = out.get((i, c["mcid"]), "") + c["text"]
    return out


def elements(pdf, texts):
    """(role, alt, text) of every structure element, in reading order."""
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    found = []

    def walk(node, page):
        if "/Pg" in node:
            page = pages.get(node.Pg.objgen, page)
        role = str(node.get("/S", ""))
        entry = [role, str(node.get("/Alt", "")), ""]
        found.append(entry)
        kids = node.get("/K")
        if kids is None:
            return ""
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        text = ""
        for k in kids:
            if isinstance(k, int):
                text += texts.get((page, int(k)), "")
            elif isinstance(k, pikepdf.Dictionary) and "/MCID" in k:
                pg = pages.get(k.Pg.objgen, page) if "/Pg" in k else page
                text += texts.get((pg, int(k.MCID)), "")
            elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
                text += walk(k, page)
        entry[2] = text
        return text

    root = pdf.Root.StructTreeRoot
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    for k in kids:
        walk(k, None)
    return found


def row_widths(pdf):
    """For each table, the width (cells, counting column spans) of each body row."""
    tables = []

    def span(cell):
        attrs = cell.get("/A")
        attrs = attrs if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []
        for a in attrs:
            if isinstance(a, pikepdf.Dictionary) and "/ColSpan" in a:
                return int(a.ColSpan)
        return 1

    def kids(node):
        k = node.get("/K")
        k = k if isinstance(k, pikepdf.Array) else [k] if k is not None else []
        return [c for c in k if isinstance(c, pikepdf.Dictionary) and "/S" in c]

    def walk(node):
        if str(node.get("/S", "")) == "/Table":
            widths = []
            for part in kids(node):
                if str(part.S) == "/TBody":
                    for tr in kids(part):
                        widths.append(sum(span(c) for c in kids(tr) if str(c.S) in ("/TD", "/TH")))
            tables.append(widths)
        for c in kids(node):
            walk(c)

    root = pdf.Root.StructTreeRoot
    for k in root.K if isinstance(root.K, pikepdf.Array) else [root.K]:
        walk(k)
    return tables


def outline_titles(pdf):
    titles = []
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(reversed(item.children))
    return titles


def check(name, path, expect, pdfua):
    """Returns (row of figures, failures)."""
    failures = []
    pdf = pikepdf.open(str(path))
    if str(pdf.Root.get("/Lang", "")) != "th-TH":
        failures.append(f"{name}: /Lang is not th-TH")
    if not bool(pdf.Root.get("/MarkInfo", {}).get("/Marked", False)):
        failures.append(f"{name}: not marked as tagged")
    if not bool(pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        failures.append(f"{name}: DisplayDocTitle is not set")
    els = elements(pdf, marked_texts(path))
    headings = [(int(r[2:]), squash(t)) for r, _, t in els if r in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")]
    wanted = [(level, squash(text)) for level, text in expect["headings"]]
    if headings != wanted:
        failures.append(f"{name}: headings {headings[:4]}… are not the document's {wanted[:4]}…")
    th = [squash(t) for r, _, t in els if r == "/TH"]
    for h in expect["headers"]:
        if squash(h) not in th:
            failures.append(f"{name}: no TH cell reads {h}")
    alts = [a for r, a, _ in els if r == "/Figure"]
    if sorted(alts) != sorted(expect["figures"]):
        failures.append(f"{name}: figure texts {alts} are not {expect['figures']}")
    if any(not a.strip() for a in alts):
        failures.append(f"{name}: a figure without alternative text")
    for widths in row_widths(pdf):
        if len(set(widths)) > 1:
            failures.append(f"{name}: a table's rows have {sorted(set(widths))} cells: a cell is missing from the structure")
    titles = [squash(t) for t in outline_titles(pdf)]
    if titles != [t for _, t in wanted]:
        failures.append(f"{name}: the outline {titles[:3]}… does not follow the headings")
    run = subprocess.run([str(pdfua), "check", "--min-severity", "error", str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"{name}: pdfua check fails:\n{run.stdout}")
    tables = sum(1 for r, _, _ in els if r == "/Table")
    row = (len(headings), len(th), tables, len(alts), len(titles), "pass" if run.returncode == 0 else "FAIL")
    return row, failures


if __name__ == "__main__":
    import json

    path = Path(sys.argv[1])
    expect = json.loads(path.with_suffix("").with_suffix(".lines.json").read_text("utf-8"))
    print(check(path.stem, path, expect, Path(sys.executable).parent / "pdfua"))
