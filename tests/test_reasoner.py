"""The published graph is consistent under OWL 2 RL: owlrl over the ontology, the concept
schemes, the data, the dataset description and the axioms of the external vocabularies
(tests/fixtures/external/: PROV-O, FOAF, ORG, SKOS, DQV, Web Annotation, Dublin Core, DCAT,
VoID) finds no inconsistency; and it does find the ones the model could have, such as the
one it had (a conference, a prov:Activity, that was prov:wasDerivedFrom its minutes).

About a minute of owlrl: listed in the Makefile's SLOW_TESTS (not in `make test-fast`)."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS

from mapping.build import ontology_graph
from mapping.uris import Uris
from tests.conftest import BASE, CONCEPT, ID, INTMK

EXTERNAL = Path(__file__).resolve().parent / "fixtures" / "external"
VOCABULARIES = ("prov", "foaf", "org", "skos", "dqv", "oa", "dcterms", "dcat", "void")
# owlrl never raises on an inconsistency: it adds `[] a err:ErrorMessage ; err:error "…"`
# to the graph for each one (owlrl/Closure.py), e.g. "Disjoint classes … have a common
# individual …" (rule cax-dw), "… is defined of type 'Nothing'" (cls-nothing2, so a member
# of owl:Nothing is reported too), "Erroneous usage of disjoint properties …" (prp-pdw),
# "Lexical value of the literal … does not match its datatype …".
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
C18 = ID + "conference/18"
MINUTES = URIRef(C18 + "/minutes")


def external_axioms() -> Graph:
    """The axioms of the external vocabularies: their official RDF (tests/fixtures/external/
    *.nq) and the SKOS integrity conditions they state only in prose (axioms.ttl).

    Left out are the vocabularies' own annotations, every literal value of a property outside
    the OWL and RDF namespaces (labels, comments, definitions, dates): they entail nothing
    about our data and would double the reasoner's time. OWL's literals (cardinalities)
    stay.
    """
    graph = Graph()
    for name in VOCABULARIES:
        vocabulary = Dataset()
        vocabulary.parse(EXTERNAL / f"{name}.nq", format="nquads")
        for s, p, o, _ in vocabulary.quads():
            if isinstance(o, Literal) and not str(p).startswith((str(OWL), str(RDF))):
                continue
            graph.add((s, p, o))
    graph.parse(EXTERNAL / "axioms.ttl", format="turtle")
    return graph


@pytest.fixture(scope="module")
def axioms() -> Graph:
    return external_axioms()


def inconsistencies(graph: Graph) -> list[str]:
    """Expand `graph` in place to its OWL 2 RL closure; the inconsistencies owlrl found."""
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return sorted(
        str(message)
        for report in graph.subjects(RDF.type, ERR.ErrorMessage)
        for message in graph.objects(report, ERR.error)
    )


def union(*graphs: Graph) -> Graph:
    merged = Graph()
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


@pytest.fixture(scope="module")
def closure(graph: Graph, built: Path, axioms: Graph) -> tuple[Graph, list[str]]:
    """The seed's build, every named graph of intmk.nq (ontology, concept schemes, reference
    data, the minutes, the validation report) and dataset.nq (the dataset description), with
    the external axioms, expanded once."""
    description = Dataset()
    description.parse(built / "dataset.nq", format="nquads")
    data = union(graph, axioms)
    for s, p, o, _ in description.quads():
        data.add((s, p, o))
    return data, inconsistencies(data)


def test_the_published_graph_is_consistent_under_owl_rl(closure: tuple[Graph, list[str]]) -> None:
    _, found = closure
    assert found == []


def test_the_reasoner_saw_the_external_axioms(closure: tuple[Graph, list[str]]) -> None:
    """Not vacuous: the closure holds what PROV-O, ORG and FOAF entail about our data."""
    entailed, _ = closure
    conference, meeting = URIRef(C18), URIRef(C18 + "/meeting/hauptkonferenz")
    item, land = URIRef(C18 + "/item/4.1"), URIRef(ID + "land/DE-HE")
    assert (conference, RDF.type, PROV.Activity) in entailed  # Conference ⊑ prov:Activity
    assert (meeting, RDF.type, PROV.Activity) in entailed
    assert (item, RDF.type, PROV.Entity) in entailed  # the domain of prov:wasDerivedFrom
    assert (MINUTES, RDF.type, PROV.Entity) in entailed  # its range
    assert (conference, RDF.type, PROV.Entity) not in entailed
    assert (meeting, RDF.type, PROV.Entity) not in entailed
    assert (land, RDF.type, FOAF.Organization) in entailed  # org:Organization ≡ foaf:Organization


def test_no_land_organisation_or_person_is_entailed_to_be_a_concept(
    closure: tuple[Graph, list[str]],
) -> None:
    """Wikidata links are owl:sameAs, schema:sameAs or rdfs:seeAlso, never skos:exactMatch
    (whose domain and range are skos:Concept): in the OWL RL closure none of our Länder,
    organisations or persons is a skos:Concept, and every skos:exactMatch links two."""
    entailed, _ = closure
    ours = {
        s
        for cls in (INTMK.Land, INTMK.Organisation, INTMK.Person)
        for s in entailed.subjects(RDF.type, cls)
        if str(s).startswith(ID)
    }
    assert URIRef(ID + "land/DE-HE") in ours and URIRef(ID + "organisation/bmi") in ours
    assert [str(s) for s in ours if (s, RDF.type, SKOS.Concept) in entailed] == []
    for s, o in entailed.subject_objects(SKOS.exactMatch):
        assert (s, RDF.type, SKOS.Concept) in entailed and (o, RDF.type, SKOS.Concept) in entailed


def test_the_check_finds_the_clashes_the_model_could_have(axioms: Graph) -> None:
    """The ontology and a few resources of the seed's model: with the old provenance of
    events and two more clashes each inconsistency is reported, and nothing else is."""
    conference, meeting = URIRef(C18), URIRef(C18 + "/meeting/vorkonferenz")
    person, outcome = URIRef(ID + "person/kai-klose"), URIRef(CONCEPT + "outcome/einstimmig")
    data = union(ontology_graph(Uris(BASE)), axioms)
    for triple in [
        (conference, RDF.type, INTMK.Conference),
        (conference, INTMK.minutes, MINUTES),
        (meeting, RDF.type, INTMK.Meeting),
        (MINUTES, RDF.type, INTMK.SourceDocument),
        (person, RDF.type, INTMK.Person),
        (outcome, SKOS.prefLabel, Literal("einstimmig", lang="de")),
        # the old model: events derived from their minutes (PROV-O: Activity ⊓ Entity)
        (conference, PROV.wasDerivedFrom, MINUTES),
        (meeting, PROV.wasDerivedFrom, MINUTES),
        # a person that is also an organisation (FOAF: Person ⊓ Organization, via ORG)
        (person, RDF.type, INTMK.Organisation),
        # one label both preferred and alternative (SKOS S13, tests/fixtures/external/axioms.ttl)
        (outcome, SKOS.altLabel, Literal("einstimmig", lang="de")),
    ]:
        data.add(triple)
    expected = {
        "conference": f"Disjoint classes {PROV.Activity} and {PROV.Entity} "
        f"have a common individual {conference}",
        "meeting": f"Disjoint classes {PROV.Activity} and {PROV.Entity} "
        f"have a common individual {meeting}",
        "person": f"have a common individual {person}",
        "label": f"Erroneous usage of disjoint properties {SKOS.prefLabel} and {SKOS.altLabel}",
    }
    found = inconsistencies(data)
    matched = {key for key, text in expected.items() for message in found if text in message}
    assert matched == set(expected), found
    assert all(any(text in message for text in expected.values()) for message in found), found


def test_the_vendored_vocabularies_state_the_axioms_the_check_relies_on(axioms: Graph) -> None:
    assert (PROV.Activity, OWL.disjointWith, PROV.Entity) in axioms
    assert (PROV.wasDerivedFrom, RDFS.domain, PROV.Entity) in axioms
    assert (FOAF.Person, OWL.disjointWith, FOAF.Organization) in axioms
    assert (SKOS.prefLabel, OWL.propertyDisjointWith, SKOS.altLabel) in axioms
    # OWL's literals are kept: PROV-O's and ORG's cardinality restrictions
    assert any(isinstance(o, Literal) for o in axioms.objects(None, OWL.maxCardinality)) or any(
        isinstance(o, Literal) for o in axioms.objects(None, OWL.qualifiedCardinality)
    )
