"""`intmk explain FILE`: every line of a minutes file and what became of it."""

from __future__ import annotations

import sys
from pathlib import Path

from mapping.claims import minutes_claims
from mapping.document.blocks import render_blocks
from mapping.document.line_map import Claim, line_map, render
from mapping.errors import SourceError
from mapping.parse_document import parse_text
from mapping.source import read_source

EXIT_OK, EXIT_PROBLEMS = 0, 1


def run_explain(path: Path, lenient: bool, blocks: bool = False) -> int:
    """Print the line map (or the blocks); exit 1 when a line is unclaimed, claimed twice,
    or unreadable."""
    try:
        source = read_source(path)
    except (SourceError, OSError) as error:
        print(f"intmk explain: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    assert source.document is not None
    if blocks:
        print(f"# {path.name}: {len(source.text_blocks)} blocks, read as {source.document.reader}")
        sys.stdout.write(render_blocks(source.text_blocks))
        return EXIT_OK
    claims: list[Claim] = []
    failure: SourceError | None = None
    try:
        claims = minutes_claims(parse_text(source, lenient, account=False))
    except SourceError as error:
        failure = error
    entries, problems = line_map(source.document, claims)
    print(f"# {path.name}: {len(entries)} lines, read as {source.document.reader}", end="")
    print(f", {source.document.pages} pages" if source.document.pages else "")
    sys.stdout.write(render(source.document, entries))
    if failure is not None:
        print(f"intmk explain: the grammar stopped: {failure}", file=sys.stderr)
        return EXIT_PROBLEMS
    for problem in problems:
        print(f"{path}:{problem.line.number}: {problem.problem}: {problem.line.text[:80]!r}")
    return EXIT_PROBLEMS if problems else EXIT_OK
