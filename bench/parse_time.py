"""Parse time per document: the seed as text, as pdftotext output, and as typeset PDFs.

For each input, the time to read it through the document layer (read_source) and to parse
it into the typed model (parse_text), best and median of --runs, in one run on this
machine; then the whole `intmk build` of the seed (parse, emit, validate, write) once.
The baseline is the seed text: every other input is reported as a ratio to it. Also the
seed's parse and emit without validation, the part of the build the parser owns.

    .venv/bin/python bench/parse_time.py --runs 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapping.emit import MinutesEmitter  # noqa: E402
from mapping.errors import SourceError  # noqa: E402
from mapping.parse_document import parse_file, parse_text  # noqa: E402
from mapping.source import read_source  # noqa: E402
from mapping.uris import Uris  # noqa: E402
from mapping.wikidata import load_wikidata  # noqa: E402
from tests.typeset import SEED, STYLES, typeset  # noqa: E402


def timed(path: Path, runs: int) -> tuple[list[float], list[float], str]:
    """Seconds to read and to parse, per run, and how parsing ended."""
    reads, parses, outcome = [], [], "facts"
    for _ in range(runs):
        start = time.perf_counter()
        source = read_source(path)
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        try:
            parse_text(source)
        except SourceError as error:
            outcome = f"error: {error.problem[:60]}"
        parses.append(time.perf_counter() - start)
    return reads, parses, outcome


def inputs(folder: Path) -> list[tuple[str, Path]]:
    """The seed, its PDFs in every style and (with poppler-utils) their text extractions."""
    found = [("seed text", SEED)]
    text = SEED.read_text(encoding="utf-8")
    for style in STYLES:
        pdf = typeset(text, style, folder / f"{style}.pdf")
        found.append((f"PDF {style}", pdf))
        if shutil.which("pdftotext"):
            plain = folder / f"{style}.txt"
            subprocess.run(["pdftotext", str(pdf), str(plain)], check=True)
            found.append((f"pdftotext {style}", plain))
    return found


def emit_seconds(runs: int) -> float:
    """Median seconds to parse the seed and emit its graph (the build without validation,
    diagrams and writing)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        MinutesEmitter(parse_file(SEED), Uris(), load_wikidata()).graph()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_seconds(folder: Path) -> float:
    sources = folder / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / SEED.name)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "build",
            "--sources",
            str(sources),
            "--output",
            str(folder / "graph"),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    runs = options.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = [(label, *timed(path, runs)) for label, path in inputs(folder)]
        baseline = statistics.median(r + p for r, p in zip(rows[0][1], rows[0][2], strict=True))
        print(f"{'input':<22} {'read med':>9} {'parse med':>9} {'total/seed':>10}  outcome")
        for label, reads, parses, outcome in rows:
            total = statistics.median(r + p for r, p in zip(reads, parses, strict=True))
            print(
                f"{label:<22} {statistics.median(reads):>8.3f}s {statistics.median(parses):>8.3f}s"
                f" {total / baseline:>9.1f}×  {outcome}"
            )
        print(f"parse and emit the seed's graph (no validation): {emit_seconds(runs):.2f}s")
        print(
            f"intmk build of the seed (parse, emit, validate, write): {build_seconds(folder):.2f}s"
        )


if __name__ == "__main__":
    main()
