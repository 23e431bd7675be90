"""The SPARQL 1.1 Service Description of /sparql (browsers get the query page instead).

A GET on the endpoint without a query describes the service: where it is, what it
speaks, the result formats, and the dataset it queries (each named graph with its size),
so a client can find out what it may ask before asking.
"""

from __future__ import annotations

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from server import results

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DESCRIPTION_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
}
RESULT_FORMAT_IRIS = {
    results.SPARQL_JSON: "SPARQL_Results_JSON",
    results.SPARQL_XML: "SPARQL_Results_XML",
    results.CSV: "SPARQL_Results_CSV",
    results.TSV: "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
}
"""Names in the W3C registry of format IRIs, http://www.w3.org/ns/formats/."""
PREFIXES = {"sd": SD, "void": VOID, "formats": FORMATS}
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def graph_sizes(store: pyoxigraph.Store) -> list[tuple[str, int]]:
    """Every named graph of the store and its number of triples."""
    solutions = store.query(GRAPH_SIZES)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    return [(row["g"].value, int(row["n"].value)) for row in solutions]


def dataset_triples(store: pyoxigraph.Store, dataset: BlankNode) -> list[Triple]:
    """sd:defaultDataset: the union default graph and each named graph, with void:triples."""
    sizes = graph_sizes(store)
    default = BlankNode("defaultGraph")
    triples = [
        Triple(dataset, RDF_TYPE, sd("Dataset")),
        Triple(dataset, sd("defaultGraph"), default),
        Triple(default, RDF_TYPE, sd("Graph")),
        Triple(default, NamedNode(VOID + "triples"), Literal(sum(n for _, n in sizes))),
    ]
    for index, (name, count) in enumerate(sizes):
        named, graph = BlankNode(f"namedGraph{index}"), BlankNode(f"graph{index}")
        triples += [
            Triple(dataset, sd("namedGraph"), named),
            Triple(named, RDF_TYPE, sd("NamedGraph")),
            Triple(named, sd("name"), NamedNode(name)),
            Triple(named, sd("graph"), graph),
            Triple(graph, RDF_TYPE, sd("Graph")),
            Triple(graph, NamedNode(VOID + "triples"), Literal(count)),
        ]
    return triples


def description(endpoint: str, store: pyoxigraph.Store) -> list[Triple]:
    """The service description of the endpoint at `endpoint` over `store`."""
    service, dataset = BlankNode("service"), BlankNode("dataset")
    triples = [
        Triple(service, RDF_TYPE, sd("Service")),
        Triple(service, sd("endpoint"), NamedNode(endpoint)),
        Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        *(
            Triple(service, sd("resultFormat"), NamedNode(FORMATS + name))
            for name in RESULT_FORMAT_IRIS.values()
        ),
        Triple(service, sd("defaultDataset"), dataset),
    ]
    return triples + dataset_triples(store, dataset)


def serialize_description(endpoint: str, store: pyoxigraph.Store, media_type: str) -> bytes:
    rdf_format = DESCRIPTION_FORMATS[media_type]
    return (
        pyoxigraph.serialize(description(endpoint, store), format=rdf_format, prefixes=PREFIXES)
        or b""
    )
