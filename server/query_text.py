"""What the text of a query says about itself, read without a SPARQL parser.

Three questions need answering before a worker runs a query: does it name its own dataset
(FROM / FROM NAMED — then the union default graph must not replace it), is it really an
update (refused at once on a read-only endpoint), and is it federated (SERVICE: the engine
would connect to any address the query names, so it is refused before any worker sees
it)? Comments, strings and IRIs are blanked out first so a keyword inside them does not
count; a keyword anywhere else does, wherever it is nested.
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
SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)
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


def is_federated(query: str) -> bool:
    """Whether the query uses SERVICE (also SILENT, with a variable, or nested anywhere)."""
    return SERVICE.search(skeleton(query)) is not None
