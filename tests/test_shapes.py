"""Every shape bites: break the valid graph one way at a time and see exactly that shape fire."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from mapping.shacl import Validation, load_shapes, validate
from mapping.uris import Uris
from mapping.vocabulary import OA
from tests.conftest import BASE, CONCEPT, ID, INTMK, asserted

C18 = ID + "conference/18/"
SHAPES = "https://w3id.org/intmk/shapes#"
MARGIN = "decision-margin/"
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
IANA = "https://www.iana.org/assignments/media-types/"
Key = tuple[Node, Node, URIRef]  # constraint that fired, focus node, severity


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return load_shapes(Uris(BASE))


@pytest.fixture(scope="session")
def valid(built: Path) -> Graph:
    """The published graph without its own validation report."""
    dataset = Dataset()
    dataset.parse(built / "intmk.nq", format="nquads")
    return asserted(dataset)


@pytest.fixture(scope="session")
def baseline(valid: Graph, shapes: Graph) -> Validation:
    return validate(valid, shapes)


def keys(validation: Validation) -> set[Key]:
    return {(r.shape, r.focus, r.severity) for r in validation.results}


def test_the_valid_graph_conforms_with_zero_violations(baseline: Validation) -> None:
    assert baseline.conforms
    assert baseline.violations == ()


def test_the_source_problems_are_warnings(baseline: Validation) -> None:
    warnings = {r.focus for r in baseline.results if r.severity == SH.Warning}
    items = {
        URIRef(C18 + f"item/{top}")
        for top in ("A", "1.1", "1.2", "1.3", "4.1", "4.4", "4.6", "7.4")
    }
    assert items <= warnings


def test_notes_are_infos(baseline: Validation) -> None:
    infos = {r.focus for r in baseline.results if r.severity == SH.Info}
    assert URIRef(C18 + "resolution/5.1/request/7") in infos


def remove(s: str, p: URIRef) -> Callable[[Graph], object]:
    return lambda g: g.remove((URIRef(s), p, None))


def add(s: str, p: URIRef, o: Node) -> Callable[[Graph], object]:
    return lambda g: g.add((URIRef(s), p, o))


def replace(s: str, p: URIRef, o: Node) -> Callable[[Graph], object]:
    return lambda g: g.set((URIRef(s), p, o))


def swap_paragraph_numbers(g: Graph) -> None:
    g.set(
        (
            URIRef(C18 + "resolution/4.4/paragraph/1"),
            INTMK.paragraphNumber,
            Literal(2, datatype=XSD.integer),
        )
    )
    g.set(
        (
            URIRef(C18 + "resolution/4.4/paragraph/2"),
            INTMK.paragraphNumber,
            Literal(1, datatype=XSD.integer),
        )
    )


def copy_resource(g: Graph, original: str, copy: str, skip: tuple[URIRef, ...] = ()) -> None:
    """Give `copy` every statement `original` has (but those in skip)."""
    for _, p, o in list(g.triples((URIRef(original), None, None))):
        if p not in skip:
            g.add((URIRef(copy), p, o))


def duplicate_top(g: Graph) -> None:
    """A complete second item with the TOP number 4.1 (without applicants or resolution)."""
    copy_resource(g, C18 + "item/4.1", C18 + "item/4.1b", (INTMK.hasApplicant, INTMK.hasResolution))
    g.add((URIRef(C18.rstrip("/")), INTMK.hasAgendaItem, URIRef(C18 + "item/4.1b")))


def residue_in_label(make: Callable[[str], str]) -> Callable[[Graph], None]:
    """The German label of item 4.1 with residue of the conversion put in."""

    def breakage(g: Graph) -> None:
        item = URIRef(C18 + "item/4.1")
        german = next(
            o for o in g.objects(item, RDFS.label) if isinstance(o, Literal) and o.language == "de"
        )
        g.remove((item, RDFS.label, german))
        g.add((item, RDFS.label, Literal(make(str(german)), lang="de")))

    return breakage


# what a PDF conversion leaves in a text: each must be caught by NoConversionResidue
RESIDUE: dict[str, Callable[[str], str]] = {
    "bold marks": lambda text: f"**{text}**",
    "a soft hyphen": lambda text: text.replace("ung", "un\u00adg", 1),
    "a ligature": lambda text: text.replace("f", "\ufb01", 1) if "f" in text else "\ufb01" + text,
    "a zero-width space": lambda text: text.replace(" ", "\u200b ", 1),
    "a page number": lambda text: f"{text} Seite 3 von 40",
    "a fused footnote marker": lambda text: re.sub(r"([a-zäöüß]{3}) ", r"\g<1>1 ", text, count=1),
}


def header_in_text(g: Graph) -> None:
    """One of the seed's learned running headers planted into a paragraph's text."""
    paragraph = URIRef(C18 + "resolution/4.4/paragraph/1")
    text = g.value(paragraph, INTMK.text)
    g.set(
        (
            paragraph,
            INTMK.text,
            Literal(f"{text} 18. Integrationsminister*innenkonferenz 2023 weiter", lang="de"),
        )
    )


PROV_DERIVED_FROM = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
PROV_PRIMARY_SOURCE = URIRef("http://www.w3.org/ns/prov#hadPrimarySource")
SOURCE = BASE + "dumps/sources/000_7e277fc99396a581.txt"


def without_body_format(finding: str) -> Callable[[Graph], None]:
    """The finding's bodies lose their dcterms:format."""

    def breakage(g: Graph) -> None:
        for body in list(g.objects(URIRef(finding), OA.hasBody)):
            g.remove((body, URIRef(DCTERMS + "format"), None))

    return breakage


