"""Which page a /doc/ resource gets: a view for resolutions, agenda items, Länder,
conferences and persons, the generic page (server/html.py) for everything else.

Every specialised page keeps the generic table of all statements and the backlinks
below its own content, so nothing the data says is hidden from a reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pyoxigraph import NamedNode, Store

from mapping.uris import VOCABULARY
from server import html, page_data, page_structure, pages
from server.dataset import PublishedDataset
from server.day_names import names_on_the_day
from server.describe import RDF_TYPE, Description
from server.html import Labels
from server.list_tree import ItemList, ListNode, as_list, nest
from server.pages import Frame
from server.texts import TEXTS

DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


def query_about(resource: NamedNode) -> str:
    """The ready query "open in the query editor" offers on a resource's page."""
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?property ?value ?label WHERE {\n"
        f"  <{resource.value}> ?property ?value .\n"
        "  OPTIONAL { ?value rdfs:label ?label }\n"
        "}\nORDER BY ?property ?value\nLIMIT 500\n"
    )


@dataclass(frozen=True)
class Segment:
    """A run of a resolution's text; `request` when the run is a request's wording."""

    text: str
    request: page_data.Request | None = None


@dataclass(frozen=True)
class MarkedParagraph:
    """A paragraph whose requests are marked where their wording stands in the text."""

    paragraph: page_data.Paragraph
    segments: tuple[Segment, ...]
    bullets: tuple[tuple[str, tuple[Segment, ...]], ...]
    unplaced: tuple[page_data.Request, ...]
    """Requests whose wording the text does not contain verbatim: shown after it."""
    items: list[ListNode[tuple[Segment, ...]]] = field(default_factory=list)
    """The bullets nested by their level (server/list_tree.py)."""
    notes: tuple[page_structure.Note, ...] = ()
    """The footnotes of the paragraph and its items, shown under it."""

    @property
    def item_list(self) -> ItemList[tuple[Segment, ...]]:
        """The outer list of the paragraph's items."""
        return as_list(self.items)


def mark(text: str, requests: list[page_data.Request]) -> tuple[tuple[Segment, ...], set[str]]:
    """`text` cut into segments at each request's wording; the IRIs of requests placed."""
    segments, placed, rest = [], set(), text
    for request in requests:
        wording = request.action.strip().rstrip(";.,:").strip()
        at = rest.find(wording) if wording else -1
        if at < 0:
            continue
        segments += [Segment(rest[:at]), Segment(wording, request)]
        rest = rest[at + len(wording) :]
        placed.add(request.iri)
    return (*segments, Segment(rest)), placed


def marked(paragraph: page_data.Paragraph) -> MarkedParagraph:
    segments, placed = mark(paragraph.text, paragraph.requests)
    bullets = []
    levelled = []
    for bullet in paragraph.bullets:
        waiting = [r for r in paragraph.requests if r.iri not in placed]
        bullet_segments, found = mark(bullet.text, waiting)
        placed |= found
        bullets.append((bullet.label, bullet_segments))
        levelled.append((bullet.label, bullet_segments, bullet.level))
    unplaced = tuple(r for r in paragraph.requests if r.iri not in placed)
    return MarkedParagraph(paragraph, segments, tuple(bullets), unplaced, nest(levelled))


def query_graph(graph: str) -> str:
    """The ready query on the page of a whole graph (ontology, shapes, dataset)."""
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?subject ?label ?property ?value WHERE {\n"
        f"  GRAPH <{graph}> {{\n"
        "    ?subject ?property ?value .\n"
        "    OPTIONAL { ?subject rdfs:label ?label }\n"
        "  }\n"
        "}\nORDER BY ?subject ?property\nLIMIT 500\n"
    )


