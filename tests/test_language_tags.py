"""Language tags that tell the truth: German text is tagged @de and never stands in an
@en literal, every label comes in both languages where an English one exists, validation
messages carry the tag of the message they were made from, formats are media types.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAM, DCAT, DCTERMS, RDF, RDFS, SH
from rdflib.term import Node

from mapping.emit import MinutesEmitter
from mapping.errors import SourceError
from mapping.organisations import ORGANISATIONS
from mapping.parse_document import parse_file
from mapping.places import english_place_name, load_places
from mapping.shacl import Templates, load_shapes, tag_messages, validate
from mapping.uris import Uris
from tests.conftest import BASE, ID, INTMK, asserted

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
MINUTES_GRAPH = URIRef(ID + "conference/18/graph")
C18 = ID + "conference/18/"
IANA = "https://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"

# properties whose @de values are the words of the minutes themselves
SOURCE_TEXT = (
    DCTERMS.title,
    INTMK.text,
    INTMK.fullText,
    INTMK.sentence,
    INTMK.requestedAction,
    INTMK.agendaValue,
    INTMK.resolutionValue,
    INTMK.voteStatement,
    INTMK.releaseStatement,
    INTMK.agendaNote,
    INTMK.roleTitle,
)


@pytest.fixture(scope="module")
def minutes_graph(dataset: Dataset) -> Graph:
    """The named graph of the seed minutes alone."""
    return dataset.graph(MINUTES_GRAPH)


def tagged(graph: Graph, subject: Node, predicate: URIRef, language: str | None) -> list[str]:
    return sorted(
        str(o)
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language == language
    )


def german_source_texts(graph: Graph) -> set[str]:
    """Every German text of the minutes: what the source says, and the German names
    that have no English label (organisations read from the minutes, statutes)."""
    texts = {
        str(o)
        for predicate in SOURCE_TEXT
        for o in graph.objects(None, predicate)
        if isinstance(o, Literal) and o.language == "de"
    }
    for subject in set(graph.subjects(RDFS.label, None)):
        if not tagged(graph, subject, RDFS.label, "en"):
            texts.update(tagged(graph, subject, RDFS.label, "de"))
    return texts


def quotes(text: str, german: set[str]) -> bool:
    """Whether `text` contains one of the German texts as whole words: the role title
    "Minister" is German, the "Ministers" of an English name are not."""
    return any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text) for t in german if t in text)


def english_literals(graph: Graph) -> list[tuple[Node, URIRef, str]]:
    return [
        (s, p, str(o))
        for s, p, o in graph
        if isinstance(o, Literal) and o.language == "en" and isinstance(p, URIRef)
    ]


def test_the_minutes_give_german_texts_to_look_for(minutes_graph: Graph) -> None:
    texts = german_source_texts(minutes_graph)
    assert (
        "Angemessene Beteiligung des Bundes an den Aufwendungen der Länder und Kommunen "
        "für Integrationsmaßnahmen" in texts
    )
    # 308 since issue 15: the minutes no longer label the 8 organisations the registry knows
    # (the registry labels them in both languages); the Forderung of TOP 7.1 adds its
    # sentence and its action
    assert len(texts) == 308


def test_no_english_literal_of_the_minutes_contains_german_text_from_them(
    minutes_graph: Graph,
) -> None:
    texts = german_source_texts(minutes_graph)
    english = english_literals(minutes_graph)
    assert len(english) == 617  # 38 of them name the addressees of requests; + TOP 7.1/2
    offending = [(str(s), str(p), text) for s, p, text in english if quotes(text, texts)]
    assert offending == []


def test_no_english_label_contains_the_german_title_of_its_resource(graph: Graph) -> None:
    titled = [
        (s, str(t))
        for s, t in graph.subject_objects(DCTERMS.title)
        if isinstance(t, Literal) and t.language == "de"
    ]
    assert len(titled) > 70
    quoting = [
        (str(s), label)
        for s, title in titled
        for label in tagged(graph, s, RDFS.label, "en")
        if title in label
    ]
    assert quoting == []


def test_items_and_resolutions_say_their_title_in_german_only(graph: Graph) -> None:
    title = (
        "Angemessene Beteiligung des Bundes an den Aufwendungen der Länder und Kommunen für "
        "Integrationsmaßnahmen"
    )
    item, resolution = URIRef(C18 + "item/4.1"), URIRef(C18 + "resolution/4.1")
    assert tagged(graph, item, DCTERMS.title, "de") == [title]
    assert tagged(graph, item, RDFS.label, "de") == [f"TOP 4.1: {title}"]
    assert tagged(graph, item, RDFS.label, "en") == ["Item 4.1 of the 18th IntMK"]
    assert tagged(graph, resolution, RDFS.label, "de") == [f"Beschluss zu TOP 4.1: {title}"]
    assert tagged(graph, resolution, RDFS.label, "en") == [
        "Resolution on item 4.1 of the 18th IntMK"
    ]


def test_a_title_finding_quotes_the_titles_only_in_german(graph: Graph) -> None:
    finding = URIRef(C18 + "finding/4.6-title-mismatch")
    agenda = tagged(graph, finding, INTMK.agendaValue, "de")
    resolution = tagged(graph, finding, INTMK.resolutionValue, "de")
    assert len(agenda) == len(resolution) == 1
    (german,) = tagged(graph, finding, RDFS.comment, "de")
    assert agenda[0] in german and resolution[0] in german
    assert tagged(graph, finding, RDFS.comment, "en") == [
        "The agenda and the resolution section title item 4.6 differently; both German "
        "titles are recorded as the agenda value and the resolution value."
    ]


def german_only_expected(graph: Graph) -> set[Node]:
    """What keeps its German name alone: organisations the minutes name that the reference
    data does not know (no checked English name), and the statutes and EU acts cited."""
    known = {Uris(BASE).organisation(org.key) for org in ORGANISATIONS}
    laender = set(graph.subjects(RDF.type, INTMK.Land))  # an addressee, named in both
    organisations = {
        s for s in graph.subjects(RDF.type, INTMK.Organisation) if s not in known | laender
    } & set(graph.subjects(RDFS.label, None))
    return organisations | set(graph.objects(None, INTMK.citesLaw))


def test_every_label_is_german_and_english_where_an_english_one_exists(graph: Graph) -> None:
    untagged, german_only, problems = set(), set(), []
    for subject in set(graph.subjects(RDFS.label, None)):
        labels = [o for o in graph.objects(subject, RDFS.label) if isinstance(o, Literal)]
        languages = sorted(o.language or "" for o in labels)
        if languages == [""]:  # a person's name, a media type: names in no language
            untagged.add(subject)
        elif languages == ["de"]:
            german_only.add(subject)
        elif languages != ["de", "en"]:
            problems.append((str(subject), languages))
    assert problems == []
    assert german_only == german_only_expected(graph)
    assert len(german_only) == 18  # 16 organisations of the Länder, 2 laws
    assert untagged == set(graph.subjects(RDF.type, INTMK.Person)) | {URIRef(IANA + "text/plain")}


def test_amounts_are_labelled_in_english_notation(graph: Graph) -> None:
    amount = URIRef(C18 + "resolution/1.4/paragraph/4/amount/1")
    assert tagged(graph, amount, RDFS.label, "de") == ["ca. 512.000 EUR"]
    assert tagged(graph, amount, RDFS.label, "en") == ["about EUR 512,000"]
    exact = URIRef(C18 + "resolution/3/paragraph/2/amount/2")
    assert tagged(graph, exact, RDFS.label, "de") == ["neun Millionen Euro"]
    assert tagged(graph, exact, RDFS.label, "en") == ["EUR 9,000,000"]


# places ---------------------------------------------------------------------------------


def test_the_seed_place_is_named_in_both_languages(graph: Graph) -> None:
    wiesbaden = URIRef(ID + "place/wiesbaden")
    assert tagged(graph, wiesbaden, RDFS.label, "de") == ["Wiesbaden"]
    assert tagged(graph, wiesbaden, RDFS.label, "en") == ["Wiesbaden"]


def test_the_place_table_gives_english_names_and_guesses_none() -> None:
    assert english_place_name("München") == "Munich"
    assert english_place_name("Mainz") == "Mainz"
    assert english_place_name("Ludwigsburg") is None  # no row: no English name
    assert english_place_name("Muenchen") is None  # a row is for the name it gives
    assert {row.english for row in load_places().values()} >= {"Wiesbaden", "Munich"}


def place_labels(document: str, place: str) -> dict[str | None, list[str]]:
    graph = MinutesEmitter(parse_file(DOCUMENTS / document), Uris(BASE), {}).graph()
    uri = URIRef(ID + f"place/{place}")
    return {lang: tagged(graph, uri, RDFS.label, lang) for lang in ("de", "en")}


def test_a_place_in_the_table_gets_its_english_name_one_without_keeps_its_german() -> None:
    assert place_labels("019_intmk_2024.txt", "mainz") == {"de": ["Mainz"], "en": ["Mainz"]}
    assert place_labels("017_intmk_2022.txt", "ludwigsburg") == {"de": ["Ludwigsburg"], "en": []}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("place-muenchen\tMünchen\t\tsome evidence", "empty label_en"),
        ("place-munich\tMünchen\tMunich\tsome evidence", "key 'place-munich' for 'München'"),
        ("place-muenchen\tMünchen\tMunich\t", "empty evidence"),
    ],
)
def test_a_bad_row_of_the_place_table_is_refused(tmp_path: Path, row: str, problem: str) -> None:
    table = tmp_path / "places.tsv"
    table.write_text("key\tlabel_de\tlabel_en\tevidence\n" + row + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_places(table)
    assert error.value.line == 2
    assert error.value.problem == problem


# validation messages --------------------------------------------------------------------


def test_every_message_of_the_published_report_has_its_language(
    built: Path, dataset: Dataset
) -> None:
    report = Graph().parse(built / "validation-report.ttl", format="turtle")
    shapes = load_shapes(Uris(BASE))
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert len(results) == 10  # + the note on the Forderung of TOP 7.1 (no addressee named)
    for result in results:
        messages = [m for m in report.objects(result, SH.resultMessage)]
        assert all(isinstance(m, Literal) for m in messages)
        german = [m for m in messages if isinstance(m, Literal) and m.language == "de"]
        english = [m for m in messages if isinstance(m, Literal) and m.language == "en"]
        assert len(german) == len(english) >= 1 and len(german) + len(english) == len(messages)
        sources = [report.value(result, SH.sourceConstraint), report.value(result, SH.sourceShape)]
        own = [m for s in sources if s is not None for m in shapes.objects(s, SH.message)]
        for message in german + english:
            template = Templates(own).match(str(message))
            assert template is not None and template.language == message.language, message
    # the named graph the server serves is the same report
    served = dataset.graph(URIRef(ID + "validation-report"))
    languages = {
        m.language for m in served.objects(None, SH.resultMessage) if isinstance(m, Literal)
    }
    assert languages == {"de", "en"}


def test_a_results_messages_are_filled_in_in_both_languages(dataset: Dataset) -> None:
    validation = validate(asserted(dataset), load_shapes(Uris(BASE)))
    result = next(r for r in validation.results if r.focus == URIRef(C18 + "item/4.6"))
    finding = C18 + "finding/4.6-title-mismatch"
    assert result.message("de").endswith(f"Befund {finding}).")
    assert result.message("en").endswith(f"finding {finding}).")
    assert {m.language for m in result.messages} == {"de", "en"}


EX = Namespace("http://example.org/")
TINY_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:Tagged a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:number ; sh:datatype xsd:integer ;
        sh:message "Die Zahl ist keine ganze Zahl."@de ,
                   "The number is not an integer."@en ] .
ex:Counted a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:sparql [ a sh:SPARQLConstraint ;
        sh:message "Der Name {?value} ist zu kurz."@de , "The name {?value} is too short."@en ;
        sh:select '''SELECT $this ?value WHERE {
            $this <http://example.org/nick> ?value . FILTER (STRLEN(?value) < 3) }''' ] .
ex:Untold a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""


def test_messages_take_their_shapes_tag_and_pyshacls_own_are_english() -> None:
    shapes = Graph().parse(data=TINY_SHAPES, format="turtle")
    data = Graph()
    data.add((EX.thing, RDF.type, EX.Thing))
    data.add((EX.thing, EX.number, Literal("three")))
    data.add((EX.thing, EX.nick, Literal("Al")))
    validation = validate(data, shapes)
    messages = {
        (str(m), m.language)
        for m in validation.report.objects(None, SH.resultMessage)
        if isinstance(m, Literal)
    }
    assert ("Die Zahl ist keine ganze Zahl.", "de") in messages
    assert ("The number is not an integer.", "en") in messages
    assert ("Der Name Al ist zu kurz.", "de") in messages  # pyshacl filled in {?value}
    assert ("The name Al is too short.", "en") in messages
    untold = [m for m in messages if "ex:name" in m[0] or str(EX.name) in m[0]]
    assert len(untold) == 1 and untold[0][1] == "en"  # pyshacl's "Less than 1 values on …"
    assert all(language in ("de", "en") for _, language in messages)
    assert len(messages) == 5


def test_tagging_leaves_a_tagged_message_as_it_is() -> None:
    report = Graph()
    node = EX.result
    report.add((node, RDF.type, SH.ValidationResult))
    report.add((node, SH.resultMessage, Literal("Schon markiert.", lang="de")))
    tag_messages(report, Graph())
    assert list(report.objects(node, SH.resultMessage)) == [Literal("Schon markiert.", lang="de")]


# dcterms:format -------------------------------------------------------------------------


def test_every_format_is_the_iri_of_a_media_type(graph: Graph, built: Path) -> None:
    description = Graph().parse(built / "dataset.ttl", format="turtle")
    formats = list(graph.objects(None, DCTERMS.format)) + list(
        description.objects(None, DCTERMS.format)
    )
    assert len(formats) == 19  # the text version, 2 dumps, 16 bodies of the 8 findings
    assert all(isinstance(f, URIRef) for f in formats)
    minutes = URIRef(C18 + "minutes")
    plain = URIRef(IANA + "text/plain")
    assert list(graph.objects(minutes, DCTERMS.format)) == [plain]
    assert set(graph.predicate_objects(plain)) == {
        (RDF.type, DCTERMS.MediaType),
        (DCAM.memberOf, DCTERMS.IMT),
        (RDF.value, Literal("text/plain")),
        (RDFS.label, Literal("text/plain")),
    }
    # the dumps: dct:format from the EU file-type table (as DCAT-AP.de requires), the
    # media type as an IANA IRI described in the same graph
    assert sorted(str(f) for f in description.objects(None, DCTERMS.format)) == [
        FILE_TYPE + "RDF_N_QUADS",
        FILE_TYPE + "RDF_TURTLE",
    ]
    media = set(description.objects(None, DCAT.mediaType)) | set(
        description.objects(None, DCAT.compressFormat)
    )
    assert sorted(str(m) for m in media) == [
        IANA + "application/gzip",
        IANA + "application/n-quads",
        IANA + "text/turtle",
    ]
    for iri in media:
        assert description.value(iri, RDF.type) == DCTERMS.MediaType
        assert str(iri) == IANA + str(description.value(iri, RDF.value))
