"""What the pages for people show, read from the store: a conference's agenda, a
resolution with its text and requests, an item with its applicants, a Land's record, a
person's participations.

Each function runs a few fixed SPARQL queries over the union of the named graphs (in
process: they are cheap and bounded by one resource) and returns plain dataclasses;
labels are looked up afterwards by the view in the page's language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Store

PREFIXES = """
PREFIX intmk: <https://w3id.org/intmk/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

Row = dict[str, str]


def select(store: Store, base: str, query: str, **iris: str) -> list[Row]:
    """A SELECT over the union graph; `iris` fill {name} slots; values as plain strings."""
    text = (PREFIXES + query).replace("{base}", base)
    for name, iri in iris.items():
        text = text.replace("{" + name + "}", f"<{iri}>")
    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    names = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        row: Row = {}
        for name in names:
            term = solution[name]
            if isinstance(term, NamedNode | Literal):
                row[name] = term.value
        rows.append(row)
    return rows


def flag(row: Row, name: str) -> bool:
    return row.get(name) == "true"


@dataclass(frozen=True)
class Applicant:
    land: str
    coordinating: bool
    highlighted: bool
    lists: tuple[str, ...]
    """The applicant lists that name the Land: agenda, resolution section."""
    stated_as: str = ""


@dataclass
class AgendaEntry:
    item: str
    top: str
    title: str
    is_group: bool
    resolution: str = ""
    outcome: str = ""
    margin: str = ""
    withdrawn: bool = False
    green_list: bool = False
    merged_into: str = ""
    applicants: list[Applicant] = field(default_factory=list)

    @property
    def all_lander(self) -> bool:
        """The source says "Alle Länder" instead of naming them."""
        return bool(self.applicants) and all(a.stated_as for a in self.applicants)


AGENDA = """
SELECT ?item ?top ?title ?group ?resolution ?outcome ?margin ?withdrawn ?green ?merged WHERE {
  {conference} intmk:hasAgendaItem ?item .
  ?item intmk:topNumber ?top ; intmk:position ?position ; intmk:isGroup ?group .
  OPTIONAL { ?item dcterms:title ?title }
  OPTIONAL { ?item intmk:hasResolution ?resolution .
             OPTIONAL { ?resolution intmk:outcome ?outcome }
             OPTIONAL { ?resolution intmk:decisionMargin ?margin } }
  OPTIONAL { ?item intmk:withdrawn ?withdrawn }
  OPTIONAL { ?item intmk:onGreenList ?green }
  OPTIONAL { ?item intmk:mergedInto ?merged }
} ORDER BY ?position
"""

APPLICANTS = """
SELECT ?item ?land ?coordinating ?highlighted ?list ?stated WHERE {
  {scope}
  ?item intmk:hasApplicant ?applicant .
  ?applicant intmk:applicantLand ?land ; intmk:coordinating ?coordinating ;
             intmk:highlighted ?highlighted .
  OPTIONAL { ?applicant intmk:namedIn ?list }
  OPTIONAL { ?applicant intmk:statedAs ?stated }
}
"""


def applicants(store: Store, base: str, scope: str, **iris: str) -> dict[str, list[Applicant]]:
    """Applicants per item, coordinating first, then by ISO code (the source's order is
    alphabetical by name, which the view restores with labels)."""
    lists: dict[tuple[str, str], list[str]] = defaultdict(list)
    rows: dict[tuple[str, str], Row] = {}
    for row in select(store, base, APPLICANTS.replace("{scope}", scope), **iris):
        key = (row["item"], row["land"])
        rows[key] = row
        if "list" in row:
            lists[key].append(row["list"])
    found: dict[str, list[Applicant]] = defaultdict(list)
    for (item, land), row in rows.items():
        found[item].append(
            Applicant(
                land,
                flag(row, "coordinating"),
                flag(row, "highlighted"),
                tuple(sorted(lists[(item, land)])),
                row.get("stated", ""),
            )
        )
    return found


