"""Requests a resolution addresses to someone: sentence, kind, addressee, what is asked.

A request is a sentence with a request verb; its addressee is the object of the verb
(mapping/addressees.py), resolved against the organisation registry:
"bittet den Bund zu prüfen" (Prüfbitte), "fordert den Bund auf" (Aufforderung),
"appelliert an die Bundesregierung" (Appell), "bittet das BMI um …" (Bitte),
"ersuchen den Bund" (Ersuchen), "fordert einen leichteren Zugang" (Forderung),
"empfiehlt dem Bund" (Empfehlung), "regt gegenüber dem Bund an" (Anregung),
"erwartet vom Bund" (Erwartung), and the passive "wird gebeten / aufgefordert / ersucht".
A passive without an addressee of its own continues the request before it and takes its
addressee (marked implicit); a request with no addressee at all ("Die IntMK fordert einen
leichteren Zugang …") is a request with an implicit addressee, none named.
A lead-in that ends with its addressee and continues in bullets ("bitten die
Bundesregierung – … – … – …") gives one request per bullet; a list inside the request
("a) …, b) …", "aa) …, bb) …") one request per item that asks for something.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from mapping.addressees import Addressees, first_object, object_of
from mapping.land_objects import other_laender
from mapping.model import (
    ApplicantList,
    Bullet,
    CellPlace,
    LineRange,
    Paragraph,
    Request,
    RequestKind,
    Table,
)
from mapping.text import split_sentences

LEADING = (
    r"(?:daher|deshalb|deswegen|erneut|weiterhin|eindringlich|federführend|darüber hinaus|"
    r"jedoch|ihrerseits|zudem|ferner|nochmals|ausdrücklich|dringend|insbesondere)"
)
PRUEF = re.compile(r"\bzu (?:über)?prüfen\b|\bum (?:Über)?[Pp]rüfung\b")
APPEAL = re.compile(r"\bappellier(?:t|en)\b(?P<between>.*?)\ban\s+(?=\S)")
CALL = re.compile(r"\bforder(?:t|n)\b(?P<between>.*?)\bauf\b\s*,?")
DEMAND = re.compile(r"\bforder(?:t|n)\b")
PLEA = re.compile(r"\bersuch(?:t|en)\b")
ASK = re.compile(r"\b(?:bittet|bitten)\b")
ASK_INFINITIVE = re.compile(r"\bzu bitten\b\s*,?")
PASSIVE = re.compile(
    r"\b(?:wird|werden)\b(?P<between>.*?)\b(?P<verb>gebeten|aufgefordert|ersucht)\b\s*,?"
)
RECOMMEND = re.compile(r"\bempf(?:iehlt|ehlen)\b")
SUGGEST = re.compile(r"\bre(?:gt|gen)\b(?P<between>.*?)\ban\b\s*,?")
EXPECT = re.compile(r"\berwarte(?:t|n)\b")
PASSIVE_KINDS = {
    "aufgefordert": RequestKind.AUFFORDERUNG,
    "ersucht": RequestKind.ERSUCHEN,
}
# a list inside a request: "a) …", "b) …" (level 1), "aa) …", "bb) …" (level 2)
LIST_MARK = re.compile(r"(?:(?<=\s)|^)(?P<label>(?P<letter>[a-z])(?P=letter)?\))\s+")


@dataclass(frozen=True)
class Found:
    kind: RequestKind
    addressees: tuple[str, ...]
    action: str
    implicit: bool = False
    unresolved: tuple[str, ...] = ()
    list_label: str | None = None
    list_level: int | None = None
    stated: tuple[tuple[str, str], ...] = ()  # (addressee key, the words naming it)


Finder = Callable[[str, tuple[str, ...]], "Found | None"]


def find_request(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """The request a sentence makes, or None: the request verb that stands first decides
    ("fordert …, da Arbeitgeber … erwarten" is a Forderung)."""
    verbs = sorted(
        (match.start(), order, finder)
        for order, (verb, finder) in enumerate(FINDERS)
        if (match := verb.search(sentence)) is not None
    )
    for _, _, finder in verbs:
        found = finder(sentence, previous)
        if found is not None:
            return found
    return None


def found_with(kind: RequestKind, objects: Addressees, action: str) -> Found:
    """A request to the objects found; none found: an implicit addressee."""
    return Found(
        kind, objects.keys, action, not objects.found, objects.unresolved, stated=objects.stated
    )


def after_verb(kind: RequestKind, rest: str) -> Found:
    """The object standing first after the verb; the rest of the sentence is asked."""
    objects = object_of(rest)
    return found_with(kind, objects, clean_action(rest[objects.end :]))


def find_appeal(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = APPEAL.search(sentence)
    if match is None:
        return None
    return after_verb(RequestKind.APPELL, sentence[match.end() :])


def find_call(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = CALL.search(sentence)
    if match is None:
        return None
    objects = first_object(match.group("between"))
    if not objects.found:
        return None
    action = clean_action(sentence[match.end() :])
    return found_with(RequestKind.AUFFORDERUNG, objects, action)


def find_demand(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "Die IntMK fordert einen leichteren Zugang …": a Forderung, often to no one named."""
    match = DEMAND.search(sentence)
    if match is None:
        return None
    return after_verb(RequestKind.FORDERUNG, sentence[match.end() :])


