"""What the text of a query says about itself, read without a SPARQL parser.

Two questions need answering before a worker runs a query: does it name its own dataset
(FROM / FROM NAMED — then the union default graph must not replace it), and is it really an
update (refused at once on a read-only endpoint)? Comments, strings and IRIs are blanked
out first so a keyword inside them does not count.
"""

from __future__ import annotations

import re

OPAQUE = re.compile(
    r"#[^\n]*"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|'''.*?'''|\"\"\".*?\"\"\""
    r"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"",
    re.DOTALL,
)
DATASET_CLAUSE = re.compile(r"(?<![\w:?$])FROM(?![\w:-])", re.IGNORECASE)
UPDATE_START = re.compile(
    r"\s*(?:(?:BASE\s*<>|PREFIX\s+[^\s:]*:\s*<>)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:-])",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    text = match.group(0)
    if text.startswith("<"):
        return "<>"
    return " " if text.startswith("#") else '""'


def skeleton(query: str) -> str:
    """The query with comments removed and every IRI and string emptied."""
    return OPAQUE.sub(_blank, query)


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset with FROM or FROM NAMED."""
    return DATASET_CLAUSE.search(skeleton(query)) is not None


def looks_like_update(query: str) -> bool:
    """Whether the text is a SPARQL Update operation (after any BASE/PREFIX declarations)."""
    return UPDATE_START.match(skeleton(query)) is not None