def agenda(store: Store, base: str, conference: str) -> list[AgendaEntry]:
    """A conference's agenda in the order of the minutes, with applicants and outcomes."""
    entries: dict[str, AgendaEntry] = {}
    for row in select(store, base, AGENDA, conference=conference):
        if row["item"] in entries:
            continue
        entries[row["item"]] = AgendaEntry(
            item=row["item"],
            top=row["top"],
            title=row.get("title", ""),
            is_group=flag(row, "group"),
            resolution=row.get("resolution", ""),
            outcome=row.get("outcome", ""),
            margin=row.get("margin", ""),
            withdrawn=flag(row, "withdrawn"),
            green_list=flag(row, "green"),
            merged_into=row.get("merged", ""),
        )
    scope = "{conference} intmk:hasAgendaItem ?item ."
    for item, found in applicants(store, base, scope, conference=conference).items():
        if item in entries:
            entries[item].applicants = found
    return list(entries.values())


CONFERENCES = """
SELECT ?conference ?number ?year ?start ?end ?place WHERE {
  ?conference a intmk:Conference ; intmk:conferenceNumber ?number .
  FILTER EXISTS { ?conference intmk:hasAgendaItem ?any }
  OPTIONAL { ?conference intmk:year ?year }
  OPTIONAL { ?conference intmk:hasMeeting ?meeting .
             ?meeting schema:startDate ?start .
             OPTIONAL { ?meeting schema:endDate ?end }
             OPTIONAL { ?meeting schema:location ?place } }
} ORDER BY DESC(?number) ?start
"""


@dataclass(frozen=True)
class ConferenceSummary:
    conference: str
    number: str
    year: str
    start: str
    end: str
    place: str


def conferences(store: Store, base: str) -> list[ConferenceSummary]:
    """Every conference that has minutes, newest first, with its main meeting's dates."""
    found: dict[str, ConferenceSummary] = {}
    for row in select(store, base, CONFERENCES):
        if row["conference"] in found and not row.get("place"):
            continue
        if row["conference"] in found and found[row["conference"]].place:
            continue
        found[row["conference"]] = ConferenceSummary(
            row["conference"],
            row["number"],
            row.get("year", ""),
            row.get("start", ""),
            row.get("end", ""),
            row.get("place", ""),
        )
    return list(found.values())


@dataclass(frozen=True)
class Bullet:
    label: str
    text: str
    level: int = 1  # 2 for an item under an item (intmk:listLevel)


@dataclass
class Paragraph:
    iri: str
    text: str
    heading: bool
    bullets: list[Bullet] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    laws: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    iri: str
    number: int
    addressees: tuple[str, ...]
    kind: str
    action: str
    sentence: str
    to_bund: bool
    resolution: str = ""
    unresolved: tuple[str, ...] = ()  # the wording of addressees the registry does not know
    implicit: bool = False  # the sentence names no addressee
    list_label: str = ""  # "a)", "bb)": the list item the request comes from
    conference: str = ""  # whose meeting day gives the addressees' names (server/day_names.py)
    # (addressee, the words of the minutes) where the words are a name of another period
    outside_period: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Amount:
    value: str
    currency: str
    stated_as: str
    approximate: bool
    minimum: str = ""
    maximum: str = ""
    period: str = ""  # "P1Y", "P1M"
    years: str = ""  # "2024 2025"
    unresolved: bool = False


@dataclass(frozen=True)
class Finding:
    iri: str
    kind: str
    comment: dict[str, str]


@dataclass(frozen=True)
class Source:
    href: str
    first: int
    last: int


PARAGRAPHS = """
SELECT ?paragraph ?text ?heading ?bullet ?bulletText ?label ?level WHERE {
  {resolution} intmk:hasParagraph ?paragraph .
  ?paragraph intmk:position ?position .
  OPTIONAL { ?paragraph intmk:text ?text }
  OPTIONAL { ?paragraph intmk:isHeading ?heading }
  OPTIONAL { ?paragraph intmk:hasBullet ?bullet .
             ?bullet intmk:position ?bp ; intmk:text ?bulletText .
             OPTIONAL { ?bullet intmk:bulletLabel ?label }
             OPTIONAL { ?bullet intmk:listLevel ?level } }
} ORDER BY ?position ?bp
"""

