"""The addressee of a request: the object of its verb, resolved against the registry.

The object stands after the verb, a few adverbs (and an inverted subject such as "die
Länder" or "die IntMK") before it: "bittet daher den Bund", "bitten die Länder die
Bundesregierung", "empfiehlt dem Bundesministerium für Gesundheit". Several objects are
joined by "und", "sowie" or a comma ("den Bund und die Länder"). Each object is the
longest written form of the registry (mapping/organisations.py) that the words give in
their normal form. An object the registry does not know — an article and a capitalised
word ("den Deutschen Städtetag") up to a comma, "zu", "um", "und" — is kept with its
wording as unresolved; it is never dropped, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.organisations import longest_form, normal_words, registry_index

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
    """The objects found: resolved keys, unresolved wordings, where the phrase ends."""

    keys: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    end: int = 0

    @property
    def found(self) -> bool:
        return bool(self.keys or self.unresolved)


@dataclass(frozen=True)
class Group:
    key: str | None
    wording: str
    next: int  # index of the token after it


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def object_of(text: str) -> Addressees:
    """The objects standing first in `text` (after adverbs), or none."""
    words = tokens(text)
    index = skip_adverbs(words, 0)
    groups: list[Group] = []
    while (group := group_at(text, words, index)) is not None:
        if group.key in NOT_ADDRESSED or (groups and not joined(words, index)):
            groups = []  # an inverted subject: the object follows it
        if group.key not in NOT_ADDRESSED:
            groups.append(group)
        index = group.next
        if not continues(text, words, index):
            break
        index += 1 if words[index].text in JOINS else 0
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
    if words[index].text in {"und", "sowie"}:
        return group_at(text, words, index + 1) is not None
    if words[index].text != ",":
        following = group_at(text, words, index)  # an inverted subject before it
        return following is not None and following.key is not None
    following = group_at(text, words, index + 1)
    return following is not None and joins_next(text, words, following.next)


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
            return Addressees(candidate.keys, candidate.unresolved, start + candidate.end)
    return Addressees()


def collect(groups: list[Group], end: int) -> Addressees:
    keys = tuple(dict.fromkeys(g.key for g in groups if g.key is not None))
    unresolved = tuple(g.wording for g in groups if g.key is None)
    return Addressees(keys, unresolved, end)


def joined(words: list[Token], index: int) -> bool:
    """Whether the token before `index` joins two objects."""
    return index > 0 and words[index - 1].text in JOINS


def skip_adverbs(words: list[Token], index: int) -> int:
    while index < len(words) and (words[index].text in ADVERBS or words[index].text == ","):
        index += 1
    return index


def group_at(text: str, words: list[Token], index: int) -> Group | None:
    """The registry form starting at `index` (longest first), else an unknown object."""
    if index >= len(words):
        return None
    index_of = registry_index()
    for size in range(min(longest_form() + 1, len(words) - index), 0, -1):
        phrase = text[words[index].start : words[index + size - 1].end]
        key = index_of.get(normal_words(phrase))
        if key is not None and words[index + size - 1].text not in JOINS:
            return Group(key, phrase, index + size)
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
    return Group(None, text[words[index].start : words[end - 1].end], end)


def capitalised(words: list[Token], index: int) -> int:
    """The index after the run of capitalised words starting at `index`."""
    while index < len(words) and words[index].text[:1].isupper():
        index += 1
    return index
