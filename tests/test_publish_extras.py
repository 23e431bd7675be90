"""What the minutes carry beyond their resolutions, published as data: footnotes (with what
they annotate), the running headers learned from a document (and a shape that refuses them
in any literal), the status of an agenda item ("vertagt", "zurückgezogen") and the mark of a
resolution heading ("TOP 2.4 (GL)", "TOP 5 (neu)") with a finding where it contradicts the
agenda.

Documents come from tests/fixtures/damage/, from a PDF typeset with footnotes
(tests/typeset.py), or are written here from a description of the minutes' layouts; every
expectation is an exact value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH, XSD
from rdflib.term import Node

from mapping.build import ontology_graph, union
from mapping.document.model import Footnote as DocumentNote
from mapping.document.read import read_document
from mapping.emit import MinutesEmitter
from mapping.item_status import item_status
from mapping.model import Annotated, ItemStatus, Minutes
from mapping.notes import minutes_footnotes
from mapping.parse_document import parse_file
from mapping.reference import reference_graph
from mapping.shacl import Validation, load_shapes, validate
from mapping.uris import Uris
from mapping.wikidata import load_wikidata
from tests.conftest import BASE, CONCEPT, ID, INTMK, SEED
from tests.facts import facts, leave_out
from tests.test_agenda_layouts import document, parse
from tests.typeset import Note, typeset

ROOT = Path(__file__).resolve().parent.parent
DAMAGE = ROOT / "tests" / "fixtures" / "damage"
TITLES = ROOT / "tests" / "fixtures" / "titles"
SHAPES = "https://w3id.org/intmk/shapes#"
URIS = Uris(BASE)


def emitted(minutes: Minutes) -> Graph:
    return MinutesEmitter(minutes, URIS, load_wikidata()).graph()


def only_shapes(names: Iterable[str]) -> Graph:
    """The named node shapes of shapes/intmk-shapes.ttl with everything they refer to (their
    property shapes, SPARQL constraints and targets, the prefixes): a quick validation."""
    shapes = load_shapes(URIS)
    picked = Graph()
    todo: list[Node] = [URIRef(SHAPES + name) for name in names]
    seen: set[Node] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for _, predicate, obj in shapes.triples((node, None, None)):
            picked.add((node, predicate, obj))
            if isinstance(obj, BNode) or (isinstance(obj, URIRef) and obj.startswith(SHAPES)):
                todo.append(obj)
            if predicate == RDF.first or predicate == RDF.rest:
                todo.append(obj)
    return picked


def violations(validation: Validation) -> list[tuple[str, Node, Node | None]]:
    """(constraint or shape, focus node, path) of each violation."""
    return sorted(
        (str(r.shape).removeprefix(SHAPES), r.focus, r.path) for r in validation.violations
    )


# 1. footnotes ------------------------------------------------------------------------------

C16 = ID + "conference/16/"
C18 = ID + "conference/18/"


def test_the_footnotes_of_a_fixture_are_published_with_what_they_annotate() -> None:
    """footnotes_video_2021.txt: the note of 'Geflüchtete1' (resolution 2.9b, paragraph 1)
    under a rule, and the note of 'Haushaltsvorbehalt2' in the second Protokollerklärung."""
    graph = emitted(parse_file(DAMAGE / "footnotes_video_2021.txt"))
    notes = set(graph.subjects(RDF.type, INTMK.Footnote))
    first, second = URIRef(C16 + "minutes/footnote/1"), URIRef(C16 + "minutes/footnote/2")
    assert notes == {first, second}
    source = BASE + "dumps/sources/footnotes_video_2021.txt"
    assert set(graph.predicate_objects(first)) == {
        (RDF.type, INTMK.Footnote),
        (DCTERMS.isPartOf, URIRef(C16 + "minutes")),
        (INTMK.footnoteNumber, Literal(1, datatype=XSD.integer)),
        (INTMK.text, Literal("Vgl. Beschluss der 15. IntMK 2020, TOP 3.", lang="de")),
        (INTMK.annotates, URIRef(C16 + "resolution/2.9b/paragraph/1")),
        (INTMK.markerLine, Literal(70, datatype=XSD.integer)),
        (RDFS.label, Literal("Fußnote 1 der Niederschrift der 16. IntMK 2021", lang="de")),
        (RDFS.label, Literal("Footnote 1 of the minutes of the 16th IntMK 2021", lang="en")),
        (PROV.wasDerivedFrom, URIRef(C16 + "minutes")),
        (DCTERMS.source, URIRef(source + "#line=81,82")),  # line 82: the rule on line 81
        # is not part of the note's text
    }
    assert graph.value(second, INTMK.annotates) == URIRef(C16 + "item/2.9b/declaration/2")
    assert graph.value(second, INTMK.markerLine) == Literal(79, datatype=XSD.integer)
    assert graph.value(second, DCTERMS.source) == URIRef(source + "#line=82,83")


PDF_NOTES = (
    Note("Externe Niederschrift", "Veröffentlicht auf der Website der IntMK."),
    Note("Staatssekretärin Dr. Ute Leidig", "Zugleich in Vertretung der Ministerin."),
    Note("befristet eingesetzte Bund-Länder-Arbeitsgruppe", "Vgl. Beschluss der 17. IntMK 2022."),
    Note("gemeinsame Lösungsansätze", "Siehe den Bericht der Arbeitsgruppe."),
)


@pytest.fixture(scope="module")
def footnoted_pdf(tmp_path_factory: pytest.TempPathFactory) -> Minutes:
    """The seed typeset ("justified") with four footnotes: on the title, a person, a
    paragraph and a bullet."""
    text = SEED.read_text(encoding="utf-8")
    assert [text.count(note.after) for note in PDF_NOTES] == [1, 1, 1, 1]
    pdf = tmp_path_factory.mktemp("footnoted") / "minutes-2023.pdf"
    return parse_file(typeset(text, "justified", pdf, PDF_NOTES))


def test_a_pdf_with_footnotes_gives_them_with_what_they_annotate(footnoted_pdf: Minutes) -> None:
    found = [(n.number, n.text, n.annotates) for n in footnoted_pdf.footnotes]
    assert found == [
        (1, "Veröffentlicht auf der Website der IntMK.", Annotated("minutes")),
        (
            2,
            "Zugleich in Vertretung der Ministerin.",
            Annotated("participation", person="Ute Leidig"),
        ),
        (3, "Vgl. Beschluss der 17. IntMK 2022.", Annotated("paragraph", "1.2", 1)),
        (4, "Siehe den Bericht der Arbeitsgruppe.", Annotated("bullet", "4.8", 3, 2)),
    ]
    expected = leave_out(facts(parse_file(SEED)), "footnotes")
    assert leave_out(facts(footnoted_pdf), "footnotes") == expected


def test_the_pdf_footnotes_point_into_the_text_its_reader_made(footnoted_pdf: Minutes) -> None:
    """Each note's lines and its marker line, in the published `….pdf.txt`."""
    text = (footnoted_pdf.source.reader_text or "").split("\n")
    for note, typeset_note in zip(footnoted_pdf.footnotes, PDF_NOTES, strict=True):
        assert text[note.lines.first - 1] == f"{note.number} {typeset_note.text}"
        assert note.lines.first == note.lines.last
        marker_line = text[note.marker_line - 1].replace("**", "")
        assert typeset_note.after in marker_line
        assert f"{typeset_note.after}{note.number}" not in marker_line