REQUESTS = """
SELECT ?request ?number ?addressee ?unknown ?implicit ?listLabel ?kind ?action ?sentence
       ?paragraph ?cell ?toBund ?resolution ?conference ?outsideOf ?outsideWording WHERE {
  {scope}
  ?request intmk:requestNumber ?number ; intmk:requestOf ?resolution .
  OPTIONAL { ?request intmk:addressee ?addressee }
  OPTIONAL { ?request intmk:unresolvedAddressee/intmk:statedAs ?unknown }
  OPTIONAL { ?request intmk:addresseeImplicit ?implicit }
  OPTIONAL { ?request intmk:listItemLabel ?listLabel }
  OPTIONAL { ?request intmk:requestKind ?kind }
  OPTIONAL { ?request intmk:requestedAction ?action }
  OPTIONAL { ?request intmk:sentence ?sentence }
  OPTIONAL { ?request intmk:inParagraph ?paragraph }
  OPTIONAL { ?request intmk:statedInCell ?cell }
  OPTIONAL { ?resolution intmk:ofConference ?conference }
  OPTIONAL { ?request intmk:hasAddresseeParticipation ?part .
             ?part intmk:nameOutsidePeriod ?used ; intmk:addressedOrganisation ?outsideOf ;
                   intmk:statedAs ?outsideWording }
  BIND(EXISTS { ?request a intmk:RequestToBund } AS ?toBund)
} ORDER BY ?resolution ?number
"""

# what the pages show of an amount of money, wherever it is stated (?amount bound)
AMOUNT_DETAILS = """
  OPTIONAL { ?amount schema:value ?value }
  OPTIONAL { ?amount schema:minValue ?minimum }
  OPTIONAL { ?amount schema:maxValue ?maximum }
  OPTIONAL { ?amount intmk:perPeriod ?period }
  OPTIONAL { ?amount schema:currency ?currency }
  OPTIONAL { ?amount intmk:statedAs ?stated }
  OPTIONAL { ?amount intmk:approximate ?approximate }
"""

AMOUNTS = (
    """
SELECT ?paragraph ?value ?currency ?stated ?approximate ?minimum ?maximum ?period
       (GROUP_CONCAT(STR(?year); separator=" ") AS ?years) ?unresolved WHERE {
  {resolution} intmk:hasParagraph ?paragraph .
  { ?paragraph intmk:mentionsAmount ?amount . BIND(false AS ?unresolved) }
  UNION { ?paragraph intmk:mentionsUnresolvedAmount ?amount . BIND(true AS ?unresolved) }
  OPTIONAL { ?amount intmk:forYear ?year }"""
    + AMOUNT_DETAILS
    + """} GROUP BY ?paragraph ?amount ?value ?currency ?stated ?approximate ?minimum ?maximum
  ?period ?unresolved ORDER BY ?amount
"""
)

LAWS = """
SELECT ?paragraph ?law WHERE { {resolution} intmk:hasParagraph ?paragraph .
  ?paragraph intmk:citesLaw ?law } ORDER BY ?law
"""


def requests(store: Store, base: str, scope: str, **iris: str) -> list[tuple[str, Request]]:
    """(place, request) pairs in text order, the place being the paragraph or the table cell
    the request stands in; a request with several addressees once."""
    merged: dict[str, tuple[str, Request]] = {}
    for row in select(store, base, REQUESTS.replace("{scope}", scope), **iris):
        iri = row["request"]
        addressees: tuple[str, ...] = (row["addressee"],) if "addressee" in row else ()
        unknown: tuple[str, ...] = (row["unknown"],) if "unknown" in row else ()
        outside = tuple(outside_period(row))
        if iri in merged:
            _, known = merged[iri]
            addressees = tuple(dict.fromkeys(known.addressees + addressees))
            unknown = tuple(dict.fromkeys(known.unresolved + unknown))
            outside = tuple(dict.fromkeys(known.outside_period + outside))
        merged[iri] = (
            row.get("paragraph") or row.get("cell", ""),
            Request(
                iri,
                int(row["number"]),
                addressees,
                row.get("kind", ""),
                row.get("action", ""),
                row.get("sentence", ""),
                flag(row, "toBund"),
                row["resolution"],
                unknown,
                flag(row, "implicit"),
                row.get("listLabel", ""),
                row.get("conference", ""),
                outside,
            ),
        )
    return list(merged.values())


