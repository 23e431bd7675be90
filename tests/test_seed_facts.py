"""Exact facts of the 18th IntMK 2023 minutes, read from the document and checked in the graph."""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal

import pyoxigraph
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from mapping.model import Minutes, Outcome, RequestKind
from tests.conftest import CONCEPT, ID, INTMK, SEED, languages, select, value

C18 = ID + "conference/18/"

UNANIMOUS = {
    "A",
    "C",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "2",
    "3",
    "4.1",
    "4.3",
    "4.6",
    "4.8",
    "4.9",
    "5.2",
    "5.3",
    "7.4",
}
MAJORITY = {"4.4", "4.5", "4.7", "5.1", "5.4", "6.1", "6.2", "6.3", "6.4", "7.1", "7.2"}
NOTED = {"B", "1.1", "1.6"}
COORDINATING = {
    "4.1": "DE-NW",
    "4.2": "DE-BE",
    "4.4": "DE-SH",
    "4.5": "DE-HB",
    "4.8": "DE-BW",
    "5.1": "DE-SL",
    "5.3": "DE-RP",
    "7.1": "DE-HE",
    "7.2": "DE-HH",
    "7.4": "DE-SL",
}
PERSONS_PER_LAND = {
    "DE-BW": 3,
    "DE-BY": 3,
    "DE-BE": 2,
    "DE-BB": 2,
    "DE-HB": 2,
    "DE-HH": 2,
    "DE-HE": 3,
    "DE-MV": 4,
    "DE-NI": 2,
    "DE-NW": 4,
    "DE-RP": 3,
    "DE-SL": 3,
    "DE-SN": 2,
    "DE-ST": 2,
    "DE-SH": 3,
    "DE-TH": 3,
}
PREFIXES = f"PREFIX intmk: <{INTMK}>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"


def outcomes(store: pyoxigraph.Store) -> dict[str, str]:
    rows = select(
        store,
        PREFIXES
        + """
        SELECT ?top ?said WHERE {
          ?r a intmk:Resolution ; intmk:onItem ?i ; intmk:outcome ?outcome .
          ?i intmk:topNumber ?top .
          OPTIONAL { ?r intmk:decisionMargin ?margin }
          BIND(COALESCE(?margin, ?outcome) AS ?said)
        } ORDER BY ?top""",
    )
    return {top: said.rsplit("/", 1)[1] for top, said in rows}


def test_every_resolution_has_the_outcome_the_minutes_state(store: pyoxigraph.Store) -> None:
    found = outcomes(store)
    assert {top for top, o in found.items() if o == "einstimmig"} == UNANIMOUS
    assert {top for top, o in found.items() if o == "mehrheitlich"} == MAJORITY
    assert {top for top, o in found.items() if o == "zur-kenntnis-genommen"} == NOTED
    assert len(found) == 30


def test_the_coordinating_land_of_every_item(store: pyoxigraph.Store) -> None:
    rows = select(
        store,
        PREFIXES
        + """
        SELECT ?top ?code WHERE {
          ?i intmk:topNumber ?top ; intmk:hasApplicant ?a .
          ?a intmk:coordinating true ; intmk:applicantLand ?land .
          ?land intmk:isoCode ?code .
        }""",
    )
    assert {top: code for top, code in rows} == COORDINATING
    assert len(rows) == len(COORDINATING)


def test_the_circular_resolution_of_top_4_1(graph: Graph) -> None:
    resolution = URIRef(C18 + "resolution/4.1")
    meeting = URIRef(C18 + "meeting/umlauf-01-2023")
    assert graph.value(resolution, INTMK.decidedAt) == meeting
    assert graph.value(resolution, URIRef("http://purl.org/dc/terms/date")) == Literal(
        datetime.date(2023, 3, 29), datatype=XSD.date
    )
    assert graph.value(meeting, INTMK.circularNumber) == Literal("01/2023")
    assert graph.value(meeting, INTMK.meetingKind) == URIRef(
        CONCEPT + "meeting-kind/umlaufverfahren"
    )
    assert graph.value(resolution, INTMK.outcome) == URIRef(CONCEPT + "outcome/angenommen")
    assert graph.value(resolution, INTMK.decisionMargin) == URIRef(
        CONCEPT + "decision-margin/einstimmig"
    )
    item = URIRef(C18 + "item/4.1")
    assert str(graph.value(item, INTMK.agendaNote)) == "siehe Umlaufbeschluss 01/2023"


