"""Character normalisation of one line, each change recorded.

What a PDF or its conversion puts between the letters and no published literal may carry:
soft hyphens, presentation forms (ligatures), the many Unicode spaces, zero-width
characters, decomposed letters. Typographic quotes and dashes stay as in the source.

A soft hyphen at the very end of a line marks a word the typesetter broke there: it stays,
as the only one, so that joining the lines (mapping/text.py) rejoins the word without a
hyphen; every other soft hyphen is removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from mapping.document.model import Normalisation

SOFT_HYPHEN = "\u00ad"
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# every space separator but the ordinary space: NBSP, narrow NBSP, thin, figure, em, …
SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# form feed, vertical tab, NEL, line and paragraph separators: white space inside a line
LINE_SEPARATORS = re.compile(r"[\f\v\u0085\u2028\u2029]")

Step = Callable[[str], tuple[str, int]]


def soft_hyphens(text: str) -> tuple[str, int]:
    trailing = text.rstrip(" \t").endswith(SOFT_HYPHEN)
    count = text.count(SOFT_HYPHEN) - (1 if trailing else 0)
    if not count:
        return text, 0
    body = text.rstrip(" \t")[:-1] if trailing else text
    cleaned = body.replace(SOFT_HYPHEN, "")
    return (cleaned + SOFT_HYPHEN if trailing else cleaned), count


def ligatures(text: str) -> tuple[str, int]:
    count = sum(text.count(form) for form in LIGATURES)
    for form, letters in LIGATURES.items():
        text = text.replace(form, letters)
    return text, count


def spaces(text: str) -> tuple[str, int]:
    return SPACES.subn(" ", text)


def zero_width(text: str) -> tuple[str, int]:
    return ZERO_WIDTH.subn("", text)


def separators(text: str) -> tuple[str, int]:
    return LINE_SEPARATORS.subn(" ", text)


def composed(text: str) -> tuple[str, int]:
    nfc = unicodedata.normalize("NFC", text)
    return nfc, int(nfc != text)


STEPS: tuple[tuple[str, Step], ...] = (
    ("zero-width character", zero_width),
    ("soft hyphen", soft_hyphens),
    ("ligature", ligatures),
    ("space character", spaces),
    ("line separator", separators),
    ("NFC", composed),
)


def normalise(text: str) -> tuple[str, tuple[Normalisation, ...]]:
    """The line's text normalised, and what was changed."""
    changes: list[Normalisation] = []
    for kind, step in STEPS:
        text, count = step(text)
        if count:
            changes.append(Normalisation(kind, count))
    return text, tuple(changes)