def outside_period(row: Row) -> Iterable[tuple[str, str]]:
    """The addressee a row names by a name of another period, with the words used."""
    if "outsideOf" in row and "outsideWording" in row:
        yield row["outsideOf"], row["outsideWording"]


ADDRESSEE_TARGETS = """
SELECT DISTINCT ?target WHERE {
  {resolution} intmk:hasRequest ?request .
  { ?request intmk:hasAddresseeParticipation ?target }
  UNION { ?request intmk:unresolvedAddressee ?target }
} ORDER BY ?target
"""


def addressee_targets(store: Store, base: str, resolution: str) -> list[str]:
    """The addressees of a resolution's requests that findings can be about: each
    participation (a name used outside its period) and each unresolved addressee."""
    rows = select(store, base, ADDRESSEE_TARGETS, resolution=resolution)
    return [row["target"] for row in rows]


def paragraphs(store: Store, base: str, resolution: str) -> list[Paragraph]:
    """A resolution's text: paragraphs with their bullets, requests, amounts and laws."""
    found: dict[str, Paragraph] = {}
    for row in select(store, base, PARAGRAPHS, resolution=resolution):
        paragraph = found.setdefault(
            row["paragraph"],
            Paragraph(row["paragraph"], row.get("text", ""), flag(row, "heading")),
        )
        if "bullet" in row:
            level = int(row.get("level", "1"))
            bullet = Bullet(row.get("label", ""), row.get("bulletText", ""), level)
            if bullet not in paragraph.bullets:
                paragraph.bullets.append(bullet)
    for paragraph_iri, request in requests(
        store, base, "{resolution} intmk:hasRequest ?request .", resolution=resolution
    ):
        if paragraph_iri in found:
            found[paragraph_iri].requests.append(request)
    for row in select(store, base, AMOUNTS, resolution=resolution):
        found[row["paragraph"]].amounts.append(amount_of(row))
    for row in select(store, base, LAWS, resolution=resolution):
        found[row["paragraph"]].laws.append(row["law"])
    return list(found.values())


def amount_of(row: Row) -> Amount:
    """An amount of money as AMOUNTS or a query with AMOUNT_DETAILS gives it."""
    return Amount(
        row.get("value", ""),
        row.get("currency", ""),
        row.get("stated", ""),
        flag(row, "approximate"),
        row.get("minimum", ""),
        row.get("maximum", ""),
        row.get("period", ""),
        " ".join(sorted(row.get("years", "").split())),
        flag(row, "unresolved"),
    )


FINDINGS = """
SELECT DISTINCT ?finding ?kind ?comment WHERE {
  VALUES ?target { {targets} }
  ?finding oa:hasTarget ?target .
  OPTIONAL { ?finding intmk:findingKind ?kind }
  OPTIONAL { ?finding rdfs:comment ?comment }
} ORDER BY ?finding
"""


def findings(store: Store, base: str, targets: Iterable[str]) -> list[Finding]:
    """Data-quality findings about any of `targets`, with their comment in each language."""
    values = " ".join(f"<{t}>" for t in targets)
    text = (PREFIXES + FINDINGS).replace("{base}", base).replace("{targets}", values)
    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    comments: dict[str, dict[str, str]] = defaultdict(dict)
    kinds: dict[str, str] = {}
    for solution in solutions:
        finding = solution["finding"]
        kind, comment = solution["kind"], solution["comment"]
        assert isinstance(finding, NamedNode)
        kinds[finding.value] = kind.value if isinstance(kind, NamedNode) else ""
        if isinstance(comment, Literal):
            comments[finding.value][comment.language or ""] = comment.value
    return [Finding(iri, kinds[iri], comments[iri]) for iri in kinds]


