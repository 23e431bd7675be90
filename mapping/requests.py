"""Requests a resolution addresses to someone: sentence, kind, addressee, what is asked.

A request is a sentence with a request verb and an addressee:
"bittet den Bund zu prüfen" (Prüfbitte), "fordert den Bund auf" (Aufforderung),
"appelliert an die Bundesregierung" (Appell), "bittet das BMI um …" (Bitte),
"ersuchen den Bund" (Ersuchen). A passive "wird … gebeten" without an addressee of
its own continues the request before it and takes its addressee (marked implicit).
A lead-in that ends with its addressee and continues in bullets ("bitten die
Bundesregierung – … – … – …") gives one request per bullet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.model import LineRange, Paragraph, Request, RequestKind
from mapping.organisations import ADDRESSEE, ADDRESSEE_PHRASES
from mapping.text import split_sentences

ADVERBS = (
    r"(?:daher|deshalb|deswegen|erneut|weiterhin|eindringlich|federführend|darüber hinaus|"
    r"jedoch|ihrerseits|zudem|ferner|nochmals|ausdrücklich|dringend|insbesondere)"
)
PRUEF = re.compile(r"\bzu (?:über)?prüfen\b|\bum (?:Über)?[Pp]rüfung\b")
APPEAL = re.compile(r"\bappellier(?:t|en)\b(?P<between>.*?)\ban\s+(?=\S)")
CALL = re.compile(r"\bforder(?:t|n)\b(?P<between>.*?)\bauf\b\s*,?")
PLEA = re.compile(r"\bersuch(?:t|en)\b")
ASK = re.compile(r"\b(?:bittet|bitten)\b")
ASK_INFINITIVE = re.compile(r"\bzu bitten\b\s*,?")
ASK_PASSIVE = re.compile(r"\bwird\b(?P<between>.*?)\bgebeten\b\s*,?")


@dataclass(frozen=True)
class Found:
    kind: RequestKind
    addressees: tuple[str, ...]
    action: str
    implicit: bool = False


def find_request(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """The request a sentence makes, or None."""
    for finder in (find_appeal, find_call, find_plea, find_infinitive, find_passive, find_ask):
        found = finder(sentence, previous)
        if found is not None:
            return found
    return None


def find_appeal(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = APPEAL.search(sentence)
    if match is None:
        return None
    return addressed(RequestKind.APPELL, sentence[match.end() :])


def find_call(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = CALL.search(sentence)
    if match is None:
        return None
    addressees = last_addressees(match.group("between"))
    if not addressees:
        return None
    return Found(RequestKind.AUFFORDERUNG, addressees, clean_action(sentence[match.end() :]))


def find_plea(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = PLEA.search(sentence)
    if match is None:
        return None
    return addressed(RequestKind.ERSUCHEN, sentence[match.end() :])


def find_infinitive(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "… nehmen dies zum Anlass, den Bund zu bitten, …"."""
    match = ASK_INFINITIVE.search(sentence)
    if match is None:
        return None
    addressees = last_addressees(sentence[: match.start()])
    if not addressees:
        return None
    action = clean_action(sentence[match.end() :])
    return Found(ask_kind(action), addressees, action)


def find_passive(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "Die Geschäftsstelle der IntMK wird gebeten, …" or "… wird darum gebeten, …"."""
    match = ASK_PASSIVE.search(sentence)
    if match is None:
        return None
    action = clean_action(sentence[match.end() :])
    subject = last_addressees(sentence[: match.start()])
    if subject:
        return Found(ask_kind(action), subject, action)
    if previous:
        return Found(ask_kind(action), previous, action, implicit=True)
    return None


def find_ask(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = ASK.search(sentence)
    if match is None:
        return None
    found = addressed(RequestKind.BITTE, sentence[match.end() :])
    if found is None:
        return None
    return Found(ask_kind(found.action), found.addressees, found.action)


def ask_kind(action: str) -> RequestKind:
    """A request to examine something is a Prüfbitte, any other a Bitte."""
    return RequestKind.PRUEFBITTE if PRUEF.search(action) else RequestKind.BITTE


def addressed(kind: RequestKind, rest: str) -> Found | None:
    """The addressee standing first after the verb (a few adverbs may come between)."""
    for match in ADDRESSEE.finditer(rest[:120]):
        between = rest[: match.start()]
        if not re.fullmatch(rf"\s*(?:(?:{ADVERBS}|die IntMK|sie|die Länder)\s*,?\s*)*", between):
            return None
        action = clean_action(rest[match.end() :])
        return Found(kind, ADDRESSEE_PHRASES[match.group(0)], action)
    return None


def last_addressees(span: str) -> tuple[str, ...]:
    """The last addressee phrase in a span ("fordern die Länder den Bund auf" → Bund)."""
    matches = list(ADDRESSEE.finditer(span))
    return ADDRESSEE_PHRASES[matches[-1].group(0)] if matches else ()


def clean_action(text: str) -> str:
    """What is asked: the rest of the sentence without leading adverbs and commas."""
    text = re.sub(rf"^(?:\s*,?\s*{ADVERBS}\b)*\s*,?\s*", "", text)
    return text.strip().rstrip(".;").strip()


def extract_requests(paragraphs: tuple[Paragraph, ...]) -> tuple[Request, ...]:
    """Every request of a resolution, numbered in text order."""
    requests: list[Request] = []
    previous: tuple[str, ...] = ()
    for paragraph in paragraphs:
        for sentence, lines, found in paragraph_requests(paragraph, previous):
            previous = found.addressees
            requests.append(
                Request(
                    len(requests) + 1,
                    sentence,
                    found.kind,
                    found.addressees,
                    found.action,
                    paragraph.position,
                    found.implicit,
                    lines,
                )
            )
    return tuple(requests)


def paragraph_requests(
    paragraph: Paragraph, previous: tuple[str, ...]
) -> list[tuple[str, LineRange, Found]]:
    """The requests of one paragraph; a lead-in with bullets gives one per bullet."""
    found_list: list[tuple[str, LineRange, Found]] = []
    sentences = split_sentences(paragraph.text) if paragraph.text else []
    for index, sentence in enumerate(sentences):
        found = find_request(sentence, previous)
        if found is None:
            continue
        is_lead = index == len(sentences) - 1 and paragraph.bullets and not found.action
        if is_lead:
            for bullet in paragraph.bullets:
                action = clean_action(bullet.text)
                kind = ask_kind(action) if found.kind is RequestKind.BITTE else found.kind
                full = f"{sentence} {bullet.text}"
                found_list.append((full, bullet.lines, Found(kind, found.addressees, action)))
            continue
        previous = found.addressees
        found_list.append((sentence, paragraph.lines, found))
    return found_list