def find_plea(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = PLEA.search(sentence)
    if match is None:
        return None
    return after_verb(RequestKind.ERSUCHEN, sentence[match.end() :])


def find_infinitive(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "… nehmen dies zum Anlass, den Bund zu bitten, …"."""
    match = ASK_INFINITIVE.search(sentence)
    if match is None:
        return None
    objects = first_object(sentence[: match.start()])
    if not objects.keys:
        return None
    action = clean_action(sentence[match.end() :])
    return found_with(ask_kind(action), objects, action)


def find_passive(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "Die Geschäftsstelle der IntMK wird gebeten, …", "Der Bund wird aufgefordert, …"."""
    match = PASSIVE.search(sentence)
    if match is None:
        return None
    action = clean_action(sentence[match.end() :])
    kind = PASSIVE_KINDS.get(match.group("verb")) or ask_kind(action)
    subject = passive_subject(sentence[: match.start()], match.group("between"))
    if subject.found:
        return found_with(kind, subject, action)
    if previous:
        return Found(kind, previous, action, implicit=True)
    return Found(kind, (), action, implicit=True)


def passive_subject(before: str, between: str) -> Addressees:
    """The subject of a passive: the whole span before "wird" ("Der Bund wird gebeten"),
    else standing first after it ("Darüber hinaus wird die Bundesregierung gebeten")."""
    subject = object_of(before)
    if subject.found and subject.end >= len(before.rstrip()):
        return subject
    return object_of(between)


def find_ask(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = ASK.search(sentence)
    if match is None:
        return None
    found = after_verb(RequestKind.BITTE, sentence[match.end() :])
    return replace(found, kind=ask_kind(found.action))


def find_recommendation(sentence: str, previous: tuple[str, ...]) -> Found | None:
    match = RECOMMEND.search(sentence)
    if match is None:
        return None
    return after_verb(RequestKind.EMPFEHLUNG, sentence[match.end() :])


def find_suggestion(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "Die IntMK regt gegenüber dem Bund an, …" or "regt an, …"."""
    match = SUGGEST.search(sentence)
    if match is None:
        return None
    objects = first_object(match.group("between"))
    return found_with(RequestKind.ANREGUNG, objects, clean_action(sentence[match.end() :]))


def find_expectation(sentence: str, previous: tuple[str, ...]) -> Found | None:
    """ "Die IntMK erwartet vom Bund, dass …" or "erwartet, dass …"."""
    match = EXPECT.search(sentence)
    if match is None:
        return None
    return after_verb(RequestKind.ERWARTUNG, sentence[match.end() :])


FINDERS: tuple[tuple[re.Pattern[str], Finder], ...] = (
    (re.compile(r"\bappellier(?:t|en)\b"), find_appeal),
    (DEMAND, find_call),
    (PLEA, find_plea),
    (ASK_INFINITIVE, find_infinitive),
    (re.compile(r"\b(?:wird|werden)\b"), find_passive),
    (ASK, find_ask),
    (RECOMMEND, find_recommendation),
    (re.compile(r"\bre(?:gt|gen)\b"), find_suggestion),
    (EXPECT, find_expectation),
    (DEMAND, find_demand),
)


def ask_kind(action: str) -> RequestKind:
    """A request to examine something is a Prüfbitte, any other a Bitte."""
    return RequestKind.PRUEFBITTE if PRUEF.search(action) else RequestKind.BITTE


def clean_action(text: str) -> str:
    """What is asked: the rest of the sentence without leading adverbs and commas."""
    text = re.sub(rf"^(?:\s*,?\s*{LEADING}\b)*\s*,?\s*", "", text)
    return text.strip().rstrip(".;").strip()


def list_items(found: Found) -> list[Found]:
    """A request whose action holds a list ("a) …, b) …") as one request per item that asks
    for something (an item that only leads into "aa) …, bb) …" gives its sub-items)."""
    marks = list(LIST_MARK.finditer(found.action))
    if not any(m.group("label") == "a)" for m in marks) and not any(
        m.group("label") == "aa)" for m in marks
    ):
        return [found]
    items: list[Found] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(found.action)
        text = item_text(found.action[mark.end() : end])
        level = 2 if len(mark.group("label")) == 3 else 1
        leads = index + 1 < len(marks) and level == 1 and len(marks[index + 1].group("label")) == 3
        if not text or leads:
            continue
        items.append(
            replace(
                found,
                kind=item_kind(found.kind, text),
                action=text,
                list_label=mark.group("label"),
                list_level=level,
            )
        )
    return items or [found]


def item_text(text: str) -> str:
    """An item without the comma, semicolon or "und"/"sowie" that joins it to the next."""
    return re.sub(r"[\s,;]*(?:\b(?:und|sowie|oder)\b)?[\s,;.]*$", "", text).strip()


def item_kind(kind: RequestKind, text: str) -> RequestKind:
    """An item of a Bitte or Prüfbitte is a Prüfbitte when it asks to examine."""
    if kind in (RequestKind.BITTE, RequestKind.PRUEFBITTE):
        return ask_kind(text)
    return kind


def extract_requests(
    paragraphs: tuple[Paragraph, ...],
    applicants: ApplicantList | None = None,
    tables: tuple[Table, ...] = (),
) -> tuple[Request, ...]:
    """Every request of a resolution: those of the paragraphs in text order, then those of
    the cells of its tables (table by table, row by row, column by column), numbered on;
    `applicants`: the item's, which say who "die übrigen Länder" of the applicants are."""
    applied = applicants.codes if applicants is not None and not applicants.all_laender else ()
    requests: list[Request] = []
    previous: tuple[str, ...] = ()
    for paragraph in paragraphs:
        for sentence, lines, read in paragraph_requests(paragraph, previous):
            found = with_other_laender(sentence, read, applied)
            if found.addressees:
                previous = found.addressees
            requests.append(
                request_of(len(requests) + 1, sentence, found, lines, paragraph.position)
            )
    for place, sentence, lines, read in cell_requests(tables):
        found = with_other_laender(sentence, read, applied)
        requests.append(request_of(len(requests) + 1, sentence, found, lines, None, place))
    return tuple(requests)


def request_of(
    number: int,
    sentence: str,
    found: Found,
    lines: LineRange,
    paragraph: int | None,
    cell: CellPlace | None = None,
) -> Request:
    return Request(
        number,
        sentence,
        found.kind,
        found.addressees,
        found.action,
        paragraph,
        found.implicit,
        lines,
        found.unresolved,
        found.list_label,
        found.list_level,
        found.stated,
        cell,
    )


def cell_requests(
    tables: tuple[Table, ...],
) -> list[tuple[CellPlace, str, LineRange, Found]]:
    """The requests the cells of the tables make, read as sentences of a paragraph; a cell
    names no addressee for the next one (its sentence stands alone)."""
    found_list: list[tuple[CellPlace, str, LineRange, Found]] = []
    for table in tables:
        for row in table.rows:
            for column, text in enumerate(row.cells, start=1):
                for sentence in split_sentences(text) if text else []:
                    found = find_request(sentence, ())
                    if found is None:
                        continue
                    place = CellPlace(table.position, row.number, column)
                    found_list.extend(
                        (place, sentence, row.lines, item) for item in list_items(found)
                    )
    return found_list


def with_other_laender(sentence: str, found: Found, applied: tuple[str, ...]) -> Found:
    """ "Die antragstellenden Länder bitten die übrigen Länder …": that object resolved to
    the Länder that did not apply (mapping/land_objects.py), where the sources say which."""
    for wording in found.unresolved:
        codes = other_laender(sentence, wording, applied)
        if codes:
            found = replace(
                found,
                addressees=tuple(dict.fromkeys((*found.addressees, *codes))),
                unresolved=tuple(u for u in found.unresolved if u != wording),
                stated=(*found.stated, *((code, wording) for code in codes)),
            )
    return found


def paragraph_requests(
    paragraph: Paragraph, previous: tuple[str, ...]
) -> list[tuple[str, LineRange, Found]]:
    """The requests of one paragraph; a last sentence that leads into its list ("Die IntMK
    bittet den Bund:" or one that runs on into it, "bittet den Bund zu prüfen,") gives one
    request per item that asks for something (see bullet_requests)."""
    found_list: list[tuple[str, LineRange, Found]] = []
    sentences = split_sentences(paragraph.text) if paragraph.text else []
    for index, sentence in enumerate(sentences):
        found = find_request(sentence, previous)
        if found is None:
            continue
        if index == len(sentences) - 1 and paragraph.bullets and leads_into_list(found):
            found_list.extend(bullet_requests(sentence, found, paragraph.bullets))
            continue
        if found.addressees:
            previous = found.addressees
        for item in list_items(found):
            found_list.append((sentence, paragraph.lines, item))
    return found_list


ANNOUNCEMENT = re.compile(
    r"(?:um\s+)?(?:[Ff]olgendes|[Ff]olgendem|das Folgende)(?:\s+zu\s+\w+|\s+\w+zu\w+)?"
)
# the words a sentence can end with when what it asks follows in its list
RUNS_ON = re.compile(r"(?:[,:]|\b(?:dass|ob|wie|inwieweit|inwiefern|damit|wobei|insbesondere))$")
TRAILING_JOIN = re.compile(r"[\s,;]*\b(?:und|oder|sowie)\s*$|[\s,;]+$")


def leads_into_list(found: Found) -> bool:
    """Whether the request's sentence asks for what its list says: nothing after the object,
    or words that run on into the list ("zu prüfen,", "Folgendes:", "einzusetzen, dass")."""
    return not found.action or RUNS_ON.search(found.action.rstrip()) is not None


def bullet_requests(
    sentence: str, found: Found, bullets: tuple[Bullet, ...]
) -> list[tuple[str, LineRange, Found]]:
    """One request per item of the list that asks for something: an item that only leads
    into sub-items ("a) wie …, und zwar" / "aa) …", "bb) …") gives one per sub-item, each
    with the words of the items above it; the words the sentence runs on with ("zu prüfen,")
    begin each action, so each item has its own kind."""
    lead = found.action.strip()
    if ANNOUNCEMENT.fullmatch(lead.rstrip(",:").strip()):
        lead = ""  # "um Folgendes:", "Folgendes zu tun:" say nothing themselves
    elif lead.endswith(":"):
        lead = lead[:-1].rstrip() + ","  # "zu prüfen:" reads on as "zu prüfen, ob …"
    result: list[tuple[str, LineRange, Found]] = []
    for index, bullet in enumerate(bullets):
        if index + 1 < len(bullets) and bullets[index + 1].level > bullet.level:
            continue  # it leads into its sub-items
        words = " ".join(b.text for b in (*ancestors(bullets, index), bullet))
        words = TRAILING_JOIN.sub("", words)  # "… mit Duldung und" / "bb) …": the join
        action = clean_action(f"{lead} {words}" if lead else words)
        item = replace(
            found,
            kind=item_kind(found.kind, action),
            action=action,
            list_label=bullet.label,
            list_level=bullet.level if bullet.label else None,
        )
        result.append((f"{sentence} {words}", bullet.lines, item))
    return result


def ancestors(bullets: tuple[Bullet, ...], index: int) -> list[Bullet]:
    """The items above the item at `index`, outermost first."""
    found: list[Bullet] = []
    level = bullets[index].level
    for bullet in reversed(bullets[:index]):
        if bullet.level < level:
            found.insert(0, bullet)
            level = bullet.level
    return found
