"""Protokollerklärungen: statements of single Länder recorded with an item's resolution."""

from __future__ import annotations

import re
from pathlib import Path

from mapping.errors import SourceError
from mapping.laender import land_codes
from mapping.model import Declaration, LineRange
from mapping.source import Block
from mapping.text import join_lines

START = re.compile(r"^Protokollerklärung(?:en)?\b")
# "Protokollerklärung Bayern:", "… des Freistaates Bayern:", "… der Länder BY und SN:"
HEADER = re.compile(
    r"^Protokollerklärung\s+(?:(?:des|der|von)\s+)?"
    r"(?:(?:Landes|Länder|Freistaates|Freistaats)\s+)?(?P<laender>[^:]+?)\s*:\s*(?P<text>.*)$"
)


def split_declarations(
    blocks: list[Block], path: Path | str
) -> tuple[list[Block], tuple[Declaration, ...]]:
    """The blocks of the resolution text, and the declarations that follow it."""
    start = next((i for i, block in enumerate(blocks) if START.match(block.texts[0])), None)
    if start is None:
        return blocks, ()
    groups: list[list[Block]] = []
    for block in blocks[start:]:
        if START.match(block.texts[0]) or not groups:
            groups.append([])
        groups[-1].append(block)
    declarations = tuple(
        read_declaration(group, position, path) for position, group in enumerate(groups, start=1)
    )
    return blocks[:start], declarations


def read_declaration(blocks: list[Block], position: int, path: Path | str) -> Declaration:
    """The declaring Länder from the header line, the text from the rest."""
    header = blocks[0].lines[0]
    match = HEADER.match(header.plain)
    if match is None:
        raise SourceError(
            path,
            header.number,
            f"declaration heading '{header.plain}'",
            "'Protokollerklärung <Land or Länder>: <text>', e.g. 'Protokollerklärung Bayern:'",
        )
    laender = land_codes(match.group("laender"), path, header.number)
    first_block = [match.group("text"), *blocks[0].texts[1:]]
    parts = [join_lines(first_block), *(join_lines(block.texts) for block in blocks[1:])]
    text = "\n\n".join(part for part in parts if part)
    if not text:
        raise SourceError(
            path, header.number, "a declaration without text", "the text of the declaration"
        )
    heading = header.plain[: match.start("text")].strip()
    return Declaration(position, laender, heading, text, LineRange(header.number, blocks[-1].last))
