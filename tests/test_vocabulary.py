"""The vocabulary consumers can trust (docs/VOCABULARY.md): one persistent namespace, its
version and provenance, one licence IRI, no term removed, and every deployment
documenting the persistent IRIs on its own host."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, XSD

from mapping.build import ontology_graph
from mapping.shacl import load_shapes
from mapping.uris import CONCEPT_SCHEMES, VOCABULARY, Uris
from tests.conftest import BASE, INTMK, ROOT

ONTOLOGY = URIRef(VOCABULARY + "ontology")
VANN = "http://purl.org/vocab/vann/"
LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")


def test_the_vocabulary_does_not_follow_the_base() -> None:
    """Parsed for two bases, the ontology and its concept schemes are the same graph."""
    one = ontology_graph(Uris("https://intmk.example.org/"))
    two = ontology_graph(Uris("http://127.0.0.1:34081/"))
    assert isomorphic(one, two)
    assert not any(
        "example.org" in str(term) or "127.0.0.1" in str(term) for t in one for term in t
    )
    shapes_one = load_shapes(Uris("https://intmk.example.org/"))
    assert (URIRef(VOCABULARY + "shapes"), RDF.type, OWL.Ontology) in shapes_one
    # the shapes name the Länder, which are data: under the data's base
    assert URIRef("https://intmk.example.org/id/land/DE-HE") in set(shapes_one.objects())


def test_the_ontology_says_its_version_authors_dates_and_licence() -> None:
    graph = ontology_graph(Uris(BASE))
    version = str(graph.value(ONTOLOGY, OWL.versionInfo))
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert graph.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{VOCABULARY}ontology/{version}")
    prior = graph.value(ONTOLOGY, OWL.priorVersion)
    assert prior is not None and str(prior).startswith(f"{VOCABULARY}ontology/")
    assert prior != graph.value(ONTOLOGY, OWL.versionIRI)
    for role in (DCTERMS.creator, DCTERMS.publisher):
        agent = graph.value(ONTOLOGY, role)
        assert agent is not None and graph.value(agent, FOAF.name) is not None, role
    issued, modified = (graph.value(ONTOLOGY, p) for p in (DCTERMS.issued, DCTERMS.modified))
    assert isinstance(issued, Literal) and issued.datatype == XSD.date
    assert isinstance(modified, Literal) and modified.datatype == XSD.date
    assert issued.toPython() <= modified.toPython()
    assert set(graph.objects(ONTOLOGY, DCTERMS.license)) == {LICENCE}
    assert graph.value(ONTOLOGY, URIRef(VANN + "preferredNamespacePrefix")) == Literal("intmk")
    namespace = graph.value(ONTOLOGY, URIRef(VANN + "preferredNamespaceUri"))
    assert str(namespace) == str(INTMK) == VOCABULARY + "ontology#"


def test_one_licence_iri_everywhere(built: Path) -> None:
    """Data, dataset description, ontology and shapes name DL-DE-BY-2.0 by one IRI."""
    graph = Graph()
    for name in ("intmk.nq", "dataset.nq"):
        graph.parse(built / name, format="nquads")
    graph += load_shapes(Uris(BASE))
    licences = set(graph.objects(None, DCTERMS.license))
    assert licences == {LICENCE}
    # the RDF the build and the server write (a page's link for people may go elsewhere)
    for folder in ("ontology", "shapes", "mapping"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".ttl", ".py", ".jsonld"):
                assert "govdata.de/dl-de" not in path.read_text(encoding="utf-8"), path


def listed_terms() -> set[str]:
    """The local names ontology/TERMS.md lists (the contract: never removed, never reused)."""
    text = (ROOT / "ontology" / "TERMS.md").read_text(encoding="utf-8")
    terms = text[text.index("## Classes") : text.index("## Concept schemes")]
    return set(re.findall(r"^\| ([A-Za-z]+) \|", terms, re.M)) - {"term"}


def test_no_listed_term_is_removed_and_every_term_is_defined_by_the_ontology() -> None:
    graph = ontology_graph(Uris(BASE))
    names = listed_terms()
    assert len(names) > 80
    for name in names:
        term = INTMK[name]
        assert graph.value(term, RDF.type) is not None, f"intmk:{name} is listed but gone"
        assert graph.value(term, RDFS.isDefinedBy) == ONTOLOGY, name


def test_deprecated_terms_say_since_when_and_what_replaces_them() -> None:
    """The policy's form, for every term marked deprecated (in 0.2.0 the outcomes
    einstimmig and mehrheitlich, in 0.3.0 intmk:formOfAddress, intmk:firstLine and
    intmk:lastLine); a term marked without it fails here."""
    graph = ontology_graph(Uris(BASE))
    graph.add((INTMK.exampleRetired, OWL.deprecated, Literal(True)))
    problems = deprecation_problems(graph)
    assert problems == [str(INTMK.exampleRetired)]
    graph.remove((INTMK.exampleRetired, None, None))
    assert deprecation_problems(graph) == []


def deprecation_problems(graph: Graph) -> list[str]:
    problems = []
    for term in graph.subjects(OWL.deprecated, Literal(True)):
        comments = " ".join(str(c) for c in graph.objects(term, RDFS.comment))
        if not re.search(r"\d+\.\d+\.\d+", comments) or graph.value(term, RDFS.isDefinedBy) is None:
            problems.append(str(term))
    return problems


def test_concept_schemes_are_vocabulary() -> None:
    graph = ontology_graph(Uris(BASE))
    declared = {
        str(s).removeprefix(f"{VOCABULARY}id/")
        for s in graph.subjects(RDF.type, SKOS.ConceptScheme)
    }
    assert declared == set(CONCEPT_SCHEMES), "every scheme dereferences under /id/"
    for scheme in CONCEPT_SCHEMES:
        iri = URIRef(f"{VOCABULARY}id/{scheme}")
        assert (iri, RDF.type, SKOS.ConceptScheme) in graph, scheme
        assert graph.value(iri, RDFS.isDefinedBy) == ONTOLOGY
        concepts = set(graph.subjects(SKOS.inScheme, iri))
        assert concepts and all(str(c).startswith(f"{VOCABULARY}id/{scheme}/") for c in concepts)


def test_every_deployment_documents_the_persistent_iris(client: httpx.Client) -> None:
    ontology = client.get("/ontology.ttl")
    assert ontology.status_code == 200
    assert "https://w3id.org/intmk/ontology#" in ontology.text
    assert "localhost:8000/ontology" not in ontology.text
    concept = client.get("/id/outcome/einstimmig", headers={"Accept": "text/turtle"})
    assert concept.status_code == 303
    assert concept.headers["location"] == "/doc/outcome/einstimmig"
    described = Graph().parse(data=client.get("/doc/outcome/einstimmig.ttl").text, format="turtle")
    einstimmig = URIRef(VOCABULARY + "id/outcome/einstimmig")
    assert (einstimmig, RDF.type, SKOS.Concept) in described
    page = client.get("/doc/conference/18/resolution/4.1.html").text
    assert 'href="/doc/outcome/' in page  # the concept, on this host
    assert 'href="https://w3id.org/' not in page
    document = Graph().parse(data=client.get("/doc/conference/18.ttl").text, format="turtle")
    assert set(document.objects(None, DCTERMS.license)) == {LICENCE}
    shapes = client.get("/shapes.ttl").text
    assert (
        "https://w3id.org/intmk/shapes#" in shapes and "<http://localhost:8000/shapes" not in shapes
    )