def test_the_pdf_footnotes_conform_and_the_unowned_one_says_so(footnoted_pdf: Minutes) -> None:
    graph = emitted(footnoted_pdf)
    title_note = URIRef(C18 + "minutes/footnote/1")
    assert graph.value(title_note, INTMK.annotates) == URIRef(C18 + "minutes")
    assert Literal(
        "Line 1, where the footnote marker stands, belongs to no published part of the "
        "minutes; the footnote is attached to the minutes document.",
        lang="en",
    ) in set(graph.objects(title_note, RDFS.comment))
    assert graph.value(URIRef(C18 + "minutes/footnote/2"), INTMK.annotates) == URIRef(
        C18 + "participation/ute-leidig"
    )
    shapes = only_shapes(["FootnoteShape", "UriSchemeShape", "NoConversionResidueShape"])
    assert violations(validate(union([graph, ontology_graph(URIS)]), shapes)) == []
    broken = union([graph, ontology_graph(URIS)])
    bullet_note = URIRef(C18 + "minutes/footnote/4")
    broken.set((bullet_note, INTMK.markerLine, Literal(1, datatype=XSD.integer)))
    assert violations(validate(broken, shapes)) == [
        ("Footnote-markerInAnnotated", bullet_note, None)
    ]


# 2. running headers -------------------------------------------------------------------------

