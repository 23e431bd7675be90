"""The running headers and footers a document taught furniture.py, as texts to publish.

Each distinct text once, in the order of its first appearance: the line without markup
(`**`, `<u>`), without a page number beside it ("17. IntMK 2022        Seite 4 von 9" gives
"17. IntMK 2022") and with its spaces collapsed. The shape NoRunningHeaderInLiteral checks
every published literal of the document against them.
"""

from __future__ import annotations

from mapping.document.furniture import plain, without_page_number
from mapping.document.model import Document, LineKind


def running_texts(document: Document | None, kind: LineKind) -> tuple[str, ...]:
    """The distinct texts of the document's lines of that kind (RUNNING_HEADER/FOOTER)."""
    if document is None:
        return ()
    texts: dict[str, None] = {}
    for line in document.lines:
        if line.kind is kind:
            text = header_text(line.text)
            if text:
                texts.setdefault(text, None)
    return tuple(texts)


def header_text(text: str) -> str:
    """A header line as a literal: no markup, no page number, single spaces."""
    shown, _ = without_page_number(plain(text))
    return " ".join(shown.split())