RECORDED_IN = URIRef(SCHEMA + "recordedIn")


def header_in_meeting_label(g: Graph) -> None:
    """A learned running header in a meeting's German label: a meeting is checked like the
    resources derived from the document, through schema:recordedIn."""
    meeting = URIRef(C18 + "meeting/hauptkonferenz")
    german = next(
        o for o in g.objects(meeting, RDFS.label) if isinstance(o, Literal) and o.language == "de"
    )
    g.remove((meeting, RDFS.label, german))
    header = "18. Integrationsminister*innenkonferenz 2023"
    g.add((meeting, RDFS.label, Literal(f"{german} ({header})", lang="de")))


def remove_participations(request: str) -> Callable[[Graph], None]:
    """The request's addressee participations gone, the shortcut intmk:addressee kept."""

    def breakage(g: Graph) -> None:
        for participation in list(g.objects(URIRef(request), INTMK.hasAddresseeParticipation)):
            g.remove((participation, None, None))
        g.remove((URIRef(request), INTMK.hasAddresseeParticipation, None))

    return breakage


def remove_addressees(request: str) -> Callable[[Graph], None]:
    """No addressee at all: neither the shortcut nor the addressee participations."""
    without_participations = remove_participations(request)

    def breakage(g: Graph) -> None:
        without_participations(g)
        g.remove((URIRef(request), INTMK.addressee, None))

    return breakage


def ministry_in_whose_name(g: Graph) -> None:
    """A delegate said to take part in the name of the Land's ministry too (the old model)."""
    participation = URIRef(C18 + "participation/ute-leidig")
    ministry = g.value(participation, INTMK.onBehalfOf)
    assert ministry is not None
    g.add((participation, ELI_DL.participation_in_name_of, ministry))