def sources(store: Store, iri: str) -> list[Source]:
    """The line ranges of the minutes a resource was read from (dcterms:source …#line=a,b)."""
    found = []
    predicate = NamedNode("http://purl.org/dc/terms/source")
    for quad in store.quads_for_pattern(NamedNode(iri), predicate, None):
        if not isinstance(quad.object, NamedNode):
            continue
        href = quad.object.value
        _, _, lines = href.partition("#line=")
        first, _, last = lines.partition(",")
        if first.isdigit() and last.isdigit():
            found.append(Source(href, int(first) + 1, int(last)))
    return sorted(found, key=lambda s: s.first)


def values(store: Store, iri: str, predicate: str) -> list[str]:
    """The objects of (iri, predicate) as strings, in the store's order."""
    return [
        q.object.value
        for q in store.quads_for_pattern(NamedNode(iri), NamedNode(predicate), None)
        if isinstance(q.object, NamedNode | Literal)
    ]


def first_value(store: Store, iri: str, predicate: str) -> str:
    found = values(store, iri, predicate)
    return found[0] if found else ""


@dataclass(frozen=True)
class LandItem:
    item: str
    conference: str
    top: str
    title: str
    coordinating: bool
    highlighted: bool
    resolution: str
    outcome: str
    margin: str


LAND_ITEMS = """
SELECT ?item ?conference ?number ?top ?title ?coordinating ?highlighted ?resolution ?outcome
       ?margin
WHERE {
  ?applicant intmk:applicantLand {land} ; intmk:applicantFor ?item ;
             intmk:coordinating ?coordinating ; intmk:highlighted ?highlighted .
  ?item intmk:topNumber ?top ; intmk:position ?position ; intmk:ofConference ?conference .
  ?conference intmk:conferenceNumber ?number .
  OPTIONAL { ?item dcterms:title ?title }
  OPTIONAL { ?item intmk:hasResolution ?resolution .
             OPTIONAL { ?resolution intmk:outcome ?outcome }
             OPTIONAL { ?resolution intmk:decisionMargin ?margin } }
} ORDER BY DESC(?number) ?position
"""


def land_items(store: Store, base: str, land: str) -> list[LandItem]:
    """Every item the Land applied for, newest conference first, in agenda order."""
    found: dict[str, LandItem] = {}
    for row in select(store, base, LAND_ITEMS, land=land):
        found.setdefault(
            row["item"],
            LandItem(
                row["item"],
                row["conference"],
                row["top"],
                row.get("title", ""),
                flag(row, "coordinating"),
                flag(row, "highlighted"),
                row.get("resolution", ""),
                row.get("outcome", ""),
                row.get("margin", ""),
            ),
        )
    return list(found.values())


def land_requests(store: Store, base: str, land: str) -> list[Request]:
    """Every request in a resolution on an item the Land applied for: what it co-signed."""
    scope = (
        "?applicant intmk:applicantLand {land} ; intmk:applicantFor ?item . "
        "?item intmk:hasResolution ?resolution . ?resolution intmk:hasRequest ?request ."
    )
    return [request for _, request in requests(store, base, scope, land=land)]


@dataclass(frozen=True)
class Participant:
    person: str
    conference: str
    role: str
    organisation: str
    chair: bool


PARTICIPANTS = """
SELECT ?person ?conference ?number ?role ?organisation ?chair WHERE {
  ?participation intmk:delegationOf {land} ; intmk:participant ?person ;
                 intmk:ofConference ?conference ; intmk:position ?position .
  ?conference intmk:conferenceNumber ?number .
  OPTIONAL { ?participation intmk:roleTitle ?role }
  OPTIONAL { ?participation intmk:onBehalfOf ?organisation }
  OPTIONAL { ?participation intmk:isChair ?chair }
} ORDER BY DESC(?number) ?position
"""


def participants(store: Store, base: str, land: str) -> list[Participant]:
    """The people in the Land's delegations, newest conference first, in the minutes' order."""
    return [
        Participant(
            row["person"],
            row["conference"],
            row.get("role", ""),
            row.get("organisation", ""),
            flag(row, "chair"),
        )
        for row in select(store, base, PARTICIPANTS, land=land)
    ]