SEED_HEADERS = (
    "Hauptkonferenz",
    "der 18. IntMK 2023",
    "26./ 27. April 2023 in Wiesbaden",
    "18. Integrationsminister*innenkonferenz 2023",
    "Hauptkonferenz am 26./27. April 2023 in Wiesbaden",
    "Hauptkonferenz am 26./ 27. April 2023 in Wiesbaden",
    "18. Integrationsministerkonferenz 2023",
    "Hauptkonferenz 26./27. April 2023 in Wiesbaden",
)


def test_the_seed_publishes_the_headers_it_taught(minutes: Minutes, graph: Graph) -> None:
    assert minutes.source.running_headers == SEED_HEADERS
    assert minutes.source.running_footers == ()
    published = set(graph.objects(URIRef(C18 + "minutes"), INTMK.runningHeader))
    assert published == {Literal(text) for text in SEED_HEADERS}


def test_a_header_with_its_page_number_on_one_line_is_published_without_it() -> None:
    """'17. IntMK 2022        Seite 4 von 9' at every page break: one text, no page number."""
    headers = parse_file(DAMAGE / "running_headers_017_same_line.txt").source.running_headers
    assert headers[0] == "17. IntMK 2022"
    assert not [text for text in headers if "Seite" in text]


@pytest.mark.parametrize(
    "name",
    [
        "running_headers_seed.txt",
        "running_headers_017_same_line.txt",
        "running_headers_019_delegation.txt",
        "running_headers_umlauf_2022.txt",
        "../titles/running_headers_017_meetings_after_year.txt",
        "../titles/running_headers_019_meetings_after_year.txt",
    ],
)
def test_the_running_header_fixtures_conform(name: str) -> None:
    graph = emitted(parse_file(DAMAGE / name))
    assert set(graph.objects(None, INTMK.runningHeader)), "the fixture taught headers"
    validation = validate(graph, only_shapes(["NoRunningHeaderShape"]))
    assert validation.results == ()


@pytest.mark.parametrize(
    ("name", "printed", "meeting"),
    [
        (
            "running_headers_017_meetings_after_year.txt",
            "Externe Niederschrift über die Beschlüsse der 17. IntMK 2022 Hauptkonferenz am "
            "21./22. April 2022 in Ludwigsburg",
            "conference/17/meeting/hauptkonferenz",
        ),
        (
            "running_headers_019_meetings_after_year.txt",
            "Externe Niederschrift über die Beschlüsse der 19. IntMK 2024 Hauptkonferenz am "
            "17./18. April 2024 in Mainz",
            "conference/19/meeting/hauptkonferenz",
        ),
    ],
)
def test_a_header_from_the_title_after_the_year_is_exempt_by_the_printed_title(
    name: str, printed: str, meeting: str
) -> None:
    """Regression: a title naming its meeting after the year ends `dcterms:title` at the
    year, so its header "Hauptkonferenz" inside the meeting's label "Hauptkonferenz der 17.
    IntMK 2022" was refused as furniture. The printed title (intmk:printedTitle) holds the
    whole block; without it the same graph is refused, naming the meeting."""
    graph = emitted(parse_file(TITLES / name))
    document = next(graph.subjects(INTMK.printedTitle, None))
    assert graph.value(document, INTMK.printedTitle) == Literal(printed, lang="de")
    assert str(graph.value(document, DCTERMS.title)).endswith(" IntMK " + printed.split()[8])
    assert "Hauptkonferenz" in set(map(str, graph.objects(document, INTMK.runningHeader)))
    shapes = only_shapes(["NoRunningHeaderShape"])
    assert validate(graph, shapes).results == ()
    graph.remove((document, INTMK.printedTitle, None))
    assert violations(validate(graph, shapes)) == [
        ("NoRunningHeader", URIRef(ID + meeting), RDFS.label)
    ]