def test_the_number_of_persons_each_land_sent(store: pyoxigraph.Store) -> None:
    rows = select(
        store,
        PREFIXES
        + """
        SELECT ?code (COUNT(?p) AS ?n) WHERE {
          ?p intmk:delegationOf ?land . ?land intmk:isoCode ?code .
        } GROUP BY ?code""",
    )
    assert {code: int(n) for code, n in rows} == PERSONS_PER_LAND


def test_federal_guests_by_organisation(store: pyoxigraph.Store) -> None:
    rows = select(
        store,
        PREFIXES
        + """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?org (COUNT(DISTINCT ?p) AS ?n) WHERE {
          ?p intmk:isGuest true ; intmk:onBehalfOf ?o . ?o rdfs:label ?org .
          FILTER(lang(?org) = "de")
        } GROUP BY ?org""",
    )
    guests = {org: int(n) for org, n in rows}
    assert guests["Bundesministerium des Innern und für Heimat"] == 4
    assert guests["Bundesamt für Migration und Flüchtlinge"] == 2
    assert guests["Die Beauftragte der Bundesregierung für Antirassismus"] == 3
    assert guests["Bundesagentur für Arbeit"] == 1
    assert (
        sum(1 for _ in select(store, PREFIXES + "SELECT ?p WHERE { ?p intmk:isGuest true }")) == 15
    )