BREAKAGES: dict[str, tuple[Callable[[Graph], object], str, str]] = {
    "resolution without outcome": (
        remove(C18 + "resolution/4.4", INTMK.outcome),
        "Resolution-outcome",
        C18 + "resolution/4.4",
    ),
    "two outcomes": (
        add(C18 + "resolution/4.4", INTMK.outcome, URIRef(CONCEPT + "outcome/einstimmig")),
        "Resolution-outcome",
        C18 + "resolution/4.4",
    ),
    "margin of a noted resolution": (
        add(
            C18 + "resolution/1.1",
            INTMK.decisionMargin,
            URIRef(CONCEPT + "decision-margin/einstimmig"),
        ),
        "Resolution-marginOfAdoption",
        C18 + "resolution/1.1",
    ),
    "deprecated outcome": (
        replace(C18 + "resolution/1.1", INTMK.outcome, URIRef(CONCEPT + "outcome/einstimmig")),
        "Resolution-outcome",
        C18 + "resolution/1.1",
    ),
    "delegate in the name of a ministry": (
        ministry_in_whose_name,
        "Participation-oneInNameOf",
        C18 + "participation/ute-leidig",
    ),
    "addressee without its participation": (
        remove_participations(C18 + "resolution/6.4/request/1"),
        "Request-addresseeParticipations",
        C18 + "resolution/6.4/request/1",
    ),
    "applicant without its role": (
        remove(C18 + "item/4.4/applicant/DE-BE", INTMK.participationRole),
        "Applicant-participationRole",
        C18 + "item/4.4/applicant/DE-BE",
    ),
    "conference of another body": (
        replace(ID + "conference/18", INTMK.conferenceOf, URIRef(ID + "organisation/kmk")),
        "Conference-conferenceOf",
        ID + "conference/18",
    ),
    "request without addressee": (
        remove_addressees(C18 + "resolution/6.4/request/1"),
        # issue 15: a request may name no addressee only when it is marked implicit
        "Request-someAddressee",
        C18 + "resolution/6.4/request/1",
    ),
    "applicant that is not a Land": (
        replace(
            C18 + "item/4.1/applicant/DE-NW", INTMK.applicantLand, URIRef(ID + "organisation/bund")
        ),
        "Applicant-applicantLand",
        C18 + "item/4.1/applicant/DE-NW",
    ),
    "date that is not an xsd:date": (
        replace(
            C18 + "meeting/hauptkonferenz", URIRef(SCHEMA + "startDate"), Literal("26.04.2023")
        ),
        "Meeting-startDate",
        C18 + "meeting/hauptkonferenz",
    ),
    "duplicate TOP number in a conference": (
        duplicate_top,
        "Conference-uniqueTopNumbers",
        C18.rstrip("/"),
    ),
    "paragraph out of order": (
        swap_paragraph_numbers,
        "Resolution-paragraphOrder",
        C18 + "resolution/4.4",
    ),
    "amount without currency": (
        remove(C18 + "resolution/4.3/paragraph/2/amount/1", URIRef(SCHEMA + "currency")),
        "MonetaryAmount-currency",
        C18 + "resolution/4.3/paragraph/2/amount/1",
    ),
    **{
        f"literal with {residue}": (residue_in_label(make), "NoConversionResidue", C18 + "item/4.1")
        for residue, make in RESIDUE.items()
    },
    "literal with a running header of its document": (
        header_in_text,
        "NoRunningHeader",
        C18 + "resolution/4.4/paragraph/1",
    ),
    "withdrawn item without its status": (
        remove(C18 + "item/4.2", INTMK.itemStatus),
        "AgendaItem-withdrawnStatus",
        C18 + "item/4.2",
    ),
    "item status outside its scheme": (
        add(C18 + "item/4.1", INTMK.itemStatus, URIRef(CONCEPT + "item-status/abgesetzt")),
        "AgendaItem-itemStatus",
        C18 + "item/4.1",
    ),
    "heading mark with its brackets": (
        add(C18 + "resolution/4.4", INTMK.headingMark, Literal("(GL)")),
        "Resolution-headingMark",
        C18 + "resolution/4.4",
    ),
    "URI outside the scheme": (
        lambda g: copy_resource(g, ID + "person/kai-klose", ID + "bogus/kai-klose"),
        "UriScheme",
        ID + "bogus/kai-klose",
    ),
    "a conference derived from its minutes (an event: prov:Activity, not prov:Entity)": (
        add(C18.rstrip("/"), PROV_DERIVED_FROM, URIRef(C18 + "minutes")),
        "Conference-derivedFrom",
        C18.rstrip("/"),
    ),
    "a meeting derived from its minutes (an event: prov:Activity, not prov:Entity)": (
        add(C18 + "meeting/vorkonferenz", PROV_DERIVED_FROM, URIRef(C18 + "minutes")),
        "Meeting-derivedFrom",
        C18 + "meeting/vorkonferenz",
    ),
    "a meeting not recorded in its minutes": (
        remove(C18 + "meeting/vorkonferenz", RECORDED_IN),
        "Meeting-recordedIn",
        C18 + "meeting/vorkonferenz",
    ),
    "a running header in the label of a meeting": (
        header_in_meeting_label,
        "NoRunningHeader",
        C18 + "meeting/hauptkonferenz",
    ),
    "resolution date that is not an xsd:date": (
        replace(C18 + "resolution/4.1", URIRef(DCTERMS + "date"), Literal("2023-03-29")),
        "Resolution-date",
        C18 + "resolution/4.1",
    ),
    "format as a string instead of a media type": (
        replace(C18 + "minutes", URIRef(DCTERMS + "format"), Literal("text/plain")),
        "SourceDocument-format",
        C18 + "minutes",
    ),
    "media type whose IRI is not its name": (
        replace(IANA + "text/plain", RDF.value, Literal("text/html")),
        "MediaType-iri",
        IANA + "text/plain",
    ),
    # the model before 0.3.0: the honorific and form of address on the timeless person
    "a person with an honorific": (
        add(ID + "person/ute-leidig", URIRef(SCHEMA + "honorificPrefix"), Literal("Dr.")),
        "Person-honorificPrefix",
        ID + "person/ute-leidig",
    ),
    "a person with a form of address": (
        add(ID + "person/ute-leidig", INTMK.formOfAddress, Literal("Frau")),
        "Person-formOfAddress",
        ID + "person/ute-leidig",
    ),
    "a participation with two honorifics": (
        add(C18 + "participation/ute-leidig", INTMK.participantHonorific, Literal("Prof. Dr.")),
        "Participation-honorific",
        C18 + "participation/ute-leidig",
    ),
    "a line number stated beside the line fragment": (
        add(C18 + "item/4.1", INTMK.firstLine, Literal(237, datatype=XSD.integer)),
        "LineFragment-firstLine",
        C18 + "item/4.1",
    ),
    "a line fragment that names no line": (
        replace(C18 + "item/4.1", URIRef(DCTERMS + "source"), URIRef(SOURCE + "#line=237,237")),
        "LineFragment-range",
        C18 + "item/4.1",
    ),
    "a line fragment past the end of the document": (
        replace(C18 + "item/4.1", URIRef(DCTERMS + "source"), URIRef(SOURCE + "#line=236,900")),
        "SourceDocument-lineRange",
        C18 + "minutes",
    ),
    "a source passage without line fragment": (
        replace(C18 + "item/4.1", URIRef(DCTERMS + "source"), URIRef(SOURCE)),
        "AgendaItem-source",
        C18 + "item/4.1",
    ),
    "the meeting's date as the date of the minutes": (
        add(C18 + "minutes", URIRef(DCTERMS + "date"), Literal("2023-04-27", datatype=XSD.date)),
        "SourceDocument-date",
        C18 + "minutes",
    ),
    "minutes without their primary source": (
        remove(C18 + "minutes", PROV_PRIMARY_SOURCE),
        "SourceDocument-primarySource",
        C18 + "minutes",
    ),
    "a published version without its title": (
        remove(C18 + "minutes/publication", URIRef(DCTERMS + "title")),
        "Publication-title",
        C18 + "minutes/publication",
    ),
    "a finding motivated by something other than quality assessment": (
        replace(C18 + "finding/4.1-applicant-mismatch", OA.motivatedBy, OA.assessing),
        "DataQualityFinding-motivatedBy",
        C18 + "finding/4.1-applicant-mismatch",
    ),
    "a finding without body": (
        remove(C18 + "finding/4.1-applicant-mismatch", OA.hasBody),
        "DataQualityFinding-hasBody",
        C18 + "finding/4.1-applicant-mismatch",
    ),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_exactly_the_intended_shape_fires(
    name: str, valid: Graph, shapes: Graph, baseline: Validation
) -> None:
    breakage, shape, focus = BREAKAGES[name]
    broken = Graph()
    for triple in valid:
        broken.add(triple)
    breakage(broken)
    validation = validate(broken, shapes)
    new = keys(validation) - keys(baseline)
    assert new == {(URIRef(SHAPES + shape), URIRef(focus), SH.Violation)}
    assert not validation.conforms


def test_a_body_without_its_format_is_refused(
    valid: Graph, shapes: Graph, baseline: Validation
) -> None:
    """A finding's bodies (blank nodes) lose their dcterms:format: each is reported."""
    finding = C18 + "finding/4.1-applicant-mismatch"
    broken = Graph()
    for triple in valid:
        broken.add(triple)
    without_body_format(finding)(broken)
    new = keys(validate(broken, shapes)) - keys(baseline)
    bodies = set(valid.objects(URIRef(finding), OA.hasBody))
    assert len(bodies) == 2
    assert new == {(URIRef(SHAPES + "TextualBody-format"), b, SH.Violation) for b in bodies}


def test_every_class_of_the_ontology_has_a_node_shape(valid: Graph, shapes: Graph) -> None:
    classes = {
        c
        for c in valid.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and c.startswith(INTMK)
    }
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()
    assert len(classes) >= 22


def test_every_shape_is_named_described_and_speaks_german_and_english(shapes: Graph) -> None:
    shape_nodes = {s for s in shapes.subjects(RDF.type, SH.NodeShape)}
    shape_nodes |= {o for o in shapes.objects(None, SH.property)}
    shape_nodes |= {o for o in shapes.objects(None, SH.sparql)}
    missing = []
    for node in shape_nodes:
        for predicate in (SH.name, SH.description, SH.message):
            languages = {
                o.language for o in shapes.objects(node, predicate) if isinstance(o, Literal)
            }
            if not {"de", "en"} <= languages:
                missing.append((str(node), str(predicate)))
    assert missing == []
    assert len(shape_nodes) > 60
