"""Every term of the vocabulary is defined where it says, and its German and English texts
are in the language their tag claims (checked by a language detector, Lingua, limited to
German and English)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import pytest
from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from mapping.build import ontology_graph
from mapping.shacl import load_shapes
from mapping.uris import VOCABULARY, Uris
from tests.conftest import BASE, INTMK, ROOT

ONTOLOGY = URIRef(VOCABULARY + "ontology")
SH = "http://www.w3.org/ns/shacl#"
TEXTS = (
    RDFS.label,
    RDFS.comment,
    SKOS.prefLabel,
    SKOS.altLabel,
    SKOS.definition,
    URIRef(SH + "name"),
    URIRef(SH + "description"),
    URIRef(SH + "message"),
)
"""The properties whose tagged literals say something to people."""
LANGUAGES = {"de": Language.GERMAN, "en": Language.ENGLISH}
SURE = 0.9
"""A short text (one or two words, "Land", "Person") may be either language; it fails only
when the detector is this sure of the other one."""
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@cache
def detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*LANGUAGES.values())
        .with_preloaded_language_models()
        .build()
    )


QUOTED = re.compile(r"„[^“]*“|“[^”]*”|\"[^\"]*\"|<[^>]*>|\([^()]*\)|\S*[:/#]\S*")
"""What an English text cites of the minutes (quotes, German glosses in brackets) and
names (IRIs, CURIEs, media types): not the text's own language."""
LOAN_WORDS = re.compile(r"\b(Länder|Land|Bund|Geschäftsstelle|IntMK)\b")
"""German names the English texts use as terms (docs/VOCABULARY.md)."""


def own_words(text: str) -> str:
    """`text` without what it quotes or names."""
    return " ".join(LOAN_WORDS.sub(" ", QUOTED.sub(" ", text)).split())


def wrong_language(text: str, tag: str) -> bool:
    """Whether `text` is not in the language of `tag`: a text of four words or more of its
    own must be detected as it; a shorter one must not be (nearly) certainly the other
    language."""
    claimed = LANGUAGES[tag]
    text = own_words(text)
    if len(text.split()) >= 4:
        return detector().detect_language_of(text) != claimed
    other = next(language for language in LANGUAGES.values() if language != claimed)
    return detector().compute_language_confidence(text, other) >= SURE


def tagged_texts(graph: Graph) -> Iterator[tuple[str, str, str, str]]:
    """(subject, property, text, tag) of every German or English text in `graph`."""
    for predicate in TEXTS:
        for subject, text in graph.subject_objects(predicate):
            if isinstance(text, Literal) and text.language in LANGUAGES:
                yield str(subject), str(predicate), str(text), text.language


def mislabelled(graph: Graph) -> list[tuple[str, str, str, str]]:
    return [found for found in tagged_texts(graph) if wrong_language(found[2], found[3])]


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return ontology_graph(Uris(BASE))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(Uris(BASE))


def concepts_of(graph: Graph) -> list[URIRef]:
    return sorted(c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef))


def own_terms(graph: Graph) -> list[URIRef]:
    found = {s for kind in TERM_KINDS for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(str(INTMK)))


def test_every_term_is_defined_by_the_ontology_and_every_concept_by_its_scheme(
    vocabulary: Graph,
) -> None:
    terms = own_terms(vocabulary)
    # issue 15, decisions: 3 classes, 4 object and 1 datatype property;
    # amounts: UnresolvedAmount, mentionsUnresolvedAmount, perPeriod, forYear
    # addressees: UnresolvedAddressee, OrganisationName, unresolvedAddressee, hasName,
    # listItemLabel, listLevel
    # people: preliminaryChairPerson, isPreliminaryChair, unreadRoleTitle
    # text structure: listLevel (shared with addressees), underItem, hasTable,
    # afterParagraph, hasCell, inColumn
    # addressees (session 11): nameOutsidePeriod; printedTitle; the 2 cell amount properties
    assert (
        len(terms) == 31 + 56 + 49 + 4 + 2 + 6 + 3 + 6 - 1 + 7  # + Office, heldOffice, statedInCell
    )  # issue 15: decisions, amounts, meetings
    assert [t for t in terms if vocabulary.value(t, RDFS.isDefinedBy) != ONTOLOGY] == []
    concepts = concepts_of(vocabulary)
    # issue 15: 6 outcomes, 3 vote choices, a role, 2 finding kinds; meetings:
    # sonderkonferenz, telefonkonferenz, the finding kind unresolved-meeting
    # addressees: forderung, empfehlung, anregung, erwartung, unresolved-addressee
    # people: the finding kind unresolved-role; addressees (session 11): name-outside-period;
    # tables: unread-table
    assert len(concepts) == 28 + 11 + 1 + 3 + 5 + 1 + 1 + 1 + 27  # 26 offices, unresolved-office
    schemes = set(vocabulary.subjects(RDF.type, SKOS.ConceptScheme))
    assert [c for c in concepts if vocabulary.value(c, SKOS.inScheme) not in schemes] == []
    assert [s for s in schemes if vocabulary.value(s, RDFS.isDefinedBy) != ONTOLOGY] == []


def test_every_term_has_one_label_in_german_and_one_in_english(vocabulary: Graph) -> None:
    terms = own_terms(vocabulary) + concepts_of(vocabulary)
    problems = []
    for term in terms:
        label = RDFS.label if term.startswith(str(INTMK)) else SKOS.prefLabel
        tags = sorted(
            str(o.language) for o in vocabulary.objects(term, label) if isinstance(o, Literal)
        )
        if tags != ["de", "en"]:
            problems.append((str(term), tags))
    assert problems == []


def test_the_vocabulary_texts_are_in_the_language_of_their_tag(vocabulary: Graph) -> None:
    texts = list(tagged_texts(vocabulary))
    assert len(texts) > 600
    assert mislabelled(vocabulary) == []


def test_the_shapes_texts_are_in_the_language_of_their_tag(shapes: Graph) -> None:
    texts = list(tagged_texts(shapes))
    assert len(texts) > 600
    assert mislabelled(shapes) == []


def test_the_check_finds_swapped_tags(vocabulary: Graph) -> None:
    """The check can fail: with every tag of the vocabulary swapped, it finds most texts
    (the rest are names and words both languages share)."""
    swapped = Graph()
    for subject, predicate, text, tag in tagged_texts(vocabulary):
        other = "en" if tag == "de" else "de"
        swapped.add((URIRef(subject), URIRef(predicate), Literal(text, lang=other)))
    assert len(mislabelled(swapped)) >= 0.8 * len(swapped)
    assert wrong_language("The resolution the conference adopted on an agenda item.", "de")
    assert not wrong_language("Beschluss der Konferenz zu einem Tagesordnungspunkt", "de")
    assert not wrong_language('The value of the "Veröffentlichung:" field as printed.', "en")


def test_terms_md_lists_every_term_of_the_ontology(vocabulary: Graph) -> None:
    text = (ROOT / "ontology" / "TERMS.md").read_text(encoding="utf-8")
    tables = text.split("## Concept schemes")[0]
    first_cells = re.findall(r"^\| ([^|]+) \|", tables, flags=re.MULTILINE)
    listed = {name.strip() for cell in first_cells for name in cell.split(",")}
    missing = [str(t).removeprefix(str(INTMK)) for t in own_terms(vocabulary)]
    assert [name for name in missing if name not in listed] == []