def test_chair_and_meeting(graph: Graph) -> None:
    conference = URIRef(C18.rstrip("/"))
    assert graph.value(conference, INTMK.chairLand) == URIRef(ID + "land/DE-HE")
    assert graph.value(conference, INTMK.chairPerson) == URIRef(ID + "person/kai-klose")
    assert graph.value(conference, INTMK.year) == Literal("2023", datatype=XSD.gYear)
    assert graph.value(conference, INTMK.office) == URIRef(
        ID + "organisation/intmk-geschaeftsstelle"
    )
    meeting = URIRef(C18 + "meeting/hauptkonferenz")
    schema = "https://schema.org/"
    assert value(graph, meeting, URIRef(schema + "startDate")) == datetime.date(2023, 4, 26)
    assert value(graph, meeting, URIRef(schema + "endDate")) == datetime.date(2023, 4, 27)
    place = graph.value(meeting, URIRef(schema + "location"))
    assert (
        str(graph.value(place, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "Wiesbaden"
    )


def test_withdrawn_and_merged_items(graph: Graph) -> None:
    item_4_2 = URIRef(C18 + "item/4.2")
    assert graph.value(item_4_2, INTMK.withdrawn) == Literal(True)
    assert graph.value(item_4_2, INTMK.withdrawnBy) == URIRef(ID + "land/DE-BE")
    item_7_3 = URIRef(C18 + "item/7.3")
    assert graph.value(item_7_3, INTMK.mergedInto) == URIRef(C18 + "item/7.2")
    withdrawn = set(graph.subjects(INTMK.withdrawn, Literal(True)))
    assert withdrawn == {item_4_2}
    assert graph.value(item_4_2, INTMK.hasResolution) is None
    assert graph.value(item_7_3, INTMK.hasResolution) is None


def test_green_list_and_discussion_topics(graph: Graph) -> None:
    green = {
        str(graph.value(s, INTMK.topNumber))
        for s in graph.subjects(INTMK.onGreenList, Literal(True))
    }
    assert green == {"1.3", "1.4", "1.5", "7.4"}
    bundle = URIRef(C18 + "resolution/C")
    covered = {str(o).rsplit("/", 1)[1] for o in graph.objects(bundle, INTMK.coversItem)}
    assert covered == green
    for top in green:
        resolution = URIRef(C18 + f"resolution/{top}")
        assert graph.value(resolution, INTMK.adoptedWith) == bundle
        assert graph.value(resolution, INTMK.adoptedEnBloc) == Literal(True)
    talks = {
        str(graph.value(s, INTMK.topNumber))
        for s in graph.subjects(INTMK.discussionOnly, Literal(True))
    }
    assert talks == {"8", "8.1", "8.2", "8.3", "8.4", "9"}


def test_groups_of_the_agenda(graph: Graph) -> None:
    assert graph.value(URIRef(C18 + "item/4.1"), INTMK.groupItem) == URIRef(C18 + "item/4")
    groups = {
        str(graph.value(s, INTMK.topNumber)) for s in graph.subjects(INTMK.isGroup, Literal(True))
    }
    assert groups == {"1", "4", "5", "6", "7", "8"}
    items = set(graph.subjects(RDF.type, INTMK.AgendaItem))
    assert len(items) == 43


def test_the_requests_of_top_6_4(minutes: Minutes, graph: Graph) -> None:
    resolution = next(r for r in minutes.resolutions if r.top == "6.4")
    assert [(r.number, r.kind, r.addressees) for r in resolution.requests] == [
        (1, RequestKind.BITTE, ("bundesregierung",)),
        (2, RequestKind.BITTE, ("bundesregierung",)),
        (3, RequestKind.PRUEFBITTE, ("bundesregierung",)),
    ]
    assert resolution.requests[0].action.startswith(
        "bei der Europäischen Kommission zu beantragen, dass die Aufenthaltserlaubnis"
    )
    assert resolution.requests[2].action.startswith("zu prüfen, welche Aufenthaltserlaubnisse")
    request = URIRef(C18 + "resolution/6.4/request/3")
    assert (request, RDF.type, INTMK.RequestToBund) in graph
    assert graph.value(request, INTMK.addressee) == URIRef(ID + "organisation/bundesregierung")
    assert graph.value(request, INTMK.requestKind) == URIRef(CONCEPT + "request-kind/pruefbitte")
    assert graph.value(request, DCTERMS.source) == URIRef(
        "http://localhost:8000/dumps/sources/000_7e277fc99396a581.txt#line=789,790"
    )
    assert str(graph.value(request, INTMK.sentence)).startswith(
        "Die für Integration zuständigen Ministerinnen und Minister, Senatorinnen und Senatoren "
        "der Länder (IntMK) bitten die Bundesregierung zu prüfen, welche"
    )


def test_every_request_in_the_minutes(minutes: Minutes) -> None:
    found = {
        r.top: [(q.kind.value, q.addressees) for q in r.requests]
        for r in minutes.resolutions
        if r.requests
    }
    bund = ("bund",)
    assert found == {
        "1.4": [("pruefbitte", ("kmk",))],
        "1.5": [("ersuchen", bund)],
        "4.1": [("appell", ("bundesregierung",))],
        "4.3": [("aufforderung", bund), ("aufforderung", bund)],
        "4.4": [("pruefbitte", ("bmi",))],
        "4.5": [("bitte", ("bundesregierung",)), ("pruefbitte", bund)],
        "4.6": [("pruefbitte", ("bund", "laender")), ("pruefbitte", bund)],
        "4.7": [("appell", ("bund", "laender"))],
        "5.1": [
            ("aufforderung", bund),
            ("appell", bund),
            ("pruefbitte", bund),
            ("aufforderung", bund),
            ("pruefbitte", bund),
            ("bitte", bund),
            ("bitte", bund),
        ],
        "5.2": [("aufforderung", bund)],
        "5.3": [("bitte", bund), ("bitte", ("intmk-geschaeftsstelle",))],
        "5.4": [("aufforderung", bund)],
        "6.1": [("pruefbitte", ("bundesregierung",))],
        "6.2": [("bitte", ("bundesregierung",))],
        "6.3": [("appell", bund), ("pruefbitte", bund), ("aufforderung", bund), ("bitte", bund)],
        "6.4": [
            ("bitte", ("bundesregierung",)),
            ("bitte", ("bundesregierung",)),
            ("pruefbitte", ("bundesregierung",)),
        ],
        # "Die IntMK fordert einen leichteren Zugang zu Sprachkursen …": no addressee named
        "7.1": [("aufforderung", ("alle-verantwortlichen",)), ("forderung", ())],
        "7.2": [("bitte", ("bmas",)), ("bitte", bund), ("bitte", bund)],
        "7.4": [("bitte", bund)],
    }
    implicit = [
        (r.top, q.number) for r in minutes.resolutions for q in r.requests if q.addressee_implicit
    ]
    # 5.1/7: a passive that takes the Bund from the sentence before; 7.1/2: no one named
    assert implicit == [("5.1", 7), ("7.1", 2)]


def test_requests_to_bund_are_typed(store: pyoxigraph.Store) -> None:
    rows = select(store, PREFIXES + "SELECT ?r WHERE { ?r a intmk:RequestToBund }")
    everything = select(store, PREFIXES + "SELECT ?r WHERE { ?r a intmk:Request }")
    # all but the KMK request (1.4), the office's task (5.3/2) and "alle Verantwortlichen" (7.1)
    assert (len(everything), len(rows)) == (37, 33)  # 37: with the Forderung of TOP 7.1


def test_the_applicant_discrepancy_of_top_4_1(graph: Graph) -> None:
    finding = URIRef(C18 + "finding/4.1-applicant-mismatch")
    assert graph.value(finding, INTMK.onlyInResolution) == URIRef(ID + "land/DE-HE")
    assert graph.value(finding, INTMK.onlyInAgenda) is None
    assert graph.value(finding, INTMK.agendaPlace) == URIRef(C18 + "item/4.1")
    assert graph.value(finding, INTMK.resolutionPlace) == URIRef(C18 + "resolution/4.1")
    hessen = URIRef(C18 + "item/4.1/applicant/DE-HE")
    lists = {str(o).rsplit("/", 1)[1] for o in graph.objects(hessen, INTMK.namedIn)}
    assert lists == {"resolution"}
    nrw = URIRef(C18 + "item/4.1/applicant/DE-NW")
    assert {str(o).rsplit("/", 1)[1] for o in graph.objects(nrw, INTMK.namedIn)} == {
        "agenda",
        "resolution",
    }
    assert graph.value(nrw, INTMK.coordinating) == Literal(True)
    assert graph.value(nrw, INTMK.highlighted) == Literal(True)


def test_all_findings(minutes: Minutes) -> None:
    assert sorted((f.top, f.kind) for f in minutes.findings) == [
        ("1.1", "title-mismatch"),
        ("1.2", "title-mismatch"),
        ("1.3", "title-mismatch"),
        ("4.1", "applicant-mismatch"),
        ("4.4", "applicant-mismatch"),
        ("4.6", "title-mismatch"),
        ("7.4", "title-mismatch"),
        ("A", "title-mismatch"),
    ]
    top_4_4 = next(f for f in minutes.findings if f.key == "4.4-applicant-mismatch")
    assert top_4_4.only_in_resolution == ("DE-ST",)


def test_alle_laender_gives_sixteen_roles(graph: Graph) -> None:
    item = URIRef(C18 + "item/4.3")
    roles = list(graph.objects(item, INTMK.hasApplicant))
    assert len(roles) == 16
    assert all(graph.value(role, INTMK.statedAs) == Literal("Alle Länder") for role in roles)


def test_paragraphs_and_bullets_in_order(minutes: Minutes) -> None:
    resolution = next(r for r in minutes.resolutions if r.top == "7.1")
    assert [p.number for p in resolution.paragraphs] == [
        1,
        2,
        3,
        4,
        5,
        None,
        None,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
    ]
    top_4_8 = next(r for r in minutes.resolutions if r.top == "4.8")
    assert [b.text for b in top_4_8.paragraphs[2].bullets] == [
        "die Erkenntnislage zur Situation der Romnja und Roma zu verbessern,",
        "gemeinsame Lösungsansätze zu entwickeln,",
        "gute Praxis der Integration von Romnja und Roma zu verbreiten und",
        "bestehende Expertise bei den Maßnahmen in den Ländern und Kommunen zu berücksichtigen.",
    ]
    top_b = next(r for r in minutes.resolutions if r.top == "B")
    assert [b.label for b in top_b.paragraphs[0].bullets] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert top_b.paragraphs[0].bullets[0].text == (
        "der Beauftragten der Bundesregierung für Migration, Flüchtlinge und Integration "
        "(Bundeskanzleramt)"
    )
    top_2 = next(r for r in minutes.resolutions if r.top == "2")
    assert [p.text for p in top_2.paragraphs if p.is_heading] == [
        "Respektvolles Zusammenleben",
        "Teilhabe in der Migrationsgesellschaft",
        "Bildung und Chancengerechtigkeit",
        "Vielfalt auf dem Arbeitsmarkt",
    ]


def test_paragraphs_broken_by_page_breaks_are_whole(minutes: Minutes) -> None:
    top_1_4 = next(r for r in minutes.resolutions if r.top == "1.4")
    third = top_1_4.paragraphs[2]
    assert "überwiegend zur strukturellen Integration (mit einem Schwerpunkt" in third.text
    assert (third.lines.first, third.lines.last) == (367, 369)
    top_1_5 = next(r for r in minutes.resolutions if r.top == "1.5")
    assert (
        "Die Länder ersuchen ihrerseits den Bund, die Zusammenarbeit" in top_1_5.paragraphs[2].text
    )
    assert len(top_1_4.paragraphs) == 5


def test_money_amounts_are_typed(graph: Graph) -> None:
    schema = "https://schema.org/"
    amounts = {
        str(graph.value(a, INTMK.statedAs)): (
            value(graph, a, URIRef(schema + "value")),
            str(graph.value(a, URIRef(schema + "currency"))),
            value(graph, a, INTMK.approximate),
        )
        for a in graph.subjects(RDF.type, INTMK.MonetaryAmount)
    }
    assert amounts == {
        "81,5 Mio. €": (Decimal("81500000"), "EUR", False),
        "jährlich 57 Mio. €": (Decimal("57000000"), "EUR", False),
        "ca. 512.000 EUR": (Decimal("512000"), "EUR", True),
        "ca. 32.000 EUR": (Decimal("32000"), "EUR", True),
        "238 Millionen Euro": (Decimal("238000000"), "EUR", False),
        "neun Millionen Euro": (Decimal("9000000"), "EUR", False),
        "fast 100 Milliarden Euro": (Decimal("100000000000"), "EUR", True),
    }


def test_the_yearly_amount_of_the_seed_is_per_year(graph: Graph) -> None:
    """Line 524: "die mittelfristige Finanzplanung ab 2024 (jährlich 57 Mio. €)": 57 Mio. €
    per year, one value, no range; the seed names no unresolved amount."""
    yearly = URIRef(C18 + "resolution/4.3/paragraph/2/amount/2")
    assert str(graph.value(yearly, INTMK.statedAs)) == "jährlich 57 Mio. €"
    assert graph.value(yearly, INTMK.perPeriod) == Literal("P1Y", datatype=XSD.duration)
    periods = {
        a for a in graph.subjects(RDF.type, INTMK.MonetaryAmount) if graph.value(a, INTMK.perPeriod)
    }
    assert periods == {yearly}
    assert not set(graph.subjects(RDF.type, INTMK.UnresolvedAmount))


def test_legal_and_conference_references(graph: Graph) -> None:
    paragraph = URIRef(C18 + "resolution/6.4/paragraph/1")
    laws = set(graph.objects(paragraph, INTMK.citesLaw))
    assert laws == {
        URIRef("https://www.gesetze-im-internet.de/aufenthg_2004/__24.html"),
        URIRef("http://data.europa.eu/eli/dir/2001/55/oj"),
    }
    eli = URIRef("http://data.europa.eu/eli/dir/2001/55/oj")
    assert (
        str(graph.value(eli, URIRef("http://data.europa.eu/eli/ontology#id_local"))) == "32001L0055"
    )
    assert graph.value(
        URIRef(C18 + "resolution/1.2/paragraph/1"), INTMK.refersToConference
    ) == URIRef(ID + "conference/17")
    assert graph.value(URIRef(ID + "conference/17"), INTMK.year) == Literal(
        "2022", datatype=XSD.gYear
    )
    assert graph.value(
        URIRef(C18 + "resolution/1.4/paragraph/4"), INTMK.refersToConference
    ) == URIRef(ID + "conference/20")
    both = set(graph.objects(URIRef(C18 + "resolution/5.2/paragraph/1"), INTMK.refersToConference))
    assert both == {URIRef(ID + "conference/16"), URIRef(ID + "conference/17")}


def test_wikidata_links_from_the_checked_table(graph: Graph) -> None:
    owl_same = URIRef("http://www.w3.org/2002/07/owl#sameAs")
    assert graph.value(URIRef(ID + "land/DE-HE"), owl_same) == URIRef(
        "http://www.wikidata.org/entity/Q1199"
    )
    assert len(set(graph.subjects(RDF.type, INTMK.Land))) == 16
    linked = [s for s in graph.subjects(RDF.type, INTMK.Land) if graph.value(s, owl_same)]
    assert len(linked) == 16


def test_outcome_model_enum_matches_the_concept_scheme(graph: Graph) -> None:
    for outcome in Outcome:
        concept = URIRef(CONCEPT + "outcome/" + outcome.value)
        pref_label = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
        assert languages(graph, concept, pref_label) == {"de", "en"}


def test_the_source_document_resource(graph: Graph) -> None:
    document = URIRef(C18 + "minutes")
    dcterms = "http://purl.org/dc/terms/"
    assert str(graph.value(document, URIRef(dcterms + "title"))) == (
        "Externe Niederschrift über die Beschlüsse der Hauptkonferenz der 18. IntMK 2023"
    )
    assert graph.value(document, URIRef(dcterms + "date")) is None  # the meeting's, not its own
    assert value(graph, document, INTMK.lineCount) == 859
    spdx = "http://spdx.org/rdf/terms#"
    checksum = graph.value(document, URIRef(spdx + "checksum"))
    assert checksum is not None
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert str(graph.value(checksum, URIRef(spdx + "checksumValue"))) == digest
    item = URIRef(C18 + "item/4.1")
    assert graph.value(item, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) == document
    assert graph.value(item, URIRef(dcterms + "source")) == URIRef(
        "http://localhost:8000/dumps/sources/000_7e277fc99396a581.txt#line=236,237"
    )


def test_persons_with_title_role_and_ministry(graph: Graph) -> None:
    person = URIRef(ID + "person/ute-leidig")
    assert str(graph.value(person, URIRef("http://xmlns.com/foaf/0.1/name"))) == "Ute Leidig"
    participation = URIRef(C18 + "participation/ute-leidig")
    # how the list of 2023 names her belongs to her participation, not to the person
    assert graph.value(participation, INTMK.participantHonorific) == Literal("Dr.")
    assert graph.value(participation, INTMK.participantFormOfAddress) == Literal("Frau")
    assert graph.value(person, URIRef("https://schema.org/honorificPrefix")) is None
    assert graph.value(person, INTMK.formOfAddress) is None
    assert graph.value(participation, INTMK.roleTitle) == Literal("Staatssekretärin", lang="de")
    assert graph.value(participation, INTMK.delegationOf) == URIRef(ID + "land/DE-BW")
    ministry = graph.value(participation, INTMK.onBehalfOf)
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert (
        str(graph.value(ministry, label)) == "Ministerium für Soziales, Gesundheit und Integration"
    )
    assert graph.value(ministry, INTMK.ofLand) == URIRef(ID + "land/DE-BW")
    professor = URIRef(C18 + "participation/birgit-locher-finke")
    assert graph.value(professor, INTMK.participantHonorific) == Literal("Prof. Dr.")
    thueringen = URIRef(C18 + "participation/doreen-denstaedt")
    assert graph.value(thueringen, INTMK.roleTitle) == Literal("Ministerin", lang="de")
    assert graph.value(thueringen, INTMK.participantFormOfAddress) is None


def test_full_text_of_a_resolution(minutes: Minutes, graph: Graph) -> None:
    text = str(graph.value(URIRef(C18 + "resolution/4.4"), INTMK.fullText))
    assert text.startswith(
        "1. Die für Integration zuständigen Ministerinnen und Minister, Senatorinnen und "
        "Senatoren der Länder (IntMK) stellen fest, dass die Einbürgerung"
    )
    assert "\n\n2. Die IntMK bittet daher das BMI zu prüfen, wie im Zuge" in text
    assert text.endswith(
        "eine Härtefallregelung geschaffen werden kann, die ihnen eine Einbürgerung ermöglicht."
    )
    meeting = graph.value(URIRef(C18 + "resolution/4.4"), INTMK.decidedAt)
    assert graph.value(meeting, INTMK.meetingKind) == URIRef(
        CONCEPT + "meeting-kind/hauptkonferenz"
    )