def query_agendas(base: str) -> str:
    """The ready query on the home page: every agenda item with its outcome."""
    return (
        f"PREFIX intmk: <{VOCABULARY}ontology#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?conference ?top ?title ?outcome WHERE {\n"
        "  ?conference intmk:hasAgendaItem ?item .\n"
        "  ?item intmk:topNumber ?top ; intmk:position ?position ; dcterms:title ?title .\n"
        "  OPTIONAL { ?item intmk:hasResolution/intmk:outcome/skos:prefLabel ?outcome\n"
        '             FILTER(LANG(?outcome) = "de") }\n'
        "}\nORDER BY ?conference ?position\n"
    )


class Context:
    """What every view needs: the store, the frame and labels in the page's language."""

    def __init__(self, dataset: PublishedDataset, description: Description, frame: Frame):
        self.store: Store = dataset.store
        self.base = dataset.base
        self.frame = frame
        self.description = description
        self.labels = Labels(description.triples, dataset.store, frame)
        self.topic = description.topic.value

    def intmk(self, local: str) -> str:
        return f"{VOCABULARY}ontology#{local}"

    def value(self, predicate: str) -> str:
        return page_data.first_value(self.store, self.topic, predicate)

    def by_name(self, applicants: list[page_data.Applicant]) -> list[page_data.Applicant]:
        """Applicants in alphabetical order of their Land's name, as the minutes list them."""
        return sorted(applicants, key=lambda a: self.labels.name(a.land))

    def template_values(self) -> dict[str, Any]:
        """Helpers every template of a view gets."""
        return {
            "name": self.labels.name,
            "href": self.frame.href,
            "lang": self.frame.lang,
            "amount": lambda a: amount_phrase(a, self.frame.lang),
            "as_date": lambda text: pages.format_date(text, self.frame.lang),
            "sources": page_data.sources(self.store, self.topic),
        }


def resolution_view(context: Context) -> dict[str, Any]:
    store, base, topic = context.store, context.base, context.topic
    item = context.value(context.intmk("onItem"))
    entries = page_data.applicants(store, base, "BIND({item} AS ?item)", item=item)
    targets = [topic, item, *page_data.addressee_targets(store, base, topic)]
    found = page_data.findings(store, base, targets)
    return {
        "title": context.value(DCTERMS + "title"),
        "item": item,
        "top": page_data.first_value(store, item, context.intmk("topNumber")),
        "conference": context.value(context.intmk("ofConference")),
        "meeting": context.value(context.intmk("decidedAt")),
        "outcome": context.value(context.intmk("outcome")),
        "margin": context.value(context.intmk("decisionMargin")),
        "vote": context.value(context.intmk("voteStatement")),
        "proposal": bool(context.value(context.intmk("proposalText"))),
        "settled_by": context.value(context.intmk("settledBy")),
        "land_votes": land_votes(context),
        "paragraphs": with_notes(
            [marked(p) for p in page_data.paragraphs(store, base, topic)],
            page_structure.notes(store, base, topic),
        ),
        "tables": page_structure.tables(store, base, topic),
        "applicants": context.by_name(entries.get(item, [])),
        "findings": found,
        "day_name": day_namer(context, [context.value(context.intmk("ofConference"))]),
    }


def day_namer(context: Context, conferences: list[str]) -> Callable[[page_data.Request, str], str]:
    """The name of an addressee on its request's meeting day, in the page's language (a
    Land's name, or the label where the registry has no name for that day)."""
    names = {c: names_on_the_day(context.store, context.base, c) for c in set(conferences) if c}

    def name(request: page_data.Request, addressee: str) -> str:
        then = names.get(request.conference, {}).get(addressee, {})
        return then.get(context.frame.lang) or context.labels.name(addressee)

    return name


def with_notes(
    paragraphs: list[MarkedParagraph], notes: list[page_structure.Note]
) -> list[MarkedParagraph]:
    """Each paragraph with the footnotes of it and of its items."""
    return [
        replace(m, notes=tuple(n for n in notes if n.paragraph == m.paragraph.iri))
        for m in paragraphs
    ]