@dataclass(frozen=True)
class Attendance:
    """One participation of a person: the conference, how its list names the person."""

    participation: str
    conference: str
    year: str
    form_of_address: str
    honorific: str
    role: str
    delegation: str
    organisation: str
    chair: bool
    preliminary_chair: bool = False
    unread_role: str = ""
    office: str = ""  # the office the role title names (a concept of id/office)


ATTENDANCES = """
SELECT ?participation ?conference ?year ?address ?honorific ?role ?land ?organisation ?chair
       ?preliminary ?unread ?office
WHERE {
  ?participation intmk:participant {person} ; intmk:ofConference ?conference .
  ?conference intmk:conferenceNumber ?number .
  OPTIONAL { ?conference intmk:year ?year }
  OPTIONAL { ?participation intmk:participantFormOfAddress ?address }
  OPTIONAL { ?participation intmk:participantHonorific ?honorific }
  OPTIONAL { ?participation intmk:roleTitle ?role }
  OPTIONAL { ?participation intmk:delegationOf ?land }
  OPTIONAL { ?participation intmk:onBehalfOf ?organisation }
  OPTIONAL { ?participation intmk:isChair ?chair }
  OPTIONAL { ?participation intmk:isPreliminaryChair ?preliminary }
  OPTIONAL { ?participation intmk:unreadRoleTitle ?unread }
  OPTIONAL { ?participation intmk:heldOffice ?office }
} ORDER BY DESC(?number) ?organisation
"""


def attendances(store: Store, base: str, person: str) -> list[Attendance]:
    """The person's participations, newest conference first, each with the form of address,
    honorific and role that year's list gives (one row per organisation represented)."""
    return [
        Attendance(
            row["participation"],
            row["conference"],
            row.get("year", ""),
            row.get("address", ""),
            row.get("honorific", ""),
            row.get("role", ""),
            row.get("land", ""),
            row.get("organisation", ""),
            flag(row, "chair"),
            flag(row, "preliminary"),
            row.get("unread", ""),
            row.get("office", ""),
        )
        for row in select(store, base, ATTENDANCES, person=person)
    ]


@dataclass(frozen=True)
class Guest:
    person: str
    role: str


GUESTS = """
SELECT ?organisation ?person ?role WHERE {
  ?participation intmk:ofConference {conference} ; intmk:isGuest true ;
                 intmk:participant ?person ; intmk:onBehalfOf ?organisation ;
                 intmk:position ?position .
  OPTIONAL { ?participation intmk:roleTitle ?role }
} ORDER BY ?position
"""


@dataclass(frozen=True)
class GuestOrganisation:
    """An organisation of the guest list, with the name it had at the conference (the
    registry's name of that day; empty where the registry does not know it)."""

    iri: str
    name_then: dict[str, str]
    guests: list[Guest]


def guests_by_organisation(
    store: Store, base: str, conference: str, names: dict[str, dict[str, str]]
) -> list[GuestOrganisation]:
    """The guests of a conference by the organisation they came for, in the list's order;
    `names`: each organisation's names of the meeting day (server/day_names.py)."""
    groups: dict[str, GuestOrganisation] = {}
    for row in select(store, base, GUESTS, conference=conference):
        organisation = row["organisation"]
        then = names.get(organisation, {"de": "", "en": ""})
        group = groups.setdefault(organisation, GuestOrganisation(organisation, then, []))
        guest = Guest(row["person"], row.get("role", ""))
        if guest not in group.guests:
            group.guests.append(guest)
    return list(groups.values())


CHAIRS = """
SELECT DISTINCT ?person ?position WHERE {
  {conference} intmk:{property} ?person .
  ?participation intmk:ofConference {conference} ; intmk:participant ?person ;
                 intmk:position ?position .
} ORDER BY ?position
"""


def chairs(store: Store, base: str, conference: str, prop: str) -> list[str]:
    """The chair persons of a conference (intmk:chairPerson or intmk:preliminaryChairPerson),
    in the order of the list of participants."""
    query = CHAIRS.replace("{property}", prop)
    return [row["person"] for row in select(store, base, query, conference=conference)]
