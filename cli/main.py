"""`intmk build`: the command line entry point. Bad input ends with a message, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mapping.build import DEFAULT_OUTPUT, DEFAULT_SOURCES, DocumentSummary, build
from mapping.errors import SourceError
from mapping.uris import DEFAULT_BASE, Uris

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
SUMMARY_COLUMNS = (
    ("conference", "conf."),
    ("items", "items"),
    ("resolutions", "resolutions"),
    ("requests", "requests"),
    ("requests_to_bund", "to Bund"),
    ("persons", "persons"),
    ("findings", "findings"),
    ("triples", "triples"),
)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="intmk", description="IntMK Linked Data: build and serve.")
    commands = main.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser(
        "build",
        help="minutes in data/sources/ → graph files in data/graph/",
        description="Parse every minutes file and write the graph (Turtle per document, "
        "N-Quads with a named graph per document, the ontology). The output is replaced "
        "atomically and only when the whole build succeeds.",
    )
    build_command.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES,
        help="folder with minutes as .txt (default: %(default)s)",
    )
    build_command.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="link to the published build (default: %(default)s)",
    )
    build_command.add_argument(
        "--base",
        default=os.environ.get("INTMK_BASE_URI", DEFAULT_BASE),
        help="base URI of all resources; env INTMK_BASE_URI (default: %(default)s)",
    )
    return main


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        uris = Uris(arguments.base)
    except ValueError as error:
        print(f"intmk: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        summaries = build(arguments.sources, arguments.output, uris)
    except SourceError as error:
        print(f"intmk build: error: {error}", file=sys.stderr)
        print("intmk build: nothing was written; the previous build is unchanged.", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(summary_table(summaries))
    print(f"written to {arguments.output}")
    return EXIT_OK


def summary_table(summaries: list[DocumentSummary]) -> str:
    """A table with one row per document and a total row."""
    header = ["document", *(title for _, title in SUMMARY_COLUMNS)]
    rows = [[s.file_name, *(str(getattr(s, key)) for key, _ in SUMMARY_COLUMNS)] for s in summaries]
    if len(summaries) > 1:
        totals = [str(sum(getattr(s, key) for s in summaries)) for key, _ in SUMMARY_COLUMNS[1:]]
        rows.append(["total", "", *totals])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        )
        for row in [header, *rows]
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
