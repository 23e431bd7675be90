"""The addressee of a request: the object of its verb, resolved against the registry.

The object stands after the verb, a few adverbs (and an inverted subject such as "die
Länder" or "die IntMK") before it: "bittet daher den Bund", "bitten die Länder die
Bundesregierung", "empfiehlt dem Bundesministerium für Gesundheit". Several objects are
joined by "und", "sowie" or a comma ("den Bund und die Länder"). Each object is the
longest written form of the registry (mapping/organisations.py) that the words give in
their normal form, or a Land (mapping/land_objects.py: "das Land Berlin", "die Länder
Bayern und Hessen"; its key is its ISO 3166-2 code). An object the registry does not
know — an article and a capitalised word ("den Deutschen Städtetag") up to a comma,
"zu", "um", "und" — is kept with its wording as unresolved; so are Länder the text does
not name ("die übrigen Länder"). Nothing is dropped, nothing guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.land_objects import is_land_code, land_object_at
from mapping.organisations import longest_form, normal_words, registry_index

__all__ = ["Addressees", "first_object", "is_land_code", "object_of"]

TOKEN = re.compile(r"\w[\w-]*|[,;()]")
ARTICLES = frozenset({"den", "die", "das", "dem", "der"})
ADVERBS = frozenset(
    {
        *("daher", "deshalb", "deswegen", "erneut", "weiterhin", "eindringlich"),
        *("federführend", "darüber", "hinaus", "jedoch", "ihrerseits", "zudem", "ferner"),
        *("nochmals", "ausdrücklich", "dringend", "insbesondere", "sie", "gegenüber"),
        *("von", "vom", "auch", "nachdrücklich", "darum", "dazu"),
    }
)
JOINS = frozenset({"und", "sowie", ","})
ATTRIBUTES = frozenset({"der", "des", "für", "zur", "zum"})
NOT_ADDRESSED = frozenset({"intmk"})  # the conference itself: the subject, not an object


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Addressees:
    """The objects found: resolved keys (organisation keys and Land codes), unresolved
    wordings, where the phrase ends, and each key with the words that name it."""

    keys: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    end: int = 0
    stated: tuple[tuple[str, str], ...] = ()  # (key, wording), in the order of the text

    @property
    def found(self) -> bool:
        return bool(self.keys or self.unresolved)


@dataclass(frozen=True)
class Group:
    keys: tuple[str, ...]  # none: an object the registry does not know
    wording: str
    next: int  # index of the token after it

    @property
    def resolved(self) -> bool:
        return bool(self.keys)

    @property
    def addressed(self) -> bool:
        """Whether it can be an object: the conference itself is the subject."""
        return not NOT_ADDRESSED.intersection(self.keys)


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def object_of(text: str) -> Addressees:
    """The objects standing first in `text` (after adverbs), or none."""
    words = tokens(text)
    index = skip_adverbs(words, 0)
    groups: list[Group] = []
    while (group := group_at(text, words, index)) is not None:
        if not group.addressed or (groups and not joined(words, index)):
            groups = []  # an inverted subject: the object follows it
        if group.addressed:
            groups.append(group)
        index = group.next
        if not continues(text, words, index):
            break
        index = after_join(words, index)
    if not groups:
        return Addressees()
    end = words[groups[-1].next - 1].end
    return collect(groups, end)


def continues(text: str, words: list[Token], index: int) -> bool:
    """Whether another object follows the one ending before `index`: after "und" or
    "sowie" any; after a comma one that is itself followed by a join ("den Bund, die
    Länder und die Kommunen"), not the start of what is asked ("den Bund, die Mittel …")."""
    if index >= len(words):
        return False
    if words[index].text in {"und", "sowie"} or comma_and(words, index):
        return group_at(text, words, after_join(words, index)) is not None
    if words[index].text != ",":
        following = group_at(text, words, index)  # an inverted subject before it
        return following is not None and following.resolved
    following = group_at(text, words, index + 1)
    return following is not None and joins_next(text, words, following.next)


def comma_and(words: list[Token], index: int) -> bool:
    """ "…, und": a comma that closes a name ("des Innern, für Bau und Heimat, und …")."""
    return (
        words[index].text == ","
        and index + 1 < len(words)
        and words[index + 1].text in {"und", "sowie"}
    )


def after_join(words: list[Token], index: int) -> int:
    """The index after the join at `index` ("und", "sowie", a comma, or ", und")."""
    if comma_and(words, index):
        return index + 2
    return index + 1 if words[index].text in JOINS else index


def joins_next(text: str, words: list[Token], index: int) -> bool:
    """Whether a join and another object follow at `index`."""
    if index >= len(words) or words[index].text not in JOINS:
        return False
    following = group_at(text, words, index + 1)
    return following is not None and (
        words[index].text != "," or joins_next(text, words, following.next)
    )


def first_object(span: str) -> Addressees:
    """The first objects anywhere in a span ("fordern mit Nachdruck den Bund auf" → the
    Bund; "fordern die Länder den Bund auf" → the Bund: an inverted subject is skipped)."""
    words = tokens(span)
    for index in range(len(words)):
        if group_at(span, words, index) is None:
            continue
        candidate = object_of(span[words[index].start :])
        if candidate.found:
            start = words[index].start
            return Addressees(
                candidate.keys, candidate.unresolved, start + candidate.end, candidate.stated
            )
    return Addressees()


def collect(groups: list[Group], end: int) -> Addressees:
    """The keys in the order of the text, each with the words that first name it."""
    stated: dict[str, str] = {}
    for group in groups:
        for key in group.keys:
            stated.setdefault(key, group.wording)
    unresolved = tuple(g.wording for g in groups if not g.resolved)
    return Addressees(tuple(stated), unresolved, end, tuple(stated.items()))


def joined(words: list[Token], index: int) -> bool:
    """Whether the token before `index` joins two objects."""
    return index > 0 and words[index - 1].text in JOINS


def skip_adverbs(words: list[Token], index: int) -> int:
    while index < len(words) and (words[index].text in ADVERBS or words[index].text == ","):
        index += 1
    return index


def group_at(text: str, words: list[Token], index: int) -> Group | None:
    """A Land, else the registry form starting at `index` (longest first), else an unknown
    object."""
    if index >= len(words):
        return None
    land = land_object_at(text, words, index)
    if land is not None:
        return Group(land.codes, land.wording, land.next)
    index_of = registry_index()
    for size in range(min(longest_form() + 1, len(words) - index), 0, -1):
        phrase = text[words[index].start : words[index + size - 1].end]
        key = index_of.get(normal_words(phrase))
        if key is not None and words[index + size - 1].text not in JOINS:
            return Group((key,), phrase, index + size)
    return unknown_at(text, words, index)


def unknown_at(text: str, words: list[Token], index: int) -> Group | None:
    """An article and capitalised words, with an attribute "der / des / für …" of capitalised
    words ("den Deutschen Städtetag", "die Stiftung für Integration"): an unknown object."""
    if words[index].text not in ARTICLES or index + 1 >= len(words):
        return None
    end = capitalised(words, index + 1)
    if end == index + 1:
        return None
    while end + 1 < len(words) and words[end].text in ATTRIBUTES:
        after = capitalised(words, end + 1)
        if after == end + 1:
            break
        end = after
    return Group((), text[words[index].start : words[end - 1].end], end)


def capitalised(words: list[Token], index: int) -> int:
    """The index after the run of capitalised words starting at `index`."""
    while index < len(words) and words[index].text[:1].isupper():
        index += 1
    return index