def test_a_header_planted_into_a_title_is_refused_naming_the_resource() -> None:
    """019's own footer 'Integrationsministerkonferenz · Mainz 2024' in a resolution title."""
    graph = emitted(parse_file(DAMAGE / "running_headers_019_delegation.txt"))
    resolution = URIRef(ID + "conference/19/resolution/2.1")
    title = graph.value(resolution, DCTERMS.title)
    assert isinstance(title, Literal)
    graph.set(
        (
            resolution,
            DCTERMS.title,
            Literal(f"{title} Integrationsministerkonferenz · Mainz 2024", lang="de"),
        )
    )
    validation = validate(graph, only_shapes(["NoRunningHeaderShape"]))
    assert violations(validation) == [("NoRunningHeader", resolution, DCTERMS.title)]
    assert validation.violations[0].message("en") == (
        f"The value of {DCTERMS.title} contains a running header or footer of its source "
        "document (intmk:runningHeader, intmk:runningFooter)."
    )


def test_a_header_that_is_part_of_the_title_is_not_refused(minutes: Minutes) -> None:
    """'der 18. IntMK 2023' is a header of the seed and words of its title: not furniture
    that can be told from text."""
    graph = emitted(minutes)
    paragraph = URIRef(C18 + "resolution/4.4/paragraph/1")
    graph.add((paragraph, RDFS.comment, Literal("Beschluss der 18. IntMK 2023", lang="de")))
    assert validate(graph, only_shapes(["NoRunningHeaderShape"])).results == ()


# 3. agenda status and heading marks ---------------------------------------------------------

AGENDA = "\n".join(
    [
        "TOP\tThema\tAntragsteller",
        "A\tGenehmigung der Tagesordnung",
        "B\tBericht des Bundes",
        "C\tGrüne Liste",
        "2.1 (GL)\tSprachförderung in Kitas\tBremen",
        "2.2\tBerufsanerkennung beschleunigen\tHamburg",
        "2.3 (GL)\tIntegrationskurse sichern\tBerlin",
        "3\tNeue Wege der Integrationspolitik\tSachsen",
        "4.1\tFamiliennachzug erleichtern Bremen vertagt",  # at the end of the title cell
        "4.2\tSprachkitas erhalten\tBayern\tvertagt",  # in a cell of its own
        "4.3\tHärtefallregelung zur Einbürgerung Hamburg zurückgezogen",  # no Land named
        "4.4\tWohnsitzauflage lockern\tNiedersachsen\tRücknahme Niedersachsen",  # a Land named
        "4.5\tIntegration durch Sport\tBerlin",
        "\t\tzurückgezogen",  # on a continuation line, in the applicant column's cell
    ]
)
SECTIONS = (
    ("2.1 (GL)", "Sprachförderung in Kitas", "Bremen"),
    ("2.2 (GL)", "Berufsanerkennung beschleunigen", "Hamburg"),
    ("2.3", "Integrationskurse sichern", "Berlin"),
)
INLINE = """18. Integrationsminister*innenkonferenz 2023

Hauptkonferenz am 26./27. April 2023 in Wiesbaden

TOP 3 (neu): Neue Wege der Integrationspolitik

Antragsteller: Sachsen

Die IntMK hat einstimmig beschlossen:

Die IntMK nimmt den Bericht zur Kenntnis.
"""


@pytest.fixture(scope="module")
def remarked(tmp_path_factory: pytest.TempPathFactory) -> Minutes:
    text = document(AGENDA, sections=SECTIONS) + "\n" + INLINE
    return parse(tmp_path_factory.mktemp("remarked"), text)


def test_agenda_remarks_are_a_status(remarked: Minutes) -> None:
    found = {
        item.top: (item.status.value if item.status else None, item.withdrawn_by, item.note)
        for item in remarked.agenda
        if item.top.startswith("4.")
    }
    assert found == {
        "4.1": ("postponed", None, None),
        "4.2": ("postponed", None, None),
        "4.3": ("withdrawn", None, None),
        "4.4": ("withdrawn", "DE-NI", None),
        "4.5": ("withdrawn", None, None),
    }
    titles = {item.top: item.title for item in remarked.agenda if item.top.startswith("4.")}
    assert titles["4.1"] == "Familiennachzug erleichtern"
    assert titles["4.3"] == "Härtefallregelung zur Einbürgerung"


def test_the_heading_marks_and_where_they_contradict_the_agenda(remarked: Minutes) -> None:
    marks = {r.top: r.heading_mark for r in remarked.resolutions}
    assert marks == {
        "A": None,
        "B": None,
        "C": None,
        "2.1": "GL",
        "2.2": "GL",
        "2.3": None,
        "3": "neu",
    }
    assert [
        (f.top, f.agenda_value, f.resolution_value)
        for f in remarked.findings
        if f.kind == "green-list-mismatch"
    ] == [
        ("2.2", "2.2", "TOP 2.2 (GL)"),  # the heading says GL, the agenda row does not
        ("2.3", "2.3 (GL)", "TOP 2.3"),  # the agenda says GL; the document marks its headings
    ]


