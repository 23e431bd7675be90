"""Which PDF library the reader (mapping/document/read_pdf.py) should stand on.

Typesets the seed in every style of tests/typeset.py (into a temporary folder), then for
each PDF and library measures the time to get what the reader needs (best of --runs) and
counts what the library gives: glyphs with font names (bold), glyph boxes (lines, words,
columns, superscripts) and the lines and rectangles drawn on the page (underlines, table
rules). Also times the whole reader (read_pdf, on pdfplumber).

    .venv/bin/pip install -e '.[test]' pdfminer.six pypdf     # pdfplumber is a dependency
    .venv/bin/python bench/pdf_readers.py --runs 3

PyMuPDF is not measured: AGPL, which this MIT project cannot ship.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapping.document.read_pdf import read_pdf  # noqa: E402
from tests.typeset import SEED, STYLES, typeset  # noqa: E402

Counts = dict[str, Any]


def with_pdfplumber(path: Path) -> Counts:
    import pdfplumber

    chars = fonts = drawn = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars += len(page.chars)
            fonts += sum(1 for char in page.chars if char.get("fontname"))
            drawn += len(page.lines) + len(page.rects)
    return {"glyphs": chars, "font names": fonts, "drawn lines/rects": drawn, "boxes": chars}


def with_pdfminer(path: Path) -> Counts:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect

    counts = {"glyphs": 0, "font names": 0, "drawn lines/rects": 0, "boxes": 0}

    def walk(item: Any) -> None:
        if isinstance(item, LTChar):
            counts["glyphs"] += 1
            counts["boxes"] += 1
            counts["font names"] += bool(item.fontname)
        elif isinstance(item, LTLine | LTRect | LTCurve):
            counts["drawn lines/rects"] += 1
        if isinstance(item, LTContainer):
            for child in item:
                walk(child)

    for page in extract_pages(path):
        walk(page)
    return counts


def with_pypdf(path: Path) -> Counts:
    from pypdf import PdfReader

    counts = {"glyphs": 0, "font names": 0, "drawn lines/rects": 0, "boxes": 0}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        # a text run with its font and matrix: a start position, no glyph boxes
        counts["glyphs"] += len(text.strip())
        counts["font names"] += bool(font and font.get("/BaseFont")) * len(text.strip())

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return counts


def whole_reader(path: Path) -> Counts:
    lines, pages = read_pdf(path)
    return {"lines": len(lines), "pages": pages}


LIBRARIES: dict[str, Callable[[Path], Counts]] = {
    "pdfplumber": with_pdfplumber,
    "pdfminer.six": with_pdfminer,
    "pypdf": with_pypdf,
    "read_pdf (pdfplumber)": whole_reader,
}
PACKAGES = {"pdfplumber": "pdfplumber", "pdfminer.six": "pdfminer.six", "pypdf": "pypdf"}


def best_time(function: Callable[[Path], Counts], path: Path, runs: int) -> tuple[float, Counts]:
    best = float("inf")
    counts: Counts = {}
    for _ in range(runs):
        start = time.perf_counter()
        counts = function(path)
        best = min(best, time.perf_counter() - start)
    return best, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pdf_readers.json")
    args = parser.parse_args()
    source = SEED.read_text(encoding="utf-8")
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for style in STYLES:
            pdf = typeset(source, style, Path(folder) / f"{style}.pdf")
            for name, function in LIBRARIES.items():
                seconds, counts = best_time(function, pdf, args.runs)
                results.append({"style": style, "library": name, "seconds": seconds, **counts})
                print(f"{style:10} {name:22} {seconds:7.3f} s  {counts}", flush=True)
    versions = {name: version(package) for name, package in PACKAGES.items()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"versions": versions, "results": results}, indent=2))
    print(json.dumps(versions))


if __name__ == "__main__":
    main()