def land_votes(context: Context) -> list[tuple[str, str]]:
    """(Land, vote) for each Land the decision's vote names, in the order of their IRIs."""
    store, voting, cast = context.store, context.intmk("votingLand"), context.intmk("voteCast")
    parts = page_data.values(store, context.topic, context.intmk("hasVoteParticipation"))
    found = [page_data.first_value(store, part, voting) for part in parts]
    return sorted(zip(found, [page_data.first_value(store, p, cast) for p in parts], strict=True))


def item_view(context: Context) -> dict[str, Any]:
    store, base, topic = context.store, context.base, context.topic
    resolution = context.value(context.intmk("hasResolution"))
    entries = page_data.applicants(store, base, "BIND({item} AS ?item)", item=topic)
    return {
        "title": context.value(DCTERMS + "title"),
        "top": context.value(context.intmk("topNumber")),
        "conference": context.value(context.intmk("ofConference")),
        "group": context.value(context.intmk("groupItem")),
        "resolution": resolution,
        "outcome": page_data.first_value(store, resolution, context.intmk("outcome"))
        if resolution
        else "",
        "margin": page_data.first_value(store, resolution, context.intmk("decisionMargin"))
        if resolution
        else "",
        "applicants": context.by_name(entries.get(topic, [])),
        "green_list": context.value(context.intmk("onGreenList")) == "true",
        "withdrawn": context.value(context.intmk("withdrawn")) == "true",
        "withdrawn_by": page_data.values(store, topic, context.intmk("withdrawnBy")),
        "merged_into": context.value(context.intmk("mergedInto")),
        "discussion_only": context.value(context.intmk("discussionOnly")) == "true",
        "note": context.value(context.intmk("agendaNote")),
        "findings": page_data.findings(store, base, [topic, resolution] if resolution else [topic]),
    }


def land_view(context: Context) -> dict[str, Any]:
    store, base, topic = context.store, context.base, context.topic
    items = page_data.land_items(store, base, topic)
    requests = page_data.land_requests(store, base, topic)
    return {
        "code": context.value(context.intmk("isoCode")),
        "same_as": page_data.values(store, topic, OWL_SAME_AS),
        "items": items,
        "coordinated": [i for i in items if i.coordinating],
        "requests": requests,
        "participants": page_data.participants(store, base, topic),
        "day_name": day_namer(context, [r.conference for r in requests]),
    }


def person_view(context: Context) -> dict[str, Any]:
    """A person with each participation: conference, year, and how that year's list names
    them (form of address, honorific, role) — these belong to the year, not the person."""
    store, base, topic = context.store, context.base, context.topic
    return {
        "same_as": page_data.values(store, topic, OWL_SAME_AS),
        "attendances": page_data.attendances(store, base, topic),
    }


def conference_view(context: Context) -> dict[str, Any]:
    store, base, topic = context.store, context.base, context.topic
    agenda = page_data.agenda(store, base, topic)
    for entry in agenda:
        entry.applicants = context.by_name(entry.applicants)
    return {
        "agenda": agenda,
        "meetings": page_data.values(store, topic, context.intmk("hasMeeting")),
        "meeting_dates": {
            meeting: meeting_dates(store, meeting)
            for meeting in page_data.values(store, topic, context.intmk("hasMeeting"))
        },
        "unresolved_meetings": [
            (phrase, page_data.first_value(store, phrase, context.intmk("statedAs")))
            for phrase in page_data.values(store, topic, context.intmk("mentionsUnresolvedMeeting"))
        ],
        "chairs": page_data.chairs(store, base, topic, "chairPerson"),
        "preliminary_chairs": page_data.chairs(store, base, topic, "preliminaryChairPerson"),
        "guests": page_data.guests_by_organisation(
            store, base, topic, names_on_the_day(store, base, topic)
        ),
        "chair_land": context.value(context.intmk("chairLand")),
        "minutes": context.value(context.intmk("minutes")),
    }


