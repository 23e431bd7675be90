"""A Land as the object of a request verb: one Land, several, or Länder the text does not name.

- one Land by its designation: "das Land Berlin", "dem Land Brandenburg", "den Freistaat
  Sachsen", "der Freien und Hansestadt Hamburg", "das Saarland", or its plain name;
- several after "Länder"/"Ländern": "die Länder Bayern und Hessen", "den Ländern Berlin,
  Bremen und Hamburg", "die Länder BY, SN und TH" (here also the short forms);
- "die übrigen Länder", "den nicht antragstellenden Ländern": an article, lower-case words
  and "Länder" with no names after it — which Länder are meant the text does not say, so
  the object is kept with its wording (unresolved), never guessed.

"die Länder" and "alle Länder" with nothing after them are all 16 as one: the registry's
organisation `laender` (data/reference/organisations.tsv), not read here.
A Land's addressee key is its ISO 3166-2 code (mapping/laender.py), e.g. "DE-BE".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from mapping.laender import LAENDER, Land, land_by_name

LAND_CODE = re.compile(r"DE-[A-Z]{2}")
ARTICLES = frozenset({"den", "die", "das", "dem", "der"})
GROUP_NOUNS = frozenset({"Länder", "Ländern"})
LIST_JOINS = frozenset({",", "und", "sowie"})
# the declined forms of a designation's first word, as the registry of names writes it
DECLINED = {"Landes": "Land", "Freien": "Freie", "Freistaates": "Freistaat"}
DECLINED["Freistaats"] = "Freistaat"
LONGEST_NAME = 4  # "Freie und Hansestadt Hamburg"


class Word(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class LandObject:
    """The Länder an object names (codes; empty when it names none), its wording, and the
    index of the word after it."""

    codes: tuple[str, ...]
    wording: str
    next: int


def is_land_code(key: str) -> bool:
    """Whether an addressee key is a Land's ISO 3166-2 code (else an organisation key)."""
    return LAND_CODE.fullmatch(key) is not None


def names_no_land(wording: str) -> bool:
    """Whether an unresolved object is Länder the text does not name ("die übrigen Länder")."""
    return wording.split()[-1] in GROUP_NOUNS if wording.split() else False


def land_object_at(text: str, words: Sequence[Word], index: int) -> LandObject | None:
    """The Land object starting at `index` (an article may lead), or None."""
    start = index
    if words[index].text.lower() in ARTICLES:
        index += 1
    if index >= len(words):
        return None
    if words[index].text in GROUP_NOUNS:
        return named_laender(text, words, start, index + 1)
    name = land_name_at(words, index, short=False)
    if name is not None:
        land, after = name
        return LandObject((land.code,), span(text, words, start, after), after)
    return unnamed_laender(text, words, start, index)


def named_laender(text: str, words: Sequence[Word], start: int, index: int) -> LandObject | None:
    """ "die Länder Bayern und Hessen": the names after "Länder"; none named: None (the
    registry's "die Länder")."""
    codes: list[str] = []
    while (name := land_name_at(words, index, short=True)) is not None:
        codes.append(name[0].code)
        index = name[1]
        if not joins_a_land(words, index):
            break
        index += 1
    if not codes:
        return None
    return LandObject(tuple(dict.fromkeys(codes)), span(text, words, start, index), index)


def joins_a_land(words: Sequence[Word], index: int) -> bool:
    """Whether a join ("," "und" "sowie") and another Land's name follow at `index`."""
    return (
        index + 1 < len(words)
        and words[index].text in LIST_JOINS
        and land_name_at(words, index + 1, short=True) is not None
    )


def unnamed_laender(text: str, words: Sequence[Word], start: int, index: int) -> LandObject | None:
    """ "die übrigen Länder": an article, lower-case words, then "Länder" and no name."""
    if words[start].text.lower() not in ARTICLES:
        return None
    end = index
    while end < len(words) and words[end].text[:1].islower() and words[end].text not in LIST_JOINS:
        end += 1
    if end == index or end >= len(words) or words[end].text not in GROUP_NOUNS:
        return None
    if land_name_at(words, end + 1, short=True) is not None:
        return named_laender(text, words, start, end + 1)
    return LandObject((), span(text, words, start, end + 1), end + 1)


def land_name_at(words: Sequence[Word], index: int, *, short: bool) -> tuple[Land, int] | None:
    """The Land whose name or designation starts at `index` (longest first), and the index
    after it; short forms ("BY", "NRW") only where `short` (in a list after "Länder")."""
    for size in range(min(LONGEST_NAME, len(words) - index), 0, -1):
        parts = [DECLINED.get(w.text, w.text) for w in words[index : index + size]]
        if parts[-1] in LIST_JOINS:
            continue
        land = land_by_name(" ".join(parts))
        if land is not None and (short or not is_short_form(parts)):
            return land, index + size
    return None


def is_short_form(parts: list[str]) -> bool:
    """ "BY", "NRW", "LSA": a form of capitals only, which stands for a Land only in a list."""
    return len(parts) == 1 and parts[0].isupper()


def span(text: str, words: Sequence[Word], start: int, after: int) -> str:
    return text[words[start].start : words[after - 1].end]


# "die übrigen Länder" in a sentence whose subject is the applicants
OTHER_LAENDER = re.compile(r"(?:die|den) übrigen Länder(?:n)?")
APPLICANTS_SUBJECT = re.compile(
    r"^\s*Die (?:antragstellenden Länder|Antragsteller(?:länder)?(?:innen)?)\b"
)


def other_laender(sentence: str, wording: str, applied: tuple[str, ...]) -> tuple[str, ...]:
    """The Länder "die übrigen Länder" are when the sentence's subject is the applicants
    and the item names them: those that did not apply (in the order of the Länder); else
    none (the sources do not say which)."""
    if not applied or not OTHER_LAENDER.fullmatch(wording):
        return ()
    if APPLICANTS_SUBJECT.match(sentence) is None:
        return ()
    return tuple(land.code for land in LAENDER if land.code not in applied)