def test_status_marks_and_findings_in_the_graph_conform(remarked: Minutes) -> None:
    c18 = C18
    graph = emitted(remarked)
    status = {
        str(item).removeprefix(c18 + "item/"): str(value).removeprefix(CONCEPT)
        for item, value in graph.subject_objects(INTMK.itemStatus)
    }
    assert status == {
        "4.1": "item-status/postponed",
        "4.2": "item-status/postponed",
        "4.3": "item-status/withdrawn",
        "4.4": "item-status/withdrawn",
        "4.5": "item-status/withdrawn",
    }
    withdrawn = {
        str(item).removeprefix(c18 + "item/")
        for item, flag in graph.subject_objects(INTMK.withdrawn)
        if flag == Literal(True)
    }
    assert withdrawn == {"4.3", "4.4", "4.5"}
    assert list(graph.subject_objects(INTMK.withdrawnBy)) == [
        (URIRef(c18 + "item/4.4"), URIRef(ID + "land/DE-NI"))
    ]
    assert list(graph.subjects(INTMK.agendaNote, None)) == []
    assert sorted(
        (str(s).removeprefix(c18), str(o)) for s, o in graph.subject_objects(INTMK.headingMark)
    ) == [
        ("resolution/2.1", "GL"),
        ("resolution/2.2", "GL"),
        ("resolution/3", "neu"),
    ]
    finding = URIRef(c18 + "finding/2.2-green-list-mismatch")
    assert graph.value(finding, INTMK.findingKind) == URIRef(
        CONCEPT + "finding-kind/green-list-mismatch"
    )
    assert graph.value(finding, INTMK.agendaValue) == Literal("2.2", lang="de")
    assert graph.value(finding, INTMK.resolutionValue) == Literal("TOP 2.2 (GL)", lang="de")
    assert Literal(
        "Item 2.2: Green List marks differ between agenda and resolution section", lang="en"
    ) in set(graph.objects(finding, RDFS.label))
    data = union([graph, reference_graph(URIS, load_wikidata()), ontology_graph(URIS)])
    validation = validate(data, load_shapes(URIS))
    assert validation.violations == ()
    warned = {r.focus for r in validation.results if r.severity == SH.Warning}
    assert {URIRef(c18 + "item/2.2"), URIRef(c18 + "item/2.3")} <= warned


def test_a_row_that_says_both_keeps_the_withdrawal_and_notes_the_postponement() -> None:
    assert item_status(("zurückgezogen", "vertagt"), None) == (ItemStatus.WITHDRAWN, ("vertagt",))
    assert item_status(("siehe TOP 4.1",), "DE-BE") == (ItemStatus.WITHDRAWN, ("siehe TOP 4.1",))
    assert item_status(("siehe TOP 4.1",), None) == (None, ("siehe TOP 4.1",))


def test_a_number_printed_again_gets_its_own_iri(minutes: Minutes) -> None:
    """Numbering that starts again on each page: the second note 1 is `footnote/1-2`."""
    document = read_document(SEED)
    paragraphs = {(r.top, p.position): p.lines for r in minutes.resolutions for p in r.paragraphs}
    first, second = paragraphs[("1.2", 1)].first - 1, paragraphs[("6.4", 1)].first - 1
    notes = (
        DocumentNote(1, "Erste Anmerkung.", first, (first,)),
        DocumentNote(1, "Zweite Anmerkung.", second, (second,)),
    )
    found = minutes_footnotes(replace(document, footnotes=notes), minutes)
    assert [(n.key, n.text, n.annotates) for n in found] == [
        ("1", "Erste Anmerkung.", Annotated("paragraph", "1.2", 1)),
        ("1-2", "Zweite Anmerkung.", Annotated("paragraph", "6.4", 1)),
    ]
    graph = emitted(replace(minutes, footnotes=found))
    assert graph.value(URIRef(C18 + "minutes/footnote/1-2"), INTMK.annotates) == URIRef(
        C18 + "resolution/6.4/paragraph/1"
    )