def meeting_dates(store: Store, meeting: str) -> tuple[str, str, str]:
    """First and last day and place of a meeting; a meeting of one day has dcterms:date."""
    day = page_data.first_value(store, meeting, DCTERMS + "date")
    return (
        page_data.first_value(store, meeting, SCHEMA + "startDate") or day,
        page_data.first_value(store, meeting, SCHEMA + "endDate") or day,
        page_data.first_value(store, meeting, SCHEMA + "location"),
    )


def amount_phrase(amount: page_data.Amount, lang: pages.Language) -> str:
    """ "81,5 Mio. €", "10 Mio. € – 20 Mio. €", "bis zu 5 Mio. € jährlich (2024, 2025)";
    nothing for an amount that is not resolved (the page shows its wording)."""

    def money(figure: str) -> str:
        return pages.format_amount(figure, amount.currency, lang)

    def t(key: str) -> str:
        return TEXTS[key][0 if lang == "de" else 1]

    if amount.value:
        figures = money(amount.value)
    elif amount.minimum and amount.maximum:
        figures = f"{money(amount.minimum)} – {money(amount.maximum)}"
    elif amount.maximum:
        figures = f"{t('up_to')} {money(amount.maximum)}"
    elif amount.minimum:
        figures = f"{t('at_least')} {money(amount.minimum)}"
    else:
        return ""
    period = f" {t('per_' + amount.period)}" if amount.period else ""
    years = f" ({', '.join(amount.years.split())})" if amount.years else ""
    return figures + period + years


def amount_view(context: Context) -> dict[str, Any]:
    """A sum of money as people write it (81,5 Mio. €), above the generic table."""
    value = context.value(SCHEMA + "value")
    currency = context.value(SCHEMA + "currency")
    return {"headline": pages.format_amount(value, currency, context.frame.lang) if value else ""}


def request_view(context: Context) -> dict[str, Any]:
    """A request's addressees under the names of its meeting day, above the generic table
    (whose labels are today's names)."""
    found = page_data.requests(
        context.store, context.base, "BIND({request} AS ?request)", request=context.topic
    )
    if not found:
        return {"headline": ""}
    request = found[0][1]
    name = day_namer(context, [request.conference])
    unresolved = [f"„{wording}“" for wording in request.unresolved]
    addressees = [name(request, a) for a in request.addressees] + unresolved
    text = TEXTS["addressee"][0 if context.frame.lang == "de" else 1]
    none = TEXTS["no_addressee_named"][0 if context.frame.lang == "de" else 1]
    return {"headline": f"{text}: {', '.join(addressees) or none}"}


VIEWS: dict[str, tuple[str, Callable[[Context], dict[str, Any]]]] = {
    "Resolution": ("resolution.html", resolution_view),
    "AgendaItem": ("item.html", item_view),
    "Land": ("land.html", land_view),
    "Conference": ("conference.html", conference_view),
    "Person": ("person.html", person_view),
    "MonetaryAmount": ("resource.html", amount_view),
    "Request": ("resource.html", request_view),
}


def chosen_view(context: Context) -> tuple[str, Callable[[Context], dict[str, Any]]] | None:
    types = {
        t.object.value
        for t in context.description.triples
        if t.subject == context.description.topic
        and t.predicate == RDF_TYPE
        and isinstance(t.object, NamedNode)
    }
    for local, view in VIEWS.items():
        if context.intmk(local) in types:
            return view
    return None


def page(
    dataset: PublishedDataset,
    description: Description,
    frame: Frame,
    pager: Sequence[tuple[str, str]],
) -> bytes:
    """The page of a resource: its own view if its type has one, else the generic page."""
    context = Context(dataset, description, frame)
    chosen = chosen_view(context)
    generic = html.resource_view(description, dataset.store, frame, pager)
    if chosen is None:
        return pages.render("resource.html", frame, page=generic)
    template, view = chosen
    values = {**context.template_values(), **view(context)}
    return pages.render(template, frame, page=generic, topic=context.topic, **values)
